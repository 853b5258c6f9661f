package org.neuroseg.table;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.neuroseg.stage.Raster;

/**
 * The raster table: one row per neuron, its ROI id then one 0/1 column per frame, named {@code frame 0},
 * {@code frame 1}, ... (0-based, as frame indices everywhere in NeuroSeg).
 */
public final class RasterTables {

    /** Column of ROI ids. */
    public static final String ID = RoiTables.ID;
    /** Prefix of the frame columns. */
    public static final String FRAME_PREFIX = "frame ";

    private RasterTables() {
    }

    /** @return the columns of a raster table of {@code frames} frames */
    public static List<Column> columns(int frames) {
        List<Column> columns = new ArrayList<>(frames + 1);
        columns.add(new Column(ID, ColumnType.INT));
        for (int t = 0; t < frames; t++) {
            columns.add(new Column(FRAME_PREFIX + t, ColumnType.INT));
        }
        return columns;
    }

    /** @return the raster table of {@code raster} */
    public static Table toTable(Raster raster) {
        List<List<Object>> rows = new ArrayList<>();
        for (int n = 0; n < raster.neuronIds().length; n++) {
            List<Object> row = new ArrayList<>(raster.frames() + 1);
            row.add(raster.neuronIds()[n]);
            for (int t = 0; t < raster.frames(); t++) {
                row.add(raster.active(n, t) ? 1 : 0);
            }
            rows.add(row);
        }
        return new Table(columns(raster.frames()), rows, Map.of());
    }

    /**
     * Reads a raster back: every column after the id is a frame, in order; non-zero means active.
     *
     * @throws IllegalArgumentException when the table has no id column first or a non-integer frame column
     */
    public static Raster fromTable(Table table) {
        if (table.columnIndex(ID, ColumnType.INT) != 0) {
            throw new IllegalArgumentException("a raster table starts with the column '" + ID + "'");
        }
        int frames = table.columns().size() - 1;
        for (int t = 0; t < frames; t++) {
            table.columnIndex(table.columns().get(t + 1).name(), ColumnType.INT);
        }
        int[] ids = new int[table.rows().size()];
        List<BitSet> rows = new ArrayList<>();
        for (int n = 0; n < ids.length; n++) {
            List<Object> row = table.rows().get(n);
            ids[n] = (Integer) row.get(0);
            BitSet bits = new BitSet(frames);
            for (int t = 0; t < frames; t++) {
                bits.set(t, (Integer) row.get(t + 1) != 0);
            }
            rows.add(bits);
        }
        return new Raster(ids, frames, rows);
    }
}
