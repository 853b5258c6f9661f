package org.knime.core.data;

public interface DataRow extends Iterable<DataCell> {
    DataCell getCell(final int index);
}
