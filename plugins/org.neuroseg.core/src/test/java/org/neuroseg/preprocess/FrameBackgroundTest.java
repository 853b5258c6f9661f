package org.neuroseg.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neuroseg.imaging.GaussianFilter;

class FrameBackgroundTest {

    @Test
    void equalsTheWideBlurOnSizesThatAreAMultipleOfTheFactor() throws Exception {
        int height = 64;
        int width = 96;
        Random random = new Random(5);
        float[] frame = new float[height * width];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (float) (100 + 30 * Math.sin(i % width / 9.0) + 10 * random.nextGaussian());
        }
        float[] expected = new float[frame.length];
        try (GaussianFilter filter = new GaussianFilter(height, width);
                FrameBackground background = new FrameBackground(height, width, 8)) {
            filter.blurWide(frame, 8, expected);
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

    @Test
    void keepsARampWhereTheLastCellsAreNarrower() throws Exception {
        // 101 x 90 pixels in cells of 4: the last row of cells is 1 pixel high, the last column 2 pixels wide.
        int height = 101;
        int width = 90;
        float[] frame = new float[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                frame[y * width + x] = 2 * y + 3 * x;
            }
        }
        try (FrameBackground background = new FrameBackground(height, width, 8)) {
            background.estimate(frame);
            float[] row = new float[width];
            // A Gaussian, cell means and linear interpolation all keep a ramp; the mirrored edges bend it within
            // about 3 sigma of the border.
            for (int y = 0; y < height; y++) {
                background.row(y, row);
                for (int x = 0; x < width; x++) {
                    if (Math.min(y, x) >= 28 && y < height - 28 && x < width - 28) {
                        assertEquals(2 * y + 3 * x, row[x], 1e-2, "pixel " + y + ", " + x);
                    }
                }
            }
        }
    }
}
