package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;

public final class DoubleCell extends DataCell {
    public static final DataType TYPE = null;

    public DoubleCell(final double d) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public double getDoubleValue() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
