package org.neuroseg.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.Stages;
import org.neuroseg.stage.settings.MemorySettings;
import org.neuroseg.stage.settings.SettingsException;
import org.neuroseg.stage.settings.StageSettings;

/**
 * Every node's settings go through save, validate and load as the node model does it (through the
 * {@link org.neuroseg.stage.settings.SettingsStore} abstraction of KNIME's node settings), with defaults and with
 * edited values; bad values are refused with a message naming the parameter.
 */
class StageSettingsRoundTripTest {

    static Stream<Stage> stages() {
        return Stream.concat(Stages.all().stream(), Stream.of(AllTypesStage.INSTANCE));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void defaultsRoundTrip(Stage stage) throws SettingsException {
        MemorySettings settings = new MemorySettings();
        StageSettings.save(stage.defaults(), settings);
        long autoKeys = stage.parameters().stream().filter(spec -> spec.cellScaling() != null).count();
        assertEquals(stage.parameters().size() + autoKeys, settings.asMap().size());
        StageSettings.Loaded loaded = StageSettings.load(stage.parameters(), stage.settingsMigrations(), settings);
        assertEquals(stage.defaults(), loaded.parameters());
        assertEquals(List.of(), loaded.warnings());
    }

    @ParameterizedTest
    @MethodSource("stages")
    void editedValuesRoundTrip(Stage stage) throws SettingsException {
        Parameters edited = stage.defaults();
        for (ParamSpec spec : stage.parameters()) {
            edited = edited.with(spec.key(), edit(spec));
        }
        MemorySettings settings = new MemorySettings();
        StageSettings.save(edited, settings);
        Parameters loaded = StageSettings.load(stage.parameters(), stage.settingsMigrations(), settings)
                .parameters();
        assertEquals(edited, loaded);
        if (!stage.parameters().isEmpty()) {
            assertTrue(!loaded.equals(stage.defaults()), "edits must change something");
        }
    }

    @ParameterizedTest
    @MethodSource("stages")
    void badValuesAreRefusedNamingTheParameter(Stage stage) {
        List<String> accepted = new ArrayList<>();
        for (ParamSpec spec : stage.parameters()) {
            MemorySettings settings = new MemorySettings();
            StageSettings.save(stage.defaults(), settings);
            if (spec.cellScaling() != null) {
                // a typed value, not auto: the bad value is read
                settings.putBoolean(spec.autoKey(), false);
            }
            switch (spec.type()) {
                case INTEGER -> settings.putInt(spec.key(), spec.max().intValue() + 1);
                case DOUBLE -> settings.putDouble(spec.key(), Double.NaN);
                case CHOICE -> settings.putString(spec.key(), "no such choice");
                case LONG, BOOLEAN -> settings.putString(spec.key(), "not a value of this type");
                case STRING, PATH -> settings.putInt(spec.key(), 1);
            }
            SettingsException e = assertThrows(SettingsException.class,
                    () -> StageSettings.load(stage.parameters(), stage.settingsMigrations(), settings), spec.key());
            if (!e.getMessage().contains("'" + spec.label() + "' (" + spec.key() + ")")) {
                accepted.add(spec.key() + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), accepted);
    }

    private static Object edit(ParamSpec spec) {
        return switch (spec.type()) {
            case INTEGER -> spec.max().intValue() == (Integer) spec.defaultValue() ? spec.min().intValue()
                    : spec.max().intValue();
            case LONG -> (Long) spec.defaultValue() + 1;
            case DOUBLE -> spec.max() == (double) (Double) spec.defaultValue() ? spec.min() : spec.max();
            case BOOLEAN -> !(Boolean) spec.defaultValue();
            case STRING, PATH -> spec.defaultValue() + "edited";
            case CHOICE -> spec.choices().get(spec.choices().size() - 1).equals(spec.defaultValue())
                    ? spec.choices().get(0) : spec.choices().get(spec.choices().size() - 1);
        };
    }
}
