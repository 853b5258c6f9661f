package org.knime.core.node.defaultnodesettings;

public class SettingsModelLong extends SettingsModelNumber {
    public SettingsModelLong(final String configName, final long defaultValue) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
