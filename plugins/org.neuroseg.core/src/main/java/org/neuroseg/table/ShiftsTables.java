package org.neuroseg.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neuroseg.stage.MotionShifts;

/**
 * The shifts table of motion correction: one row per frame, in frame order. Columns: frame (0-based), dx and dy in
 * pixels, rotation in degrees, tracked features, and the frame's correlation with the reference template before and
 * after correction (see {@link MotionShifts} for the sign convention).
 */
public final class ShiftsTables {

    /** Column of frame indices. */
    public static final String FRAME = "frame";
    /** Column of horizontal shifts in pixels. */
    public static final String DX = "dx (px)";
    /** Column of vertical shifts in pixels. */
    public static final String DY = "dy (px)";
    /** Column of rotations in degrees. */
    public static final String ROTATION = "rotation (degrees)";
    /** Column of tracked feature counts. */
    public static final String FEATURES = "tracked features";
    /** Column of correlations with the template before correction. */
    public static final String CORRELATION_BEFORE = "correlation before";
    /** Column of correlations with the template after correction. */
    public static final String CORRELATION_AFTER = "correlation after";

    /** Columns of the shifts table, in order. */
    public static final List<Column> COLUMNS = List.of(new Column(FRAME, ColumnType.INT),
            new Column(DX, ColumnType.DOUBLE), new Column(DY, ColumnType.DOUBLE),
            new Column(ROTATION, ColumnType.DOUBLE), new Column(FEATURES, ColumnType.INT),
            new Column(CORRELATION_BEFORE, ColumnType.DOUBLE), new Column(CORRELATION_AFTER, ColumnType.DOUBLE));

    private ShiftsTables() {
    }

    /** @return the shifts table of {@code shifts}, one row per frame */
    public static Table toTable(MotionShifts shifts) {
        List<List<Object>> rows = new ArrayList<>(shifts.frames());
        for (int t = 0; t < shifts.frames(); t++) {
            rows.add(List.of(t, shifts.dx()[t], shifts.dy()[t], shifts.rotationDegrees()[t],
                    shifts.trackedFeatures()[t], shifts.correlationBefore()[t], shifts.correlationAfter()[t]));
        }
        return new Table(COLUMNS, rows, Map.of());
    }

    /**
     * Reads shifts back. Columns are found by name, so their order does not matter; rows must be frames 0, 1, ... in
     * order, since each row belongs to one frame of the video.
     *
     * @throws IllegalArgumentException naming the column or row when the table is not a shifts table
     */
    public static MotionShifts fromTable(Table table) {
        for (Column column : COLUMNS) {
            table.columnIndex(column.name(), column.type());
        }
        int frameColumn = table.columnIndex(FRAME, ColumnType.INT);
        for (int t = 0; t < table.rows().size(); t++) {
            int frame = (Integer) table.rows().get(t).get(frameColumn);
            if (frame != t) {
                throw new IllegalArgumentException("row " + t + " of the shifts table is frame " + frame
                        + "; expected one row per frame in order, starting at frame 0");
            }
        }
        int featureColumn = table.columnIndex(FEATURES, ColumnType.INT);
        int[] features = table.rows().stream().mapToInt(row -> (Integer) row.get(featureColumn)).toArray();
        return new MotionShifts(doubles(table, DX), doubles(table, DY), doubles(table, ROTATION), features,
                doubles(table, CORRELATION_BEFORE), doubles(table, CORRELATION_AFTER));
    }

    private static double[] doubles(Table table, String name) {
        int column = table.columnIndex(name, ColumnType.DOUBLE);
        return table.rows().stream().mapToDouble(row -> (Double) row.get(column)).toArray();
    }
}
