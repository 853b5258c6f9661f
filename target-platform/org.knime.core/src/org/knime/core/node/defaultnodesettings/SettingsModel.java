package org.knime.core.node.defaultnodesettings;

public abstract class SettingsModel {
    public SettingsModel() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
