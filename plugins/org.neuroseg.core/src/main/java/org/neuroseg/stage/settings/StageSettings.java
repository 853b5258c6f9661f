package org.neuroseg.stage.settings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.ParamType;
import org.neuroseg.stage.Parameters;

/**
 * Maps a stage's parameters to a {@link SettingsStore} and back: one entry per parameter, its key the
 * {@link ParamSpec#key()}, its type fixed by the {@link ParamType} (INTEGER: int, LONG: long, DOUBLE: double,
 * BOOLEAN: boolean, STRING, CHOICE and PATH: string). These are the same keys and types KNIME's settings models
 * write, so a node's dialog and its model agree. A parameter that derives from the cell diameter has a second entry,
 * the boolean {@link ParamSpec#autoKey()}, true when its value is {@link ParamSpec#AUTO}; its own entry then holds
 * the number a user starts from ({@link ParamSpec#defaultValue()}).
 *
 * <p>Loading settings saved by an older NeuroSeg: a key the settings lack is filled by the stage's
 * {@link KeyMigration} for it (the renamed key's converted value, or the value that reproduces the behaviour before
 * the key was added). A key that is missing with no migration takes the parameter's initial value and is reported
 * as a warning: the settings still load (a workflow opens), and the node shows what it assumed. A cell-scaled
 * parameter saved before it could derive from the cell diameter (its key present, its auto key absent) keeps its
 * saved number.
 */
public final class StageSettings {

    private StageSettings() {
    }

    /**
     * Loaded settings.
     *
     * @param parameters the checked values
     * @param warnings one line for the user per key the settings lacked with no migration (naming the parameter and
     *        the value it took); empty when the settings were complete
     */
    public record Loaded(Parameters parameters, List<String> warnings) {

        /** Copies the warnings. */
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    /** Writes every parameter of {@code parameters} into {@code store}. */
    public static void save(Parameters parameters, SettingsStore store) {
        for (ParamSpec spec : parameters.specs()) {
            Object value = parameters.get(spec);
            if (spec.cellScaling() != null) {
                boolean auto = parameters.isAuto(spec);
                store.putBoolean(spec.autoKey(), auto);
                value = auto ? spec.defaultValue() : value;
            }
            put(store, spec.key(), spec.type(), value);
        }
    }

    /**
     * Reads and checks every parameter of {@code specs} from {@code store}, migrating keys that settings of an older
     * NeuroSeg lack (see the class comment). Validating settings is loading them and keeping nothing.
     *
     * @param specs the stage's parameters
     * @param migrations the stage's {@link KeyMigration}s, each for a key of {@code specs}
     * @param store the saved settings
     * @return the checked values and the warnings about keys missing without a migration
     * @throws SettingsException naming the parameter (label and key) when a key holds the wrong type or a value out
     *         of range (also after migration)
     * @throws IllegalArgumentException when a migration names a key that is not a parameter
     */
    public static Loaded load(List<ParamSpec> specs, List<KeyMigration> migrations, SettingsStore store)
            throws SettingsException {
        Parameters parameters = Parameters.defaults(specs);
        Map<String, KeyMigration> byKey = new HashMap<>();
        for (KeyMigration migration : migrations) {
            parameters.spec(migration.key());
            if (byKey.put(migration.key(), migration) != null) {
                throw new IllegalArgumentException("two migrations for parameter '" + migration.key() + "'");
            }
        }
        List<String> warnings = new ArrayList<>();
        for (ParamSpec spec : specs) {
            Object value;
            if (store.contains(spec.key())) {
                value = get(store, spec, spec.key(), spec.type());
                if (spec.cellScaling() != null && store.contains(spec.autoKey())
                        && get(store, spec, spec.autoKey(), ParamType.BOOLEAN).equals(Boolean.TRUE)) {
                    value = ParamSpec.AUTO;
                }
            } else if (byKey.get(spec.key()) instanceof KeyMigration.Renamed renamed
                    && store.contains(renamed.oldKey())) {
                value = renamed.convert().apply(get(store, spec, renamed.oldKey(), renamed.oldType()));
            } else if (byKey.get(spec.key()) instanceof KeyMigration.Added added) {
                value = added.valueBefore();
            } else {
                warnings.add("Parameter '" + spec.label() + "' (" + spec.key() + ") is missing from the saved"
                        + " settings; it takes " + parameters.get(spec) + ". Open the node's dialog and confirm to"
                        + " save it.");
                continue;
            }
            try {
                parameters = parameters.with(spec.key(), value);
            } catch (IllegalArgumentException e) {
                throw new SettingsException(e.getMessage(), e);
            }
        }
        return new Loaded(parameters, warnings);
    }

    private static Object get(SettingsStore store, ParamSpec spec, String key, ParamType type)
            throws SettingsException {
        try {
            return switch (type) {
                case INTEGER -> store.getInt(key);
                case LONG -> store.getLong(key);
                case DOUBLE -> store.getDouble(key);
                case BOOLEAN -> store.getBoolean(key);
                case STRING, CHOICE, PATH -> store.getString(key);
            };
        } catch (SettingsException e) {
            throw new SettingsException("Parameter '" + spec.label() + "' (" + key + "): " + e.getMessage(), e);
        }
    }

    private static void put(SettingsStore store, String key, ParamType type, Object value) {
        switch (type) {
            case INTEGER -> store.putInt(key, (Integer) value);
            case LONG -> store.putLong(key, (Long) value);
            case DOUBLE -> store.putDouble(key, (Double) value);
            case BOOLEAN -> store.putBoolean(key, (Boolean) value);
            case STRING, CHOICE, PATH -> store.putString(key, (String) value);
        }
    }
}
