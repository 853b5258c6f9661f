package org.knime.core.data;

public interface DataTable extends Iterable<DataRow> {
}
