package org.knime.core.node.defaultnodesettings;

public final class DialogComponentString extends DialogComponent {
    public DialogComponentString(final SettingsModelString stringModel, final String label) {
        super(stringModel);
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public void setToolTipText(final String text) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
