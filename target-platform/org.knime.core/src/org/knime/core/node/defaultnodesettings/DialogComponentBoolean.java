package org.knime.core.node.defaultnodesettings;

public final class DialogComponentBoolean extends DialogComponent {
    public DialogComponentBoolean(final SettingsModelBoolean booleanModel, final String label) {
        super(booleanModel);
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public void setToolTipText(final String text) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
