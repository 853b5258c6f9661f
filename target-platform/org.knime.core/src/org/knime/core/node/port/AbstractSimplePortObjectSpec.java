package org.knime.core.node.port;

import javax.swing.JComponent;

public abstract class AbstractSimplePortObjectSpec implements PortObjectSpec {
    public AbstractSimplePortObjectSpec() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public JComponent[] getViews() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
