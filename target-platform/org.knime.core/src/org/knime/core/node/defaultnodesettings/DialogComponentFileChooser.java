package org.knime.core.node.defaultnodesettings;

public class DialogComponentFileChooser extends DialogComponent {
    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID, final String... validExtensions) {
        super(stringModel);
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID, final int dialogType, final boolean directoryOnly, final String... validExtensions) {
        super(stringModel);
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public void setBorderTitle(final String newTitle) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public void setToolTipText(final String text) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
