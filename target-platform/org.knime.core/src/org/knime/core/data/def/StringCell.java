package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;

public final class StringCell extends DataCell {
    public static final DataType TYPE = null;

    public StringCell(final String str) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public String getStringValue() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
