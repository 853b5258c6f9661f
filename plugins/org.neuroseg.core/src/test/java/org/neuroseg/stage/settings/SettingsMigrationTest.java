package org.neuroseg.stage.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.neuroseg.segmentation.CellOutlineStage;
import org.neuroseg.segmentation.RefinementStage;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.ParamType;
import org.neuroseg.stage.Parameters;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Settings saved by an older NeuroSeg load with their meaning kept. The fixture is the Morphological Refinement
 * node's settings.xml of the workflow template segment-with-shipped-models as committed at 36db2ad, before keys could
 * be migrated or derive from the cell diameter.
 */
class SettingsMigrationTest {

    private static final String FIXTURE = "/settings/morphological-refinement-36db2ad.xml";

    /** Refinement's minimum area, as the next release may re-base it: by default 0.25 d^2 for cell diameter d. */
    private static final ParamSpec MIN_AREA = RefinementStage.MIN_AREA
            .derivedFromCellDiameter(new ParamSpec.CellScaling(0.25, 2));
    /** Refinement's closing radius as a diameter, a renamed and converted key. */
    private static final ParamSpec CLOSING_DIAMETER = ParamSpec.decimal("closingDiameterPx", "Closing diameter (px)",
            2, 0, 100, "Diameter of the disc that closes gaps.");
    /** A parameter added later whose default changes results; old workflows keep the old behaviour, 0. */
    private static final ParamSpec MIN_ROUNDNESS = ParamSpec.decimal("minRoundness", "Minimum roundness", 0.5, 0, 1,
            "Smallest 4 pi area / perimeter^2 of a kept cell.");

    private static final List<ParamSpec> NEXT = List.of(RefinementStage.THRESHOLD, CLOSING_DIAMETER,
            RefinementStage.FILL_HOLES, RefinementStage.SPLIT, RefinementStage.SEPARATION, MIN_AREA,
            RefinementStage.MAX_AREA, MIN_ROUNDNESS);
    private static final List<KeyMigration> NEXT_MIGRATIONS = List.of(
            new KeyMigration.Renamed("closingDiameterPx", "closingRadiusPx", ParamType.DOUBLE,
                    radius -> 2 * (Double) radius, "0.2"),
            new KeyMigration.Added("minRoundness", "0.2", 0.0));

    @Test
    void committedWorkflowSettingsLoadAsSaved() throws Exception {
        StageSettings.Loaded loaded = StageSettings.load(RefinementStage.INSTANCE.parameters(),
                RefinementStage.INSTANCE.settingsMigrations(), fixture());
        assertEquals(List.of(), loaded.warnings());
        // the sizes that now derive from the cell diameter were saved as numbers: they keep those numbers
        assertEquals(RefinementStage.INSTANCE.defaults().with("minAreaPx", 20).with("closingRadiusPx", 1.0)
                .with("minSeparationPx", 6.0).with("maxAreaPx", 400), loaded.parameters());
        Parameters atSixteen = loaded.parameters().resolved(16);
        assertEquals(20, atSixteen.getInt(RefinementStage.MIN_AREA), "a saved number ignores the cell diameter");
        assertEquals(400, atSixteen.getInt(RefinementStage.MAX_AREA));
    }

    @Test
    void oldSettingsWithOtherNumbersKeepThem() throws Exception {
        MemorySettings store = fixture();
        store.putInt("minAreaPx", 35);
        store.putDouble("closingRadiusPx", 2.5);
        Parameters loaded = StageSettings.load(RefinementStage.INSTANCE.parameters(),
                RefinementStage.INSTANCE.settingsMigrations(), store).parameters();
        assertFalse(loaded.isAuto(RefinementStage.MIN_AREA));
        assertEquals(35, loaded.getInt(RefinementStage.MIN_AREA));
        assertEquals(2.5, loaded.getDouble(RefinementStage.CLOSING));
    }

    @Test
    void renamedRebasedAndAddedKeysKeepTheirMeaning() throws Exception {
        StageSettings.Loaded loaded = StageSettings.load(NEXT, NEXT_MIGRATIONS, fixture());
        assertEquals(List.of(), loaded.warnings());
        Parameters parameters = loaded.parameters();
        // saved as a number before it could be auto: stays that number, whatever the cell diameter
        assertFalse(parameters.isAuto(MIN_AREA));
        assertEquals(20, parameters.resolved(30).getInt(MIN_AREA));
        assertEquals(2.0, parameters.getDouble(CLOSING_DIAMETER), "radius 1 px became diameter 2 px");
        assertEquals(0.0, parameters.getDouble(MIN_ROUNDNESS), "the behaviour before the key existed");
        assertEquals(400, parameters.getInt(RefinementStage.MAX_AREA));
    }

    @Test
    void aKeyMissingWithoutMigrationIsReportedNamingIt() throws Exception {
        MemorySettings store = fixture();
        store.remove("maxAreaPx");
        StageSettings.Loaded loaded = StageSettings.load(NEXT, List.of(NEXT_MIGRATIONS.get(0)), store);
        assertEquals(2, loaded.warnings().size(), loaded.warnings().toString());
        assertTrue(loaded.warnings().get(0).startsWith("Parameter 'Maximum area (px)' (maxAreaPx) is missing from"
                + " the saved settings; it takes auto."), loaded.warnings().get(0));
        assertTrue(loaded.warnings().get(1).contains("(minRoundness)"), loaded.warnings().get(1));
        assertEquals(0.5, loaded.parameters().getDouble(MIN_ROUNDNESS));
    }

    @Test
    void migrationOfAKeyThatIsNotAParameterIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StageSettings.load(NEXT,
                List.of(new KeyMigration.Added("noSuchKey", "0.2", 1)), fixture()));
        assertTrue(e.getMessage().contains("noSuchKey"), e.getMessage());
    }

    @Test
    void autoAndExplicitCellScaledValuesRoundTrip() throws Exception {
        Parameters defaults = Parameters.defaults(NEXT);
        assertTrue(defaults.isAuto(MIN_AREA));
        MemorySettings store = new MemorySettings();
        StageSettings.save(defaults, store);
        assertEquals(true, store.asMap().get("minAreaPxAuto"));
        assertEquals(20, store.asMap().get("minAreaPx"), "the number a user starts from");
        assertEquals(defaults, StageSettings.load(NEXT, NEXT_MIGRATIONS, store).parameters());

        Parameters explicit = defaults.with("minAreaPx", 33);
        StageSettings.save(explicit, store);
        assertEquals(false, store.asMap().get("minAreaPxAuto"));
        assertEquals(explicit, StageSettings.load(NEXT, NEXT_MIGRATIONS, store).parameters());
    }

    @Test
    void autoValuesDeriveFromTheCellDiameter() {
        Parameters defaults = Parameters.defaults(NEXT);
        assertEquals(36, defaults.resolved(12).getInt(MIN_AREA), "0.25 x 12^2");
        assertEquals(31, defaults.resolved(11.1).getInt(MIN_AREA), "0.25 x 11.1^2 = 30.8, rounded");
        assertEquals(Parameters.defaults(NEXT).withText("minAreaPx", "AUTO"), defaults);
        IllegalStateException unresolved = assertThrows(IllegalStateException.class, () -> defaults.getInt(MIN_AREA));
        assertTrue(unresolved.getMessage().contains("minAreaPx"), unresolved.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> defaults.resolved(0));
        assertTrue(unknown.getMessage().contains("'Cell separation (px)' (minSeparationPx) is auto (0.75 x cell "
                + "diameter) but the cell diameter is unknown"), unknown.getMessage());
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> defaults.resolved(1));
        assertTrue(tooSmall.getMessage().contains("for a cell diameter of 1.0 px"), tooSmall.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RefinementStage.INSTANCE.defaults()
                .withText("threshold", "auto"), "only cell-scaled parameters take auto");
    }

    /**
     * Cell Outlines as the template segment-with-shipped-models saved it at e723133, before outlines could be split:
     * it loads without warnings and splits none, so old workflows find the cells they found.
     */
    @Test
    void cellOutlinesSavedBeforeTheSplitLoadWithoutIt() throws Exception {
        StageSettings.Loaded loaded = StageSettings.load(CellOutlineStage.INSTANCE.parameters(),
                CellOutlineStage.INSTANCE.settingsMigrations(), fixture("/settings/cell-outlines-e723133.xml"));
        assertEquals(List.of(), loaded.warnings());
        Parameters atEight = loaded.parameters().resolved(8);
        assertEquals(0.0, atEight.getDouble(CellOutlineStage.SPLIT_AREA));
        assertEquals(3.0, atEight.getDouble(CellOutlineStage.MARGIN));
        assertEquals(96.0, CellOutlineStage.INSTANCE.defaults().resolved(8).getDouble(CellOutlineStage.SPLIT_AREA),
                "new nodes split");
    }

    /** The model settings of the fixture, typed as KNIME's config XML types them. */
    private static MemorySettings fixture() throws Exception {
        return fixture(FIXTURE);
    }

    /** The model settings of a node's settings.xml among the test resources. */
    private static MemorySettings fixture(String resource) throws Exception {
        Element root;
        try (InputStream in = SettingsMigrationTest.class.getResourceAsStream(resource)) {
            root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
        }
        MemorySettings store = new MemorySettings();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element config && config.getTagName().equals("config")
                    && config.getAttribute("key").equals("model")) {
                for (Node e = config.getFirstChild(); e != null; e = e.getNextSibling()) {
                    if (e instanceof Element entry) {
                        put(store, entry.getAttribute("key"), entry.getAttribute("type"), entry.getAttribute("value"));
                    }
                }
            }
        }
        return store;
    }

    private static void put(MemorySettings store, String key, String type, String value) {
        switch (type) {
            case "xint" -> store.putInt(key, Integer.parseInt(value));
            case "xlong" -> store.putLong(key, Long.parseLong(value));
            case "xdouble" -> store.putDouble(key, Double.parseDouble(value));
            case "xboolean" -> store.putBoolean(key, Boolean.parseBoolean(value));
            default -> store.putString(key, value);
        }
    }
}
