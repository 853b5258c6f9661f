package org.neuroseg.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
