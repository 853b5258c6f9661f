package org.neuroseg.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;

/**
 * The ROI table: one row per ROI with its id, area, centroid, bounding box (inclusive) and pixels as row runs, and
 * the image height and width as table properties. {@link #fromTable(Table)} needs only the id and pixel columns.
 *
 * <p>Pixels are written as space-separated runs {@code row:firstColumn-lastColumn} (a single pixel as
 * {@code row:column}), rows and columns 0-based, e.g. {@code "4:10-12 5:9-13"}.
 */
public final class RoiTables {

    /** Table property holding the image height in pixels. */
    public static final String IMAGE_HEIGHT = "imageHeight";
    /** Table property holding the image width in pixels. */
    public static final String IMAGE_WIDTH = "imageWidth";
    /** Column of ROI ids. */
    public static final String ID = "ROI id";
    /** Column of pixel runs. */
    public static final String PIXELS = "pixels (row:columns)";

    /** Columns of the ROI table, in order. */
    public static final List<Column> COLUMNS = List.of(new Column(ID, ColumnType.INT),
            new Column("area (px)", ColumnType.INT), new Column("centroid row", ColumnType.DOUBLE),
            new Column("centroid column", ColumnType.DOUBLE), new Column("top row", ColumnType.INT),
            new Column("left column", ColumnType.INT), new Column("bottom row", ColumnType.INT),
            new Column("right column", ColumnType.INT), new Column(PIXELS, ColumnType.STRING));

    private RoiTables() {
    }

    /** @return the ROI table of {@code rois}, one row per ROI in set order */
    public static Table toTable(RoiSet rois) {
        List<List<Object>> rows = new ArrayList<>();
        for (Roi roi : rois.rois()) {
            int[] box = roi.boundingBox();
            rows.add(List.of(roi.id(), roi.area(), roi.centroidRow(), roi.centroidCol(), box[0], box[1], box[2],
                    box[3], encodeRuns(roi)));
        }
        return new Table(COLUMNS, rows, Map.of(IMAGE_HEIGHT, Integer.toString(rois.height()), IMAGE_WIDTH,
                Integer.toString(rois.width())));
    }

    /**
     * Reads ROIs back from a ROI table.
     *
     * @throws IllegalArgumentException naming the row or column when the table is not a ROI table
     */
    public static RoiSet fromTable(Table table) {
        int idColumn = table.columnIndex(ID, ColumnType.INT);
        int pixelColumn = table.columnIndex(PIXELS, ColumnType.STRING);
        List<Roi> rois = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            rois.add(decodeRuns((Integer) row.get(idColumn), (String) row.get(pixelColumn)));
        }
        return new RoiSet(table.intProperty(IMAGE_HEIGHT), table.intProperty(IMAGE_WIDTH), rois);
    }

    /** @return the pixels of {@code roi} as row runs, see the class comment */
    public static String encodeRuns(Roi roi) {
        StringBuilder text = new StringBuilder();
        int[] rows = roi.rows();
        int[] cols = roi.cols();
        int i = 0;
        while (i < rows.length) {
            int j = i;
            while (j + 1 < rows.length && rows[j + 1] == rows[i] && cols[j + 1] == cols[j] + 1) {
                j++;
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(rows[i]).append(':').append(cols[i]);
            if (j > i) {
                text.append('-').append(cols[j]);
            }
            i = j + 1;
        }
        return text.toString();
    }

    /**
     * @return the ROI {@code id} with the pixels of {@code runs}
     * @throws IllegalArgumentException naming the ROI when the text is not row runs
     */
    public static Roi decodeRuns(int id, String runs) {
        List<int[]> pixels = new ArrayList<>();
        for (String run : runs.trim().split("\\s+")) {
            try {
                int colon = run.indexOf(':');
                int dash = run.indexOf('-', colon);
                int row = Integer.parseInt(run.substring(0, colon));
                int first = Integer.parseInt(run.substring(colon + 1, dash < 0 ? run.length() : dash));
                int last = dash < 0 ? first : Integer.parseInt(run.substring(dash + 1));
                for (int col = first; col <= last; col++) {
                    pixels.add(new int[] {row, col});
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("ROI " + id + ": '" + run + "' is not a pixel run like 4:10-12");
            }
        }
        return new Roi(id, pixels.stream().mapToInt(p -> p[0]).toArray(), pixels.stream().mapToInt(p -> p[1])
                .toArray());
    }
}
