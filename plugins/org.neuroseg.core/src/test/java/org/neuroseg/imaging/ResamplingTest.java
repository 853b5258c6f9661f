package org.neuroseg.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroseg.testing.Stats.standardDeviation;

import org.junit.jupiter.api.Test;

class ResamplingTest {

    @Test
    void constantImageStaysConstantWhenShrunkOrEnlarged() {
        float[] constant = new float[12 * 20];
        java.util.Arrays.fill(constant, 3.5f);
        for (int[] size : new int[][] {{5, 7}, {12, 40}, {30, 9}, {1, 1}}) {
            for (float value : Resampling.resize(constant, 12, 20, size[0], size[1])) {
                assertEquals(3.5f, value, 1e-5f);
            }
        }
    }

    @Test
    void enlargingInterpolatesBetweenPixelCentres() {
        // two columns 0 and 4, doubled: centres at 0.25 and 0.75 of the way land on 1 and 3 (align_corners false)
        float[] enlarged = Resampling.resize(new float[] {0, 4}, 1, 2, 1, 4);
        assertEquals(0f, enlarged[0], 1e-6f);
        assertEquals(1f, enlarged[1], 1e-6f);
        assertEquals(3f, enlarged[2], 1e-6f);
        assertEquals(4f, enlarged[3], 1e-6f);
    }

    @Test
    void shrinkingAveragesInsteadOfAliasing() {
        // a checkerboard of 0 and 1 shrunk 4 times: point sampling would keep 0 or 1; averaging gives about 0.5
        int side = 64;
        float[] board = new float[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                board[y * side + x] = (x + y) % 2;
            }
        }
        float[] shrunk = Resampling.resize(board, side, side, side / 4, side / 4);
        for (int y = 1; y < side / 4 - 1; y++) {
            for (int x = 1; x < side / 4 - 1; x++) {
                assertEquals(0.5f, shrunk[y * (side / 4) + x], 0.05f, "at " + y + ", " + x);
            }
        }
        float[] thirds = Resampling.resize(board, side, side, side / 3, side / 3);
        assertEquals(0.5f, thirds[5 * (side / 3) + 5], 0.1f);
    }

    @Test
    void sameSizeReturnsTheImageAndBadSizesAreRefused() {
        float[] image = new float[6];
        assertSame(image, Resampling.resize(image, 2, 3, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Resampling.resize(image, 2, 2, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> Resampling.resize(image, 2, 3, 0, 4));
    }

    @Test
    void nearestEnlargingKeepsEveryValueAndTheNoiseLevel() {
        // white noise enlarged by 1.15: bilinear interpolation lowers its spread, taking the nearest pixel does not
        int side = 200;
        int enlarged = 230;
        java.util.Random random = new java.util.Random(3);
        float[] noise = new float[side * side];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) random.nextGaussian();
        }
        float[] nearest = Resampling.nearest(noise, side, side, enlarged, enlarged);
        assertEquals(1, standardDeviation(nearest), 0.03);
        assertTrue(standardDeviation(Resampling.resize(noise, side, side, enlarged, enlarged)) < 0.75);
        java.util.Set<Float> values = new java.util.HashSet<>();
        for (float value : noise) {
            values.add(value);
        }
        for (float value : nearest) {
            assertTrue(values.contains(value));
        }
        // two columns doubled: each output pixel takes the source pixel its centre lies in
        assertArrayEquals(new float[] {0, 0, 4, 4}, Resampling.nearest(new float[] {0, 4}, 1, 2, 1, 4));
        assertArrayEquals(new float[] {0, 4}, Resampling.nearest(new float[] {0, 0, 4, 4}, 1, 4, 1, 2));
        float[] image = new float[6];
        assertSame(image, Resampling.nearest(image, 2, 3, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Resampling.nearest(image, 2, 2, 4, 4));
    }
}
