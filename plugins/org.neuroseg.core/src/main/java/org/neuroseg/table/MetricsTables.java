package org.neuroseg.table;

/**
 * The metrics table: what a {@link org.neuroseg.stage.PortKind#METRICS_TABLE} port carries, as a {@link Table}.
 */
public final class MetricsTables {

    private MetricsTables() {
    }

    /**
     * @param metrics a value from a metrics port
     * @return its table
     * @throws IllegalArgumentException when the value has no table form
     */
    public static Table toTable(Object metrics) {
        if (metrics instanceof Table table) {
            return table;
        }
        throw new IllegalArgumentException("no metrics table for " + metrics.getClass().getName());
    }
}
