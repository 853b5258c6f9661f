package org.neuroseg.knime.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataTableSpecCreator;
import org.knime.core.data.DataType;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.neuroseg.table.Column;
import org.neuroseg.table.ColumnType;
import org.neuroseg.table.Table;

/**
 * Core {@link Table}s as KNIME tables and back, cell by cell: INT as IntCell, DOUBLE as DoubleCell, STRING as
 * StringCell; table properties as properties of the table spec. Rows are named Row0, Row1, ...
 */
public final class KnimeTables {

    private KnimeTables() {
    }

    /** @return a KNIME table holding {@code table}, created in {@code exec} */
    public static BufferedDataTable write(Table table, ExecutionContext exec) {
        DataTableSpecCreator spec = new DataTableSpecCreator();
        for (Column column : table.columns()) {
            spec.addColumns(new DataColumnSpecCreator(column.name(), dataType(column.type())).createSpec());
        }
        new TreeMap<>(table.properties()).forEach(spec::putProperty);
        BufferedDataContainer container = exec.createDataContainer(spec.createSpec());
        for (int r = 0; r < table.rows().size(); r++) {
            List<DataCell> cells = new ArrayList<>();
            for (Object value : table.rows().get(r)) {
                cells.add(cell(value));
            }
            container.addRowToTable(new DefaultRow("Row" + r, cells));
        }
        container.close();
        return container.getTable();
    }

    /**
     * Reads a KNIME table whose columns hold whole numbers, numbers or text.
     *
     * @throws IllegalArgumentException naming the column or row that has another type or a missing cell
     */
    public static Table read(BufferedDataTable table) {
        DataTableSpec spec = table.getDataTableSpec();
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < spec.getNumColumns(); c++) {
            DataColumnSpec column = spec.getColumnSpec(c);
            columns.add(new Column(column.getName(), columnType(column)));
        }
        List<List<Object>> rows = new ArrayList<>();
        try (CloseableRowIterator iterator = table.iterator()) {
            while (iterator.hasNext()) {
                DataRow row = iterator.next();
                List<Object> values = new ArrayList<>(columns.size());
                for (int c = 0; c < columns.size(); c++) {
                    values.add(value(row.getCell(c), rows.size(), columns.get(c).name()));
                }
                rows.add(values);
            }
        }
        Map<String, String> properties = spec.getProperties();
        return new Table(columns, rows, properties);
    }

    private static DataType dataType(ColumnType type) {
        return switch (type) {
            case INT -> IntCell.TYPE;
            case DOUBLE -> DoubleCell.TYPE;
            case STRING -> StringCell.TYPE;
        };
    }

    private static ColumnType columnType(DataColumnSpec column) {
        DataType type = column.getType();
        if (IntCell.TYPE.equals(type)) {
            return ColumnType.INT;
        } else if (DoubleCell.TYPE.equals(type)) {
            return ColumnType.DOUBLE;
        } else if (StringCell.TYPE.equals(type)) {
            return ColumnType.STRING;
        }
        throw new IllegalArgumentException("column '" + column.getName() + "' holds " + type
                + "; NeuroSeg reads columns of whole numbers, numbers or text");
    }

    private static DataCell cell(Object value) {
        if (value instanceof Integer number) {
            return new IntCell(number);
        } else if (value instanceof Double number) {
            return new DoubleCell(number);
        }
        return new StringCell((String) value);
    }

    private static Object value(DataCell cell, int row, String column) {
        if (cell.isMissing()) {
            throw new IllegalArgumentException("row " + row + ", column '" + column + "' is missing a value");
        } else if (cell instanceof IntCell number) {
            return number.getIntValue();
        } else if (cell instanceof DoubleCell number) {
            return number.getDoubleValue();
        }
        return ((StringCell) cell).getStringValue();
    }
}
