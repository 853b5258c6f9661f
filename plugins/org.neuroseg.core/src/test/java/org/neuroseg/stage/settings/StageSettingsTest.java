package org.neuroseg.stage.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Parameters;

class StageSettingsTest {

    private static final List<ParamSpec> SPECS = List.of(
            ParamSpec.integer("frames", "Frames", 100, 1, 10_000, "Frames to generate."),
            ParamSpec.seed("seed", "Random seed", 42L, "Seed of the random generator."),
            ParamSpec.decimal("frameRateHz", "Frame rate (Hz)", 20.0, 0.1, 1000.0, "Frames per second."),
            ParamSpec.bool("motion", "Add motion", true, "Whether to shift frames."),
            ParamSpec.choice("projection", "Projection", "max", List.of("max", "mean"), "How to project."),
            ParamSpec.text("name", "Name", "video", "A name."),
            ParamSpec.path("inputFile", "Input file", "", ParamSpec.PathKind.FILE_TO_READ, "The video file."));

    @Test
    void defaultsRoundTripWithTheirTypes() throws SettingsException {
        MemorySettings store = new MemorySettings();
        Parameters defaults = Parameters.defaults(SPECS);
        StageSettings.save(defaults, store);
        assertEquals(Integer.class, store.asMap().get("frames").getClass());
        assertEquals(Long.class, store.asMap().get("seed").getClass());
        assertEquals(String.class, store.asMap().get("projection").getClass());
        assertEquals(defaults, StageSettings.load(SPECS, List.of(), store).parameters());
    }

    @Test
    void editedValuesRoundTrip() throws SettingsException {
        Parameters edited = Parameters.defaults(SPECS).with("frames", 7).with("seed", -3L)
                .with("frameRateHz", 2.5).with("motion", false).with("projection", "mean")
                .with("inputFile", "/data/video.tif");
        MemorySettings store = new MemorySettings();
        StageSettings.save(edited, store);
        assertEquals(edited, StageSettings.load(SPECS, List.of(), store).parameters());
    }

    @Test
    void outOfRangeValueIsRefusedNamingTheParameter() {
        MemorySettings store = new MemorySettings();
        StageSettings.save(Parameters.defaults(SPECS), store);
        store.putInt("frames", 0);
        SettingsException e = assertThrows(SettingsException.class, () -> StageSettings.load(SPECS, List.of(), store));
        assertTrue(e.getMessage().contains("'Frames' (frames)"), e.getMessage());
        assertTrue(e.getMessage().contains("1 to 10000"), e.getMessage());
    }

    @Test
    void unknownChoiceAndWrongTypeAreRefused() {
        MemorySettings store = new MemorySettings();
        StageSettings.save(Parameters.defaults(SPECS), store);
        store.putString("projection", "median");
        assertTrue(assertThrows(SettingsException.class, () -> StageSettings.load(SPECS, List.of(), store)).getMessage()
                .contains("'Projection' (projection)"));
        store.putString("projection", "max");
        store.putString("motion", "yes");
        assertTrue(assertThrows(SettingsException.class, () -> StageSettings.load(SPECS, List.of(), store)).getMessage()
                .contains("'Add motion' (motion)"));
    }

    @Test
    void aKeyMissingWithoutMigrationTakesTheDefaultAndIsReported() throws SettingsException {
        MemorySettings store = new MemorySettings();
        StageSettings.save(Parameters.defaults(SPECS).with("frames", 7).with("motion", false), store);
        store.remove("motion");
        StageSettings.Loaded loaded = StageSettings.load(SPECS, List.of(), store);
        assertEquals(7, loaded.parameters().getInt(SPECS.get(0)));
        assertEquals(true, loaded.parameters().get(SPECS.get(3)), "the missing key takes the default");
        assertEquals(List.of("Parameter 'Add motion' (motion) is missing from the saved settings; it takes true. Open"
                + " the node's dialog and confirm to save it."), loaded.warnings());
    }
}
