package org.neuroseg.stage.settings;

import java.util.Objects;
import java.util.function.UnaryOperator;
import org.neuroseg.stage.ParamType;

/**
 * How settings saved by an older NeuroSeg, which lack a parameter's key, load with their meaning kept. A stage
 * declares one per key it renamed, re-based or added ({@link org.neuroseg.stage.Stage#settingsMigrations()});
 * {@link StageSettings#load} applies it only when the key itself is missing from the settings.
 */
public sealed interface KeyMigration {

    /** @return the key of the current parameter this migration fills */
    String key();

    /**
     * The parameter {@code key} replaced {@code oldKey}: old settings hold the old key, whose value becomes the new
     * one through {@code convert} (e.g. a radius becoming a diameter: x 2).
     *
     * @param key the current key
     * @param oldKey the key older settings hold
     * @param oldType the type the old key was saved with
     * @param convert old value (Integer, Long, Double, Boolean or String, as {@code oldType}) to the new value
     * @param since the release that made the change, for the record, e.g. "0.2"
     */
    record Renamed(String key, String oldKey, ParamType oldType, UnaryOperator<Object> convert, String since)
            implements KeyMigration {

        /** Checks that nothing is missing. */
        public Renamed {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(oldKey, "oldKey");
            Objects.requireNonNull(oldType, "oldType");
            Objects.requireNonNull(convert, "convert");
            Objects.requireNonNull(since, "since");
        }
    }

    /**
     * The parameter {@code key} was added in release {@code since}; settings saved before it behave as the parameter
     * set to {@code valueBefore} (which may differ from today's default: a new option that changes results is off
     * in old workflows).
     *
     * @param key the current key
     * @param since the release that added it, for the record, e.g. "0.2"
     * @param valueBefore the value that reproduces the behaviour before the parameter existed
     */
    record Added(String key, String since, Object valueBefore) implements KeyMigration {

        /** Checks that nothing is missing. */
        public Added {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(valueBefore, "valueBefore");
        }
    }
}
