package org.neuroseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroseg.testing.Stats.standardDeviation;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroseg.imaging.GaussianFilter;

/**
 * The detector's threshold holds for noise that neighbouring pixels share, as in downsampled or compressed videos;
 * blobs take the size of their cells.
 */
class BlobDetectorTest {

    private static final int SIDE = 128;
    /** Cell brightness in standard deviations of the noise. */
    private static final double AMPLITUDE = 6;

    @Test
    void noiseCorrelatedBetweenNeighboursGivesFewFalseBlobsAndCellsAreStillFound() throws Exception {
        float[] white = whiteNoise(7);
        float[] correlated = new float[white.length];
        try (GaussianFilter filter = new GaussianFilter(SIDE, SIDE)) {
            filter.blur(white, 1.5, correlated);
        }
        float[] frame = correlated.clone();
        double noise = standardDeviation(correlated);
        int[][] cells = {{30, 30}, {30, 90}, {90, 60}};
        for (int[] cell : cells) {
            addDisk(frame, cell[0], cell[1], 4, AMPLITUDE * noise);
        }
        boolean[] blobs = new boolean[frame.length];
        try (BlobDetector detector = new BlobDetector(SIDE, SIDE, 4, 4, 1.6, 5, BlobDetector.Shape.DISK, true)) {
            int found = detector.detect(frame, blobs);
            for (int[] cell : cells) {
                assertTrue(blobs[cell[0] * SIDE + cell[1]], "cell at " + cell[0] + ", " + cell[1] + " missed");
            }
            assertEquals(cells.length, found, "blobs found");
        }
        try (BlobDetector dense = new BlobDetector(SIDE, SIDE, 4, 4, 1.6, 5, BlobDetector.Shape.DISK, false)) {
            // For frames full of cells the noise comes from neighbouring pixels, which share this noise
            int found = dense.detect(frame, blobs);
            assertTrue(found > 2 * cells.length, found + " blobs in frames taken as full of cells");
        }
    }

    @Test
    void blobsTakeTheRadiusOfTheirCellWithinTheRangeGiven() throws Exception {
        float[] frame = whiteNoise(11);
        int[][] cells = {{30, 30, 3}, {32, 92, 5}, {90, 40, 7}, {92, 96, 9}};
        for (int[] cell : cells) {
            addDisk(frame, cell[0], cell[1], cell[2], AMPLITUDE);
        }
        boolean[] blobs = new boolean[frame.length];
        try (BlobDetector oneSize = new BlobDetector(SIDE, SIDE, 3, 3, 1.6, 5, BlobDetector.Shape.DISK, true);
                BlobDetector sizes = new BlobDetector(SIDE, SIDE, 3, 9, 1.6, 5, BlobDetector.Shape.DISK, true)) {
            // at one radius the cells larger than it fall apart into blobs along their rims
            assertTrue(oneSize.detect(frame, blobs) > cells.length + 2, "blobs found at one radius");
            assertEquals(cells.length, sizes.detect(frame, blobs), "blobs found");
            int[] areas = cells(blobs, cells);
            for (int c = 0; c < cells.length; c++) {
                double cellArea = Math.PI * cells[c][2] * cells[c][2];
                assertEquals(cellArea, areas[c], 0.45 * cellArea, "blob on the cell of radius " + cells[c][2]);
            }
        }
    }

    /** @return per cell, the blob pixels within its radius + 3 px */
    private static int[] cells(boolean[] blobs, int[][] cells) {
        int[] areas = new int[cells.length];
        for (int c = 0; c < cells.length; c++) {
            int reach = cells[c][2] + 3;
            for (int y = -reach; y <= reach; y++) {
                for (int x = -reach; x <= reach; x++) {
                    if (x * x + y * y <= reach * reach && blobs[(cells[c][0] + y) * SIDE + cells[c][1] + x]) {
                        areas[c]++;
                    }
                }
            }
        }
        return areas;
    }

    /** @return a frame of unit Gaussian white noise */
    private static float[] whiteNoise(long seed) {
        float[] frame = new float[SIDE * SIDE];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (float) random.nextGaussian();
        }
        return frame;
    }

    private static void addDisk(float[] frame, int row, int col, int radius, double amplitude) {
        for (int y = -radius; y <= radius; y++) {
            for (int x = -radius; x <= radius; x++) {
                if (x * x + y * y <= radius * radius) {
                    frame[(row + y) * SIDE + col + x] += (float) amplitude;
                }
            }
        }
    }
}
