package org.knime.core.node.defaultnodesettings;

public class SettingsModelDouble extends SettingsModelNumber {
    public SettingsModelDouble(final String configName, final double defaultValue) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
