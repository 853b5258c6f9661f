package org.neuroseg.table;

/**
 * A named, typed column of a {@link Table}.
 *
 * @param name header users read, unique in its table
 * @param type type of every cell
 */
public record Column(String name, ColumnType type) {

    /** Checks that the name is not blank. */
    public Column {
        if (name == null || name.isBlank() || type == null) {
            throw new IllegalArgumentException("a column needs a name and a type");
        }
    }
}
