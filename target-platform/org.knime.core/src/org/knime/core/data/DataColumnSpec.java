package org.knime.core.data;

public final class DataColumnSpec {
    private DataColumnSpec() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public String getName() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public DataType getType() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
