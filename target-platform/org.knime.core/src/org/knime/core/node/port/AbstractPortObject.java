package org.knime.core.node.port;

public abstract class AbstractPortObject implements PortObject {
    public AbstractPortObject() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
