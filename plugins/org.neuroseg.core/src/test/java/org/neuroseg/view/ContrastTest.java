package org.neuroseg.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContrastTest {

    @Test
    void autoTakesTheFirstAndNinetyNinthPercentileOfTheFinitePixels() {
        float[] ramp = shuffledRamp(101, new Random(3));
        float[] plane = Arrays.copyOf(ramp, 103);
        plane[101] = Float.NaN;
        plane[102] = Float.POSITIVE_INFINITY;
        assertEquals(new Contrast(1, 99), Contrast.auto(plane));
    }

    @Test
    void autoShowsASparseMaskWhole() {
        float[] mask = new float[1000];
        mask[10] = 1;
        mask[500] = 1;
        assertEquals(new Contrast(0, 1), Contrast.auto(mask));
    }

    @Test
    void autoOfAConstantOrEmptyPlaneIsStillValid() {
        assertEquals(new Contrast(7, 8), Contrast.auto(new float[] {7, 7, 7}));
        assertEquals(new Contrast(0, 1), Contrast.auto(new float[] {Float.NaN, Float.NaN}));
    }

    @Test
    void autoSamplesLargePlanesCloseToTheExactPercentiles() {
        int n = 3 * Contrast.MAX_SORTED_PIXELS + 5;
        float[] plane = shuffledRamp(n, new Random(5));
        Contrast contrast = Contrast.auto(plane);
        assertEquals(0.01 * (n - 1), contrast.min(), 0.002 * n);
        assertEquals(0.99 * (n - 1), contrast.max(), 0.002 * n);
    }

    @Test
    void greyIsLinearBetweenMinAndMaxAndClampedOutside() {
        Contrast contrast = new Contrast(100, 200);
        assertEquals(0, contrast.grey(50));
        assertEquals(0, contrast.grey(100));
        assertEquals(128, contrast.grey(150));
        assertEquals(255, contrast.grey(200));
        assertEquals(255, contrast.grey(1e9f));
        assertEquals(0, contrast.grey(Float.NaN));
    }

    @Test
    void renderWritesTheGreyLevelIntoEveryColour() {
        BufferedImage image = new Contrast(0, 10).render(new float[] {0, 5, 10, 20, 2, 8}, 3, 2);
        assertEquals(3, image.getWidth());
        assertEquals(2, image.getHeight());
        assertEquals(0x808080, image.getRGB(1, 0) & 0xFFFFFF);
        assertEquals(0xFFFFFF, image.getRGB(0, 1) & 0xFFFFFF);
        assertEquals(0x333333, image.getRGB(1, 1) & 0xFFFFFF);
    }

    @Test
    void refusesAnEmptyRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Contrast(5, 5));
        assertTrue(e.getMessage().contains("maximum above the minimum"), e.getMessage());
    }

    private static float[] shuffledRamp(int n, Random random) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }
}
