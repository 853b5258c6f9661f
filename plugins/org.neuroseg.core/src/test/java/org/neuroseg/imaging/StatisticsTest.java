package org.neuroseg.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void medianAndPercentileAgreeWithSorting() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n : new int[] {1, 2, 5, 100, 1001}) {
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = (float) Math.floor(random.nextDouble(0, 20));
            }
            float[] sorted = values.clone();
            Arrays.sort(sorted);
            double expectedMedian = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
            assertEquals(expectedMedian, Statistics.median(values), 1e-6, "n = " + n);
            double position = 0.2 * (n - 1);
            int lower = (int) position;
            double expected20 = sorted[lower] + (position - lower) * (sorted[Math.min(n - 1, lower + 1)]
                    - sorted[lower]);
            assertEquals(expected20, Statistics.percentile(values, 20), 1e-4, "n = " + n);
        }
    }

    @Test
    void robustSigmaIgnoresOutliers() {
        SplittableRandom random = new SplittableRandom(11);
        float[] values = new float[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (10 + 3 * gaussian(random));
        }
        for (int i = 0; i < values.length; i += 10) {
            values[i] = 1000;
        }
        // A tenth of the samples are outliers (the standard deviation is about 300): the estimate stays near 3.
        double sigma = Statistics.robustSigma(values, 1);
        assertTrue(sigma > 3 && sigma < 3.6, "sigma " + sigma);
        float[] clean = new float[100_000];
        for (int i = 0; i < clean.length; i++) {
            clean[i] = (float) (3 * gaussian(random));
        }
        assertEquals(3, Statistics.robustSigma(clean, 3), 0.06);
        Statistics.RobustSpread spread = Statistics.robustSpread(values, 1);
        assertEquals(Statistics.median(values), spread.median(), 0, "the median of the samples used");
        assertEquals(sigma, spread.sigma(), 0);
    }

    @Test
    void otsuSeparatesTwoPopulations() {
        float[] values = new float[1000];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (i < 700 ? 10 + gaussian(random) : 30 + gaussian(random));
        }
        double threshold = Statistics.otsu(values);
        for (int i = 0; i < values.length; i++) {
            assertEquals(i >= 700, values[i] > threshold, "value " + values[i] + ", threshold " + threshold);
        }
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
