package org.neuroseg.dl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputNormalizationTest {

    /**
     * A frame of noise (mean 5, standard deviation 2) in which one pixel in twenty belongs to a cell that fires (+40,
     * 20 noise units): the robust method brings the noise to unit spread whatever the cells do; z-scores shrink it
     * by the cells' share of the variance, and the cells with it. The 512 x 512 frame is measured on a sample of its
     * pixels.
     */
    @ParameterizedTest
    @ValueSource(ints = {128, 512})
    void robustNormalisationScalesTheNoiseNotTheCells(int side) {
        Random random = new Random(3);
        float[] frame = new float[side * side];
        boolean[] cell = new boolean[frame.length];
        for (int i = 0; i < frame.length; i++) {
            cell[i] = random.nextDouble() < 0.05;
            frame[i] = (float) (5 + 2 * random.nextGaussian() + (cell[i] ? 40 : 0));
        }
        float[] robust = frame.clone();
        InputNormalization.FRAME_ROBUST.normalizeInPlace(robust);
        float[] zscore = frame.clone();
        InputNormalization.FRAME_ZSCORE.normalizeInPlace(zscore);
        assertEquals(1, noiseSpread(robust, cell), 0.1, "noise in robust units");
        assertEquals(0, noiseMean(robust, cell), 0.1, "resting pixels at 0");
        assertEquals(20, cellHeight(robust, cell), 2, "the cells 20 noise units above rest");
        assertTrue(noiseSpread(zscore, cell) < 0.3, "z-scores shrink the noise: " + noiseSpread(zscore, cell));
        assertTrue(cellHeight(zscore, cell) < 6, "and the cells: " + cellHeight(zscore, cell));
    }

    private static double cellHeight(float[] frame, boolean[] cell) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < frame.length; i++) {
            if (cell[i]) {
                sum += frame[i];
                n++;
            }
        }
        return sum / n - noiseMean(frame, cell);
    }

    @Test
    void framesMostlyOfOneValueAreScaledByTheirStandardDeviation() {
        float[] frame = new float[1000];
        for (int i = 0; i < 400; i++) {
            frame[i] = i % 2 == 0 ? 10 : -10;
        }
        InputNormalization.FRAME_ROBUST.normalizeInPlace(frame);
        assertEquals(0, frame[999], 0, "the common value is the median");
        double squares = 0;
        for (float value : frame) {
            squares += value * value;
        }
        assertEquals(1, Math.sqrt(squares / frame.length), 1e-5, "unit root mean square about it");
        float[] flat = new float[100];
        Arrays.fill(flat, 7);
        InputNormalization.FRAME_ROBUST.normalizeInPlace(flat);
        for (float value : flat) {
            assertEquals(0, value, 0, "a flat frame becomes zeros");
        }
    }

    @Test
    void methodsAreNamedByTheirKeys() {
        for (InputNormalization method : InputNormalization.values()) {
            assertEquals(method, InputNormalization.fromKey(method.key()));
        }
        assertEquals(InputNormalization.FRAME_ROBUST, InputNormalization.FOR_TRAINING);
        assertThrows(IllegalArgumentException.class, () -> InputNormalization.fromKey("none"));
    }

    private static double noiseMean(float[] frame, boolean[] cell) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < frame.length; i++) {
            if (!cell[i]) {
                sum += frame[i];
                n++;
            }
        }
        return sum / n;
    }

    private static double noiseSpread(float[] frame, boolean[] cell) {
        double mean = noiseMean(frame, cell);
        double squares = 0;
        int n = 0;
        for (int i = 0; i < frame.length; i++) {
            if (!cell[i]) {
                squares += (frame[i] - mean) * (frame[i] - mean);
                n++;
            }
        }
        return Math.sqrt(squares / n);
    }
}
