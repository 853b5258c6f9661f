package org.neuroseg.table;

/** The type of a {@link Table} column and the Java type of its cells. */
public enum ColumnType {
    /** Whole numbers, cells are Integer. */
    INT(Integer.class),
    /** Real numbers, cells are Double. */
    DOUBLE(Double.class),
    /** Text, cells are String. */
    STRING(String.class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** @return the class of every cell in such a column */
    public Class<?> javaType() {
        return javaType;
    }
}
