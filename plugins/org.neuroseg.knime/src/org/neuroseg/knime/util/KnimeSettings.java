package org.neuroseg.knime.util;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.neuroseg.stage.settings.SettingsException;
import org.neuroseg.stage.settings.SettingsStore;

/** KNIME node settings seen as a core {@link SettingsStore}, either for reading or for writing. */
public final class KnimeSettings implements SettingsStore {

    private final NodeSettingsRO in;
    private final NodeSettingsWO out;

    private KnimeSettings(NodeSettingsRO in, NodeSettingsWO out) {
        this.in = in;
        this.out = out;
    }

    /** @return a store reading {@code settings}; its put methods throw IllegalStateException */
    public static KnimeSettings reading(NodeSettingsRO settings) {
        return new KnimeSettings(settings, null);
    }

    /** @return a store writing {@code settings}; its get methods throw IllegalStateException */
    public static KnimeSettings writing(NodeSettingsWO settings) {
        return new KnimeSettings(null, settings);
    }

    @Override
    public boolean contains(String key) {
        return reader().containsKey(key);
    }

    @Override
    public int getInt(String key) throws SettingsException {
        try {
            return reader().getInt(key);
        } catch (InvalidSettingsException e) {
            throw new SettingsException(e.getMessage(), e);
        }
    }

    @Override
    public long getLong(String key) throws SettingsException {
        try {
            return reader().getLong(key);
        } catch (InvalidSettingsException e) {
            throw new SettingsException(e.getMessage(), e);
        }
    }

    @Override
    public double getDouble(String key) throws SettingsException {
        try {
            return reader().getDouble(key);
        } catch (InvalidSettingsException e) {
            throw new SettingsException(e.getMessage(), e);
        }
    }

    @Override
    public boolean getBoolean(String key) throws SettingsException {
        try {
            return reader().getBoolean(key);
        } catch (InvalidSettingsException e) {
            throw new SettingsException(e.getMessage(), e);
        }
    }

    @Override
    public String getString(String key) throws SettingsException {
        try {
            return reader().getString(key);
        } catch (InvalidSettingsException e) {
            throw new SettingsException(e.getMessage(), e);
        }
    }

    @Override
    public void putInt(String key, int value) {
        writer().addInt(key, value);
    }

    @Override
    public void putLong(String key, long value) {
        writer().addLong(key, value);
    }

    @Override
    public void putDouble(String key, double value) {
        writer().addDouble(key, value);
    }

    @Override
    public void putBoolean(String key, boolean value) {
        writer().addBoolean(key, value);
    }

    @Override
    public void putString(String key, String value) {
        writer().addString(key, value);
    }

    private NodeSettingsRO reader() {
        if (in == null) {
            throw new IllegalStateException("these settings are open for writing only");
        }
        return in;
    }

    private NodeSettingsWO writer() {
        if (out == null) {
            throw new IllegalStateException("these settings are open for reading only");
        }
        return out;
    }
}
