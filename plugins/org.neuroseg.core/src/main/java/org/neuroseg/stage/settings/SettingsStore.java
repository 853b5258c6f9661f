package org.neuroseg.stage.settings;

/**
 * A flat, typed key-value store of settings, as KNIME's node settings are: each key holds an int, a long, a double, a
 * boolean or a string. Getters throw {@link SettingsException} when the key is missing or holds another type.
 */
public interface SettingsStore {

    /** @return whether {@code key} holds a value */
    boolean contains(String key);

    /** @return the int stored at {@code key} */
    int getInt(String key) throws SettingsException;

    /** @return the long stored at {@code key} */
    long getLong(String key) throws SettingsException;

    /** @return the double stored at {@code key} */
    double getDouble(String key) throws SettingsException;

    /** @return the boolean stored at {@code key} */
    boolean getBoolean(String key) throws SettingsException;

    /** @return the string stored at {@code key} */
    String getString(String key) throws SettingsException;

    /** Stores an int at {@code key}, replacing any value. */
    void putInt(String key, int value);

    /** Stores a long at {@code key}, replacing any value. */
    void putLong(String key, long value);

    /** Stores a double at {@code key}, replacing any value. */
    void putDouble(String key, double value);

    /** Stores a boolean at {@code key}, replacing any value. */
    void putBoolean(String key, boolean value);

    /** Stores a string at {@code key}, replacing any value. */
    void putString(String key, String value);
}
