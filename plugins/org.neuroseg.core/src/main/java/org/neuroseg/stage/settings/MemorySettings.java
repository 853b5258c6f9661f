package org.neuroseg.stage.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link SettingsStore} in memory that keeps each value with its Java type (Integer, Long, Double, Boolean,
 * String), in insertion order. Used by tests and by the generators of node settings files. Not thread-safe.
 */
public final class MemorySettings implements SettingsStore {

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** @return key to value, in insertion order, unmodifiable */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** Removes {@code key} and its value, if any. */
    public void remove(String key) {
        values.remove(key);
    }

    @Override
    public boolean contains(String key) {
        return values.containsKey(key);
    }

    @Override
    public int getInt(String key) throws SettingsException {
        return get(key, Integer.class);
    }

    @Override
    public long getLong(String key) throws SettingsException {
        return get(key, Long.class);
    }

    @Override
    public double getDouble(String key) throws SettingsException {
        return get(key, Double.class);
    }

    @Override
    public boolean getBoolean(String key) throws SettingsException {
        return get(key, Boolean.class);
    }

    @Override
    public String getString(String key) throws SettingsException {
        return get(key, String.class);
    }

    @Override
    public void putInt(String key, int value) {
        values.put(key, value);
    }

    @Override
    public void putLong(String key, long value) {
        values.put(key, value);
    }

    @Override
    public void putDouble(String key, double value) {
        values.put(key, value);
    }

    @Override
    public void putBoolean(String key, boolean value) {
        values.put(key, value);
    }

    @Override
    public void putString(String key, String value) {
        values.put(key, value);
    }

    private <T> T get(String key, Class<T> type) throws SettingsException {
        Object value = values.get(key);
        if (value == null) {
            throw new SettingsException("Config for key \"" + key + "\" not found.");
        }
        if (!type.isInstance(value)) {
            throw new SettingsException("Key \"" + key + "\" holds " + value.getClass().getSimpleName() + " '"
                    + value + "', expected " + type.getSimpleName());
        }
        return type.cast(value);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
