package org.knime.core.node.defaultnodesettings;

public abstract class DialogComponent {
    public DialogComponent(final SettingsModel model) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public abstract void setToolTipText(final String text);
}
