package org.neuroseg.metrics;

import java.util.Arrays;
import java.util.List;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;

/** Test ROIs: rasterised disks and rectangles, and independent IoU counting on dense masks. */
public final class Shapes {

    private Shapes() {
    }

    /** @return the pixels with r² ≥ (y − cy)² + (x − cx)² */
    public static Roi disk(int id, int cy, int cx, int radius) {
        int side = 2 * radius + 1;
        int[] rows = new int[side * side];
        int[] cols = new int[side * side];
        int n = 0;
        for (int y = cy - radius; y <= cy + radius; y++) {
            for (int x = cx - radius; x <= cx + radius; x++) {
                if ((y - cy) * (y - cy) + (x - cx) * (x - cx) <= radius * radius) {
                    rows[n] = y;
                    cols[n] = x;
                    n++;
                }
            }
        }
        return new Roi(id, Arrays.copyOf(rows, n), Arrays.copyOf(cols, n));
    }

    /** @return rows [row0, row1) x columns [col0, col1) */
    static Roi rect(int id, int row0, int col0, int row1, int col1) {
        int n = (row1 - row0) * (col1 - col0);
        int[] rows = new int[n];
        int[] cols = new int[n];
        int k = 0;
        for (int r = row0; r < row1; r++) {
            for (int c = col0; c < col1; c++) {
                rows[k] = r;
                cols[k] = c;
                k++;
            }
        }
        return new Roi(id, rows, cols);
    }

    static RoiSet set(int height, int width, Roi... rois) {
        return new RoiSet(height, width, List.of(rois));
    }

    /** @return IoU counted on dense height x width masks, independently of the code under test */
    public static double countedIou(Roi a, Roi b, int height, int width) {
        boolean[] inA = new boolean[height * width];
        boolean[] inB = new boolean[height * width];
        for (int k = 0; k < a.area(); k++) {
            inA[a.rows()[k] * width + a.cols()[k]] = true;
        }
        for (int k = 0; k < b.area(); k++) {
            inB[b.rows()[k] * width + b.cols()[k]] = true;
        }
        int intersection = 0;
        int union = 0;
        for (int p = 0; p < inA.length; p++) {
            intersection += inA[p] && inB[p] ? 1 : 0;
            union += inA[p] || inB[p] ? 1 : 0;
        }
        return (double) intersection / union;
    }
}
