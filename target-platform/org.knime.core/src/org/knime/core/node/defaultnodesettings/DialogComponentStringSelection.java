package org.knime.core.node.defaultnodesettings;

import java.util.Collection;

public final class DialogComponentStringSelection extends DialogComponent {
    public DialogComponentStringSelection( final SettingsModelString stringModel, final String label, final Collection<String> list) {
        super(stringModel);
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public void setToolTipText(final String text) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
