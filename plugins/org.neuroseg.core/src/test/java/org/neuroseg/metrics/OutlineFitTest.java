package org.neuroseg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;

class OutlineFitTest {

    @Test
    void eachPredictedRoiIsComparedWithTheReferenceItOverlapsMost() {
        Roi cell = square(1, 10, 10, 10);
        Roi other = square(2, 30, 30, 10);
        RoiSet firing = new RoiSet(64, 64, List.of(cell, other));
        // half of the first cell; the second cell and 20 pixels beside it; a neuron on no cell
        RoiSet found = new RoiSet(64, 64, List.of(square(1, 10, 10, 5, 10), square(2, 30, 30, 12, 10),
                square(3, 50, 50, 4)));
        List<OutlineFit> fits = OutlineFit.of(found, firing, 0.2);
        assertEquals(2, fits.size());
        assertEquals(0.5, fits.get(0).areaRatio(), 1e-9);
        assertEquals(0.5, fits.get(0).iou(), 1e-9);
        assertEquals(1.2, fits.get(1).areaRatio(), 1e-9);
        assertEquals(100 / 120.0, fits.get(1).iou(), 1e-9);
    }

    private static Roi square(int id, int top, int left, int side) {
        return square(id, top, left, side, side);
    }

    private static Roi square(int id, int top, int left, int rows, int cols) {
        int[] r = new int[rows * cols];
        int[] c = new int[rows * cols];
        for (int i = 0; i < r.length; i++) {
            r[i] = top + i / cols;
            c[i] = left + i % cols;
        }
        return new Roi(id, r, c);
    }
}
