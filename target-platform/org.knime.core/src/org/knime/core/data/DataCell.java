package org.knime.core.data;

public abstract class DataCell {
    public boolean isMissing() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
