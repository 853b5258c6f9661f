package org.neuroseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroseg.imaging.GaussianFilter;

/** The detector's threshold holds for noise that neighbouring pixels share, as in downsampled or compressed videos. */
class BlobDetectorTest {

    private static final int SIDE = 128;
    /** Cell brightness in standard deviations of the noise. */
    private static final double AMPLITUDE = 6;

    @Test
    void noiseCorrelatedBetweenNeighboursGivesFewFalseBlobsAndCellsAreStillFound() throws Exception {
        float[] white = new float[SIDE * SIDE];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < white.length; i++) {
            white[i] = (float) random.nextGaussian();
        }
        float[] correlated = new float[white.length];
        try (GaussianFilter filter = new GaussianFilter(SIDE, SIDE)) {
            filter.blur(white, 1.5, correlated);
        }
        float[] frame = correlated.clone();
        double noise = standardDeviation(correlated);
        int[][] cells = {{30, 30}, {30, 90}, {90, 60}};
        for (int[] cell : cells) {
            for (int y = -4; y <= 4; y++) {
                for (int x = -4; x <= 4; x++) {
                    if (x * x + y * y <= 16) {
                        frame[(cell[0] + y) * SIDE + cell[1] + x] += (float) (AMPLITUDE * noise);
                    }
                }
            }
        }
        boolean[] blobs = new boolean[frame.length];
        try (BlobDetector detector = new BlobDetector(SIDE, SIDE, 4, 1.6, 5, BlobDetector.Shape.DISK, true)) {
            int found = detector.detect(frame, blobs);
            for (int[] cell : cells) {
                assertTrue(blobs[cell[0] * SIDE + cell[1]], "cell at " + cell[0] + ", " + cell[1] + " missed");
            }
            assertEquals(cells.length, found, "blobs found");
        }
        try (BlobDetector dense = new BlobDetector(SIDE, SIDE, 4, 1.6, 5, BlobDetector.Shape.DISK, false)) {
            // For frames full of cells the noise comes from neighbouring pixels, which share this noise
            int found = dense.detect(frame, blobs);
            assertTrue(found > 2 * cells.length, found + " blobs in frames taken as full of cells");
        }
    }

    private static double standardDeviation(float[] values) {
        double sum = 0;
        double squares = 0;
        for (float value : values) {
            sum += value;
            squares += value * value;
        }
        double mean = sum / values.length;
        return Math.sqrt(squares / values.length - mean * mean);
    }
}
