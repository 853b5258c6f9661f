package org.neuroseg.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neuroseg.imaging.GaussianFilter;

class FrameBackgroundTest {

    @Test
    void equalsTheWideBlurOnSizesThatAreAMultipleOfTheFactor() throws Exception {
        assertEqualsWideBlur(64, 96, 8);
    }

    @Test
    void equalsTheWideBlurWhenTheKernelIsWiderThanTheCells() throws Exception {
        // 12 x 8 pixels in cells of 4 (3 x 2 cells) under a kernel of radius 6 cells: edges mirrored repeatedly.
        assertEqualsWideBlur(12, 8, 8);
    }

    @Test
    void equalsTheExactBlurBelowASigmaOfFour() throws Exception {
        assertEqualsWideBlur(30, 20, 3);
    }

    @Test
    void keepsARampWhereTheLastCellsAreNarrower() {
        // 101 x 90 pixels in cells of 4: the last row of cells is 1 pixel high, the last column 2 pixels wide.
        int height = 101;
        int width = 90;
        float[] frame = new float[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                frame[y * width + x] = 2 * y + 3 * x;
            }
        }
        FrameBackground background = new FrameBackground(height, width, 8);
        background.estimate(frame);
        float[] row = new float[width];
        // A Gaussian, cell means and linear interpolation all keep a ramp; the mirrored edges bend it within about
        // 3 sigma of the border.
        for (int y = 28; y < height - 28; y++) {
            background.row(y, row);
            for (int x = 28; x < width - 28; x++) {
                assertEquals(2 * y + 3 * x, row[x], 1e-2, "pixel " + y + ", " + x);
            }
        }
    }

    private static void assertEqualsWideBlur(int height, int width, double sigma) throws Exception {
        Random random = new Random(5);
        float[] frame = new float[height * width];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (float) (100 + 30 * Math.sin(i % width / 9.0) + 10 * random.nextGaussian());
        }
        float[] expected = new float[frame.length];
        try (GaussianFilter filter = new GaussianFilter(height, width)) {
            filter.blurWide(frame, sigma, expected);
        }
        FrameBackground background = new FrameBackground(height, width, sigma);
        background.estimate(frame);
        float[] row = new float[width];
        for (int y = 0; y < height; y++) {
            background.row(y, row);
            for (int x = 0; x < width; x++) {
                assertEquals(expected[y * width + x], row[x], 1e-3, "pixel " + y + ", " + x);
            }
        }
    }
}
