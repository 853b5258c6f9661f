package org.neuroseg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PixelMetricsTest {

    private static final double EPS = 1e-12;

    private static boolean[] mask(String rows) {
        String bits = rows.replace(" ", "");
        boolean[] mask = new boolean[bits.length()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = bits.charAt(i) == '1';
        }
        return mask;
    }

    @Test
    void handMadeMasksGiveHandComputedScores() {
        // 3 x 4 masks, row-major.
        boolean[] predicted = mask("1110 1100 0000");
        boolean[] reference = mask("0110 0110 0000");
        // TP: (0,1) (0,2) (1,1) = 3; FP: (0,0) (1,0) = 2; FN: (1,2) = 1.
        // Dice = 6 / (6 + 2 + 1) = 2/3; IoU = 3 / 6 = 1/2; precision = 3 / 5; recall = 3 / 4.
        PixelMetrics m = PixelMetrics.of(predicted, reference);
        assertEquals(3, m.truePositives());
        assertEquals(2, m.falsePositives());
        assertEquals(1, m.falseNegatives());
        assertEquals(2.0 / 3, m.dice(), EPS);
        assertEquals(0.5, m.iou(), EPS);
        assertEquals(0.6, m.precision(), EPS);
        assertEquals(0.75, m.recall(), EPS);
    }

    @Test
    void disjointMasksScoreZero() {
        // TP 0, FP 2, FN 2: every score 0.
        PixelMetrics m = PixelMetrics.of(mask("1100"), mask("0011"));
        assertEquals(new PixelMetrics(0, 2, 2, 0, 0, 0, 0), m);
    }

    @Test
    void identicalMasksScoreOne() {
        PixelMetrics m = PixelMetrics.of(mask("0110 1000"), mask("0110 1000"));
        assertEquals(new PixelMetrics(3, 0, 0, 1, 1, 1, 1), m);
    }

    @Test
    void bothMasksEmptyScoreOneEverywhere() {
        assertEquals(new PixelMetrics(0, 0, 0, 1, 1, 1, 1), PixelMetrics.of(mask("0000"), mask("0000")));
        assertEquals(new PixelMetrics(0, 0, 0, 1, 1, 1, 1), PixelMetrics.of(new boolean[0], new boolean[0]));
    }

    @Test
    void emptyPredictionScoresZeroEverywhereIncludingPrecision() {
        // Nothing predicted but 2 pixels to find: precision 0/0 counts as 0, not as a perfect 1.
        assertEquals(new PixelMetrics(0, 0, 2, 0, 0, 0, 0), PixelMetrics.of(mask("0000"), mask("0110")));
    }

    @Test
    void predictionOnEmptyReferenceScoresZeroEverywhereIncludingRecall() {
        assertEquals(new PixelMetrics(0, 1, 0, 0, 0, 0, 0), PixelMetrics.of(mask("0100"), mask("0000")));
    }

    @Test
    void masksOfDifferentLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PixelMetrics.of(new boolean[3], new boolean[4]));
    }
}
