package org.knime.core.data;

public final class DataType {
    private DataType() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
