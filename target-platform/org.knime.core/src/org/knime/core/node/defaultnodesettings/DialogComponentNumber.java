package org.knime.core.node.defaultnodesettings;

public class DialogComponentNumber extends DialogComponent {
    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize) {
        super(numberModel);
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public void setToolTipText(final String text) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
