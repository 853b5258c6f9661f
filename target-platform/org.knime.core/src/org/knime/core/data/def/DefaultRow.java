package org.knime.core.data.def;

import java.util.Iterator;
import java.util.List;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;

public class DefaultRow implements DataRow {
    public DefaultRow(final String rowId, final List<DataCell> row) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public final DataCell getCell(final int index) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public Iterator<DataCell> iterator() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
