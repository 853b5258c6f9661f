package org.knime.core.node.defaultnodesettings;

public class SettingsModelIntegerBounded extends SettingsModelInteger {
    public SettingsModelIntegerBounded(final String configName, final int defaultValue, final int minValue, final int maxValue) {
        super(configName, defaultValue);
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
