package org.knime.core.node;

public abstract class NodeDialogPane {
    protected NodeDialogPane() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
