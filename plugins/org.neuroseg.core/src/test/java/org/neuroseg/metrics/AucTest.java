package org.neuroseg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AucTest {

    @Test
    void countsThePairsInWhichThePositiveWinsWithTiesHalf() {
        // pairs (positive, negative): 3>1, 3>2, 3=3 (half), 1=1 (half), 1<2, 1<3 -> 3 of 6
        assertEquals(0.5, Auc.of(new double[] {3, 1}, new double[] {1, 2, 3}), 1e-12);
        assertEquals(1, Auc.of(new double[] {5, 6}, new double[] {1, 2}), 1e-12);
        assertEquals(0, Auc.of(new double[] {1}, new double[] {2, 3}), 1e-12);
        assertTrue(Double.isNaN(Auc.of(new double[0], new double[] {1})));
    }

    @Test
    void equalsTheDirectPairCountOnRandomScores() {
        SplittableRandom random = new SplittableRandom(3);
        double[] positives = new double[200];
        double[] negatives = new double[300];
        for (int i = 0; i < positives.length; i++) {
            positives[i] = Math.round(10 * (random.nextDouble() + 0.3)) / 10.0; // ties on purpose
        }
        for (int i = 0; i < negatives.length; i++) {
            negatives[i] = Math.round(10 * random.nextDouble()) / 10.0;
        }
        double wins = 0;
        for (double p : positives) {
            for (double n : negatives) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        assertEquals(wins / (positives.length * negatives.length), Auc.of(positives, negatives), 1e-12);
    }
}
