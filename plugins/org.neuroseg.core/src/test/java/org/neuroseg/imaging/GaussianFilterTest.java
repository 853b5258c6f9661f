package org.neuroseg.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroseg.NeurosegException;

class GaussianFilterTest {

    @Test
    void blurMatchesDirectTwoDimensionalConvolutionWithMirroredEdges() throws NeurosegException {
        assertBlurMatchesDirectConvolution(23, 31, 1.7);
    }

    @Test
    void kernelWiderThanTheImageKeepsMirroring() throws NeurosegException {
        assertBlurMatchesDirectConvolution(4, 6, 3);
    }

    @Test
    void differenceOfGaussiansIsTheDifferenceOfTheTwoBlurs() throws NeurosegException {
        int height = 40;
        int width = 50;
        float[] image = noise(height, width, 5);
        float[] narrow = new float[image.length];
        float[] wide = new float[image.length];
        float[] dog = new float[image.length];
        try (GaussianFilter filter = new GaussianFilter(height, width)) {
            filter.blur(image, 2, narrow);
            filter.blur(image, 3.2, wide);
            filter.differenceOfGaussians(image, 2, 3.2, dog);
        }
        for (int i = 0; i < image.length; i++) {
            assertEquals(narrow[i] - wide[i], dog[i], 1e-4, "pixel " + i);
        }
    }

    @Test
    void wideBlurOnTheShrunkImageIsCloseToTheFullBlurOfABackground() throws NeurosegException {
        // A smooth background (a ramp and a broad bump) plus noise: the shrunk blur must stay within a few percent
        // of the background's range of the exact blur, away from the edges.
        int height = 128;
        int width = 160;
        float[] image = noise(height, width, 7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image[y * width + x] += (float) (100 + 0.5 * x + 80 * Math.exp(-((x - 90) * (x - 90)
                        + (y - 60) * (y - 60)) / 800.0));
            }
        }
        float[] exact = new float[image.length];
        float[] shrunk = new float[image.length];
        try (GaussianFilter filter = new GaussianFilter(height, width)) {
            filter.blur(image, 12, exact);
            filter.blurWide(image, 12, shrunk);
        }
        double worst = 0;
        for (int y = 24; y < height - 24; y++) {
            for (int x = 24; x < width - 24; x++) {
                worst = Math.max(worst, Math.abs(exact[y * width + x] - shrunk[y * width + x]));
            }
        }
        assertTrue(worst < 3, "largest difference " + worst + " on a background spanning about 150");
    }

    private static void assertBlurMatchesDirectConvolution(int height, int width, double sigma)
            throws NeurosegException {
        float[] image = noise(height, width, 3);
        float[] blurred = new float[image.length];
        try (GaussianFilter filter = new GaussianFilter(height, width)) {
            filter.blur(image, sigma, blurred);
        }
        // the small-image smoothing in Java must give the same image
        float[] smoothed = Gaussian.smooth(image, height, width, sigma);
        float[] k = Gaussian.halfKernel(sigma);
        int r = k.length - 1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double expected = 0;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        expected += k[Math.abs(dy)] * k[Math.abs(dx)]
                                * image[Gaussian.mirror(y + dy, height) * width + Gaussian.mirror(x + dx, width)];
                    }
                }
                assertEquals(expected, blurred[y * width + x], 1e-3, "pixel " + y + ", " + x);
                assertEquals(expected, smoothed[y * width + x], 1e-3, "Java, pixel " + y + ", " + x);
            }
        }
    }

    private static float[] noise(int height, int width, long seed) {
        float[] image = new float[height * width];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) random.nextDouble(0, 100);
        }
        return image;
    }
}
