package org.neuroseg.stage.settings;

import java.util.List;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Parameters;

/**
 * Maps a stage's parameters to a {@link SettingsStore} and back: one entry per parameter, its key the
 * {@link ParamSpec#key()}, its type fixed by the {@link org.neuroseg.stage.ParamType} (INTEGER: int, LONG: long,
 * DOUBLE: double, BOOLEAN: boolean, STRING, CHOICE and PATH: string). These are the same keys and types KNIME's
 * settings models write, so a node's dialog and its model agree.
 */
public final class StageSettings {

    private StageSettings() {
    }

    /** Writes every parameter of {@code parameters} into {@code store}. */
    public static void save(Parameters parameters, SettingsStore store) {
        for (ParamSpec spec : parameters.specs()) {
            Object value = parameters.get(spec);
            switch (spec.type()) {
                case INTEGER -> store.putInt(spec.key(), (Integer) value);
                case LONG -> store.putLong(spec.key(), (Long) value);
                case DOUBLE -> store.putDouble(spec.key(), (Double) value);
                case BOOLEAN -> store.putBoolean(spec.key(), (Boolean) value);
                case STRING, CHOICE, PATH -> store.putString(spec.key(), (String) value);
            }
        }
    }

    /**
     * Reads and checks every parameter of {@code specs} from {@code store}. A key the store does not hold keeps the
     * parameter's default, so that settings saved before a parameter existed (a workflow from an older NeuroSeg) still
     * load. Validating settings is loading them and keeping nothing.
     *
     * @return the checked values
     * @throws SettingsException naming the parameter (label and key) when a key holds the wrong type or a value out
     *         of range
     */
    public static Parameters load(List<ParamSpec> specs, SettingsStore store) throws SettingsException {
        Parameters parameters = Parameters.defaults(specs);
        for (ParamSpec spec : specs) {
            if (!store.contains(spec.key())) {
                continue;
            }
            Object value;
            try {
                value = switch (spec.type()) {
                    case INTEGER -> store.getInt(spec.key());
                    case LONG -> store.getLong(spec.key());
                    case DOUBLE -> store.getDouble(spec.key());
                    case BOOLEAN -> store.getBoolean(spec.key());
                    case STRING, CHOICE, PATH -> store.getString(spec.key());
                };
            } catch (SettingsException e) {
                throw new SettingsException("Parameter '" + spec.label() + "' (" + spec.key() + "): "
                        + e.getMessage(), e);
            }
            try {
                parameters = parameters.with(spec.key(), value);
            } catch (IllegalArgumentException e) {
                throw new SettingsException(e.getMessage(), e);
            }
        }
        return parameters;
    }
}
