package org.neuroseg.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small in-memory table: typed columns, rows of cells (no missing cells) and string properties that travel with
 * it (e.g. the image size of a ROI table). Immutable.
 *
 * @param columns the columns, names unique
 * @param rows one list of cells per row, each cell an instance of its column's {@link ColumnType#javaType()}
 * @param properties key to value, e.g. {@code imageHeight}
 */
public record Table(List<Column> columns, List<List<Object>> rows, Map<String, String> properties) {

    /** Checks names, row lengths and cell types, and copies everything. */
    public Table {
        columns = List.copyOf(columns);
        properties = Map.copyOf(properties);
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("column '" + column.name() + "' appears twice");
            }
        }
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + copy.size() + " has " + row.size() + " cells, the table "
                        + columns.size() + " columns");
            }
            for (int c = 0; c < row.size(); c++) {
                if (!columns.get(c).type().javaType().isInstance(row.get(c))) {
                    throw new IllegalArgumentException("row " + copy.size() + ", column '" + columns.get(c).name()
                            + "': '" + row.get(c) + "' is not " + columns.get(c).type());
                }
            }
            copy.add(List.copyOf(row));
        }
        rows = List.copyOf(copy);
    }

    /**
     * @return the index of the column named {@code name}
     * @throws IllegalArgumentException when there is none or it has another type
     */
    public int columnIndex(String name, ColumnType type) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                if (columns.get(c).type() != type) {
                    throw new IllegalArgumentException("column '" + name + "' holds " + columns.get(c).type()
                            + ", expected " + type);
                }
                return c;
            }
        }
        throw new IllegalArgumentException("the table has no column '" + name + "'");
    }

    /**
     * @return the property {@code key} as an int
     * @throws IllegalArgumentException when missing or not a whole number
     */
    public int intProperty(String key) {
        String value = properties.get(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the table property '" + key + "' should be a whole number, got '"
                    + value + "'");
        }
    }
}
