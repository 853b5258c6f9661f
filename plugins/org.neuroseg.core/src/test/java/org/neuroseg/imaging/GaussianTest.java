package org.neuroseg.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianTest {

    @Test
    void kernelSumsToOneAndHasRequestedVariance() {
        float[] half = Gaussian.halfKernel(2.5);
        double sum = half[0];
        double variance = 0;
        for (int i = 1; i < half.length; i++) {
            sum += 2 * half[i];
            variance += 2 * half[i] * i * i;
        }
        assertEquals(1, sum, 1e-6);
        assertEquals(2.5 * 2.5, variance, 0.1);
    }

    @Test
    void blurMatchesDirectTwoDimensionalConvolutionWithMirroredEdges() {
        int height = 23;
        int width = 31;
        double sigma = 1.7;
        float[] image = new float[height * width];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) random.nextDouble(0, 100);
        }
        float[] blurred = new float[image.length];
        Gaussian.blur(image, height, width, sigma, blurred, new float[Gaussian.scratchSize(height, width, sigma)]);
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
            }
        }
    }

    @Test
    void differenceOfGaussiansRemovesConstantAndKeepsPulse() {
        float[] signal = new float[200];
        java.util.Arrays.fill(signal, 50);
        signal[100] = 60;
        float[] filtered = Gaussian.differenceOfGaussians(signal, 1, 10);
        assertEquals(0, filtered[20], 1e-4);
        assertEquals(10 * (Gaussian.halfKernel(1)[0] - Gaussian.halfKernel(10)[0]), filtered[100], 1e-3);
    }

    @Test
    void mirrorReflectsIndices() {
        assertEquals(0, Gaussian.mirror(-1, 5));
        assertEquals(1, Gaussian.mirror(-2, 5));
        assertEquals(4, Gaussian.mirror(5, 5));
        assertEquals(3, Gaussian.mirror(6, 5));
        assertEquals(0, Gaussian.mirror(7, 1));
    }
}
