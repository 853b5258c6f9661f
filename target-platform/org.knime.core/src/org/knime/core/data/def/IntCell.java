package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;

public class IntCell extends DataCell {
    public static final DataType TYPE = null;

    public IntCell(final int i) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public int getIntValue() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
