package org.neuroseg.roi;

import java.util.Arrays;

/**
 * One region of interest (a neuron): its pixels as parallel row and column arrays, in row-major order.
 *
 * @param id positive identifier, unique within its {@link RoiSet}
 * @param rows row (Y) of each pixel
 * @param cols column (X) of each pixel, same length as {@code rows}
 */
public record Roi(int id, int[] rows, int[] cols) {

    /** Checks the arrays and sorts the pixels into row-major order (copies; the caller's arrays are untouched). */
    public Roi {
        if (id < 1) {
            throw new IllegalArgumentException("ROI id must be at least 1, got " + id);
        }
        if (rows.length != cols.length || rows.length == 0) {
            throw new IllegalArgumentException("ROI " + id + " needs as many rows as columns and at least one pixel");
        }
        long[] keys = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            keys[i] = ((long) rows[i] << 32) | (cols[i] & 0xFFFFFFFFL);
        }
        Arrays.sort(keys);
        rows = new int[keys.length];
        cols = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            rows[i] = (int) (keys[i] >> 32);
            cols[i] = (int) keys[i];
        }
    }

    /** @return number of pixels */
    public int area() {
        return rows.length;
    }

    /** @return mean row of the pixels */
    public double centroidRow() {
        return Arrays.stream(rows).average().orElseThrow();
    }

    /** @return mean column of the pixels */
    public double centroidCol() {
        return Arrays.stream(cols).average().orElseThrow();
    }

    /** @return {minRow, minCol, maxRow, maxCol}, inclusive */
    public int[] boundingBox() {
        return new int[] {Arrays.stream(rows).min().orElseThrow(), Arrays.stream(cols).min().orElseThrow(),
            Arrays.stream(rows).max().orElseThrow(), Arrays.stream(cols).max().orElseThrow()};
    }

    /** @return this ROI moved by (dRow, dCol), keeping only pixels inside a height x width image; null if none */
    public Roi shifted(int dRow, int dCol, int height, int width) {
        int[] newRows = new int[rows.length];
        int[] newCols = new int[rows.length];
        int kept = 0;
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i] + dRow;
            int c = cols[i] + dCol;
            if (r >= 0 && r < height && c >= 0 && c < width) {
                newRows[kept] = r;
                newCols[kept] = c;
                kept++;
            }
        }
        return kept == 0 ? null : new Roi(id, Arrays.copyOf(newRows, kept), Arrays.copyOf(newCols, kept));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Roi roi && roi.id == id && Arrays.equals(roi.rows, rows)
                && Arrays.equals(roi.cols, cols);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * id + Arrays.hashCode(rows)) + Arrays.hashCode(cols);
    }

    @Override
    public String toString() {
        return "Roi[id=" + id + ", area=" + area() + ", centroid=(" + centroidRow() + ", " + centroidCol() + ")]";
    }
}
