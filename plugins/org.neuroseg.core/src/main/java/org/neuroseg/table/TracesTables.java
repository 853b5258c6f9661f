package org.neuroseg.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neuroseg.stage.Traces;

/**
 * The traces table: one row per neuron, its ROI id then one number column per frame, named like the frame columns of
 * the raster table ({@code frame 0}, {@code frame 1}, ...), so traces and raster line up column by column.
 */
public final class TracesTables {

    /** Column of ROI ids. */
    public static final String ID = RoiTables.ID;

    private TracesTables() {
    }

    /** @return the columns of a traces table of {@code frames} frames */
    public static List<Column> columns(int frames) {
        List<Column> columns = new ArrayList<>(frames + 1);
        columns.add(new Column(ID, ColumnType.INT));
        for (int t = 0; t < frames; t++) {
            columns.add(new Column(RasterTables.FRAME_PREFIX + t, ColumnType.DOUBLE));
        }
        return columns;
    }

    /** @return the traces table of {@code traces}; values are widened from float to double exactly */
    public static Table toTable(Traces traces) {
        List<List<Object>> rows = new ArrayList<>(traces.neuronIds().length);
        for (int n = 0; n < traces.neuronIds().length; n++) {
            List<Object> row = new ArrayList<>(traces.frames() + 1);
            row.add(traces.neuronIds()[n]);
            for (float value : traces.values()[n]) {
                row.add((double) value);
            }
            rows.add(row);
        }
        return new Table(columns(traces.frames()), rows, Map.of());
    }

    /**
     * Reads traces back: every column after the id is a frame, in order; values are narrowed to float.
     *
     * @throws IllegalArgumentException when the table has no id column first or a frame column that is not numbers
     */
    public static Traces fromTable(Table table) {
        if (table.columnIndex(ID, ColumnType.INT) != 0) {
            throw new IllegalArgumentException("a traces table starts with the column '" + ID + "'");
        }
        int frames = table.columns().size() - 1;
        for (int t = 0; t < frames; t++) {
            table.columnIndex(table.columns().get(t + 1).name(), ColumnType.DOUBLE);
        }
        int[] ids = new int[table.rows().size()];
        float[][] values = new float[ids.length][frames];
        for (int n = 0; n < ids.length; n++) {
            List<Object> row = table.rows().get(n);
            ids[n] = (Integer) row.get(0);
            for (int t = 0; t < frames; t++) {
                values[n][t] = ((Double) row.get(t + 1)).floatValue();
            }
        }
        return new Traces(ids, values);
    }
}
