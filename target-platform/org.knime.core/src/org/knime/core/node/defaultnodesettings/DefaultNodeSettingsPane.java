package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.NodeDialogPane;

public class DefaultNodeSettingsPane extends NodeDialogPane {
    public DefaultNodeSettingsPane() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public void addDialogComponent(final DialogComponent diaC) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
