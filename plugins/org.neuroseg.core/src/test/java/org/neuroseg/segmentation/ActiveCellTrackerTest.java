package org.neuroseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroseg.imaging.ConnectedComponents;
import org.neuroseg.imaging.Morphology;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;

class ActiveCellTrackerTest {

    private static final int SIDE = 64;
    private static final int MIN_AREA = 10;
    private static final int MAX_AREA = 400;

    private static float[] disks(double[]... centres) {
        boolean[] mask = new boolean[SIDE * SIDE];
        for (double[] centre : centres) {
            Morphology.drawDisk(mask, SIDE, SIDE, centre[0], centre[1], centre[2]);
        }
        float[] frame = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            frame[i] = mask[i] ? 0.9f : 0.1f;
        }
        return frame;
    }

    private static List<Roi> byColumn(RoiSet cells) {
        return cells.rois().stream().sorted(Comparator.comparingDouble(Roi::centroidCol)).toList();
    }

    @Test
    void touchingCellsThatFireAtDifferentTimesStayApart() {
        double[] left = {30, 24, 6};
        double[] right = {30, 35, 6};
        // the union of all frames is one region: a map of active frames would have to be cut
        boolean[] union = new boolean[SIDE * SIDE];
        Morphology.drawDisk(union, SIDE, SIDE, 30, 24, 6);
        Morphology.drawDisk(union, SIDE, SIDE, 30, 35, 6);
        assertEquals(1, ConnectedComponents.of(union, SIDE, SIDE, true).count());

        ActiveCellTracker tracker = new ActiveCellTracker(SIDE, SIDE, 0.5, MIN_AREA);
        for (int t = 0; t < 12; t++) {
            // the marks wobble by a pixel from frame to frame, as a network's do
            double wobble = t % 3 - 1;
            tracker.push(t % 2 == 0 ? disks(new double[] {left[0] + wobble, left[1], left[2]})
                    : disks(new double[] {right[0], right[1] + wobble, right[2]}));
        }
        List<Roi> cells = byColumn(tracker.cells(2, MIN_AREA, MAX_AREA));
        assertEquals(2, cells.size());
        assertEquals(24, cells.get(0).centroidCol(), 1);
        assertEquals(35, cells.get(1).centroidCol(), 1);
        assertEquals(30, cells.get(0).centroidRow(), 1);
        for (Roi cell : cells) {
            assertEquals(Math.PI * 36, cell.area(), 25, "core of a disk of radius 6");
        }
    }

    @Test
    void cellsActiveInTooFewFramesAndSpecksAreLeftOut() {
        ActiveCellTracker tracker = new ActiveCellTracker(SIDE, SIDE, 0.5, MIN_AREA);
        tracker.push(disks(new double[] {15, 15, 5}, new double[] {45, 45, 5}, new double[] {50, 10, 1}));
        tracker.push(disks(new double[] {15, 15, 5}, new double[] {50, 10, 1}));
        tracker.push(disks(new double[] {50, 10, 1}));
        assertEquals(2, tracker.cellCount(), "the speck of 5 pixels starts no cell");
        List<Roi> cells = tracker.cells(2, MIN_AREA, MAX_AREA).rois();
        assertEquals(1, cells.size(), "the cell at (45, 45) was active in one frame only");
        assertEquals(15, cells.get(0).centroidRow(), 0.5);
        assertEquals(2, tracker.cells(1, MIN_AREA, MAX_AREA).size());
        assertEquals(0, tracker.cells(1, 200, MAX_AREA).size(), "both are smaller than 200 pixels");
    }

    @Test
    void aPixelInTwoCoresGoesToTheCellThatCoveredItMoreOften() {
        ActiveCellTracker tracker = new ActiveCellTracker(SIDE, SIDE, 0.5, MIN_AREA);
        // two cells whose marks overlap by a band of columns; the right cell covers the band in all its frames,
        // the left cell in half of them
        for (int t = 0; t < 8; t++) {
            tracker.push(disks(new double[] {30, t % 2 == 0 ? 20 : 22, 8}));
            tracker.push(disks(new double[] {30, 38, 12}));
        }
        List<Roi> cells = byColumn(tracker.cells(2, MIN_AREA, 1000));
        assertEquals(2, cells.size());
        int column = 29;
        int row = 30;
        assertTrue(contains(cells.get(1), row, column), "the band belongs to the right cell");
        assertTrue(!contains(cells.get(0), row, column));
        int overlapping = 0;
        for (int i = 0; i < cells.get(0).area(); i++) {
            overlapping += contains(cells.get(1), cells.get(0).rows()[i], cells.get(0).cols()[i]) ? 1 : 0;
        }
        assertEquals(0, overlapping, "no pixel in two cells");
    }

    @Test
    void framesOfAnotherSizeAreRefused() {
        ActiveCellTracker tracker = new ActiveCellTracker(SIDE, SIDE, 0.5, MIN_AREA);
        assertThrows(IllegalArgumentException.class, () -> tracker.push(new float[10]));
    }

    private static boolean contains(Roi roi, int row, int column) {
        for (int i = 0; i < roi.area(); i++) {
            if (roi.rows()[i] == row && roi.cols()[i] == column) {
                return true;
            }
        }
        return false;
    }
}
