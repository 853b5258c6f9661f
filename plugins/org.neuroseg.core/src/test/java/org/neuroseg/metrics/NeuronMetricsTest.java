package org.neuroseg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroseg.metrics.Shapes.countedIou;
import static org.neuroseg.metrics.Shapes.disk;
import static org.neuroseg.metrics.Shapes.rect;
import static org.neuroseg.metrics.Shapes.set;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;

class NeuronMetricsTest {

    private static final double EPS = 1e-12;

    private static final RoiSet THREE = set(64, 64, disk(1, 10, 10, 4), disk(2, 30, 30, 5), disk(3, 50, 12, 6));

    private static void assertScores(NeuronMetrics m, int matched, double precision, double recall, double f1) {
        assertEquals(matched, m.matched(), m.rule() + " matched");
        assertEquals(precision, m.precision(), EPS, m.rule() + " precision");
        assertEquals(recall, m.recall(), EPS, m.rule() + " recall");
        assertEquals(f1, m.f1(), EPS, m.rule() + " f1");
        assertEquals(matched, m.matches().size());
    }

    @Test
    void perfectPredictionScoresOneUnderEveryRule() {
        for (MatchingRule rule : MatchingRule.values()) {
            NeuronMetrics m = NeuronMetrics.of(THREE, THREE, rule);
            assertScores(m, 3, 1, 1, 1);
            for (NeuronMatch match : m.matches()) {
                assertEquals(match.referenceId(), match.predictedId());
                assertEquals(1, match.iou(), EPS);
                assertEquals(0, match.centroidDistancePx(), EPS);
            }
        }
    }

    /**
     * A noisy segmentation (a threshold on a speckled projection) holds thousands of one-pixel regions: they count
     * against precision and the true cells still match. (The assignment over all 3000 regions took hours.)
     */
    @Test
    void thousandsOfSpeckleRegionsCountAgainstPrecisionOnly() {
        List<Roi> rois = new ArrayList<>(THREE.rois());
        int id = 100;
        for (int row = 0; row < 256 && rois.size() < 3003; row += 4) {
            for (int col = 64; col < 256 && rois.size() < 3003; col += 4) {
                rois.add(rect(id++, row, col, row + 1, col + 1));
            }
        }
        RoiSet predicted = new RoiSet(256, 256, rois);
        RoiSet reference = new RoiSet(256, 256, THREE.rois());
        for (MatchingRule rule : MatchingRule.values()) {
            assertScores(NeuronMetrics.of(predicted, reference, rule), 3, 3.0 / 3003, 1, 2.0 * 3 / (3003 + 3));
        }
    }

    @Test
    void missingNeuronLowersRecall() {
        RoiSet predicted = set(64, 64, THREE.rois().get(0), THREE.rois().get(2));
        for (MatchingRule rule : MatchingRule.values()) {
            // precision 2/2, recall 2/3, F1 = 4/5
            assertScores(NeuronMetrics.of(predicted, THREE, rule), 2, 1, 2.0 / 3, 0.8);
        }
    }

    @Test
    void extraNeuronLowersPrecision() {
        List<Roi> rois = new ArrayList<>(THREE.rois());
        rois.add(disk(9, 50, 50, 5));
        RoiSet predicted = new RoiSet(64, 64, rois);
        for (MatchingRule rule : MatchingRule.values()) {
            // precision 3/4, recall 3/3, F1 = 6/7
            assertScores(NeuronMetrics.of(predicted, THREE, rule), 3, 0.75, 1, 6.0 / 7);
        }
    }

    @Test
    void splitNeuronMatchesItsLargerPieceOnly() {
        // A 10 x 10 square split into a 10 x 6 piece (IoU 0.6, centroid 2 px away) and a 10 x 4 piece (IoU 0.4, 3 px).
        RoiSet reference = set(20, 20, rect(1, 0, 0, 10, 10));
        RoiSet predicted = set(20, 20, rect(1, 0, 0, 10, 6), rect(2, 0, 6, 10, 10));
        for (MatchingRule rule : MatchingRule.values()) {
            NeuronMetrics m = NeuronMetrics.of(predicted, reference, rule);
            // precision 1/2, recall 1/1, F1 = 2/3
            assertScores(m, 1, 0.5, 1, 2.0 / 3);
            assertEquals(new NeuronMatch(1, 1, 0.6, 2), m.matches().get(0));
        }
    }

    @Test
    void radius4DisksShiftedBy3PxFailTheIouRuleButMatchByCentroid() {
        Roi reference = disk(1, 20, 20, 4);
        Roi predicted = disk(1, 20, 23, 4);
        double iou = countedIou(reference, predicted, 40, 40);
        assertTrue(iou < 0.5, "IoU " + iou);
        RoiSet ref = set(40, 40, reference);
        RoiSet pred = set(40, 40, predicted);
        assertEquals(0, NeuronMetrics.of(pred, ref, MatchingRule.IOU_HUNGARIAN).matched());
        NeuronMetrics neurofinder = NeuronMetrics.of(pred, ref, MatchingRule.NEUROFINDER_CENTROID);
        assertEquals(List.of(new NeuronMatch(1, 1, iou, 3)), neurofinder.matches());
        assertEquals(iou > 0.3 ? 1 : 0, NeuronMetrics.of(pred, ref, MatchingRule.CAIMAN).matched());
    }

    @Test
    void radius8DisksShiftedBy3PxMatchUnderTheIouRule() {
        Roi reference = disk(1, 20, 20, 8);
        Roi predicted = disk(1, 23, 20, 8);
        double iou = countedIou(reference, predicted, 40, 40);
        assertTrue(iou >= 0.5, "IoU " + iou);
        NeuronMetrics m = NeuronMetrics.of(set(40, 40, predicted), set(40, 40, reference), MatchingRule.IOU_HUNGARIAN);
        assertEquals(List.of(new NeuronMatch(1, 1, iou, 3)), m.matches());
    }

    @Test
    void shiftedCopyGivesTheF1ThatEachDiskOwnIouImplies() {
        // 36 well-separated disks of radius 2..10, each copied 3 px to the right (or down, alternately).
        int height = 200;
        int width = 200;
        List<Roi> reference = new ArrayList<>();
        List<Roi> predicted = new ArrayList<>();
        int aboveHalf = 0;
        int aboveThreeTenths = 0;
        for (int i = 0; i < 36; i++) {
            int cy = 16 + 33 * (i / 6);
            int cx = 16 + 33 * (i % 6);
            int radius = 2 + i % 9;
            Roi ref = disk(i + 1, cy, cx, radius);
            Roi pred = i % 2 == 0 ? disk(i + 1, cy, cx + 3, radius) : disk(i + 1, cy + 3, cx, radius);
            double iou = countedIou(ref, pred, height, width);
            aboveHalf += iou >= 0.5 ? 1 : 0;
            aboveThreeTenths += iou > 0.3 ? 1 : 0;
            reference.add(ref);
            predicted.add(pred);
        }
        assertTrue(aboveHalf > 0 && aboveHalf < 36, "a mix of accepted and rejected disks: " + aboveHalf);
        RoiSet ref = new RoiSet(height, width, reference);
        RoiSet pred = new RoiSet(height, width, predicted);
        assertEquals(aboveHalf / 36.0, NeuronMetrics.of(pred, ref, MatchingRule.IOU_HUNGARIAN).f1(), EPS);
        assertEquals(1, NeuronMetrics.of(pred, ref, MatchingRule.NEUROFINDER_CENTROID).f1(), EPS);
        assertEquals(aboveThreeTenths / 36.0, NeuronMetrics.of(pred, ref, MatchingRule.CAIMAN).f1(), EPS);
    }

    @Test
    void twoPredictionsWithEqualIouGiveExactlyOneDeterministicMatch() {
        // Both 10 x 8 pieces have IoU 0.8 and centroid distance 1 px to the 10 x 10 reference.
        RoiSet reference = set(20, 20, rect(1, 0, 0, 10, 10));
        RoiSet predicted = set(20, 20, rect(7, 0, 0, 10, 8), rect(8, 0, 2, 10, 10));
        for (MatchingRule rule : MatchingRule.values()) {
            NeuronMetrics first = NeuronMetrics.of(predicted, reference, rule);
            assertScores(first, 1, 0.5, 1, 2.0 / 3);
            assertEquals(0.8, first.matches().get(0).iou(), EPS);
            assertEquals(first, NeuronMetrics.of(predicted, reference, rule));
        }
        // Neurofinder's documented tie-break: the lower predicted index.
        assertEquals(7, NeuronMetrics.of(predicted, reference, MatchingRule.NEUROFINDER_CENTROID).matches().get(0)
                .predictedId());
    }

    @Test
    void hungarianFindsTwoMatchesWhereGreedyByHighestIouFindsOne() {
        // Column intervals on 10 rows: A = [0,10), B = [2,11) reference; X = [0,9), Y = [0,6) predicted.
        // IoU(A,X) = 9/10, IoU(A,Y) = 6/10, IoU(B,X) = 7/11, IoU(B,Y) = 4/11 (ineligible).
        // Centroid columns: A 4.5, B 6, X 4, Y 2.5.
        // Greedy takes A-X first and leaves B without an eligible partner: one match. Hungarian: A-Y and B-X.
        RoiSet reference = set(10, 12, rect(1, 0, 0, 10, 10), rect(2, 0, 2, 10, 11));
        RoiSet predicted = set(10, 12, rect(1, 0, 0, 10, 9), rect(2, 0, 0, 10, 6));
        NeuronMetrics m = NeuronMetrics.of(predicted, reference, MatchingRule.IOU_HUNGARIAN);
        assertScores(m, 2, 1, 1, 1);
        assertEquals(List.of(new NeuronMatch(1, 2, 0.6, 2), new NeuronMatch(2, 1, 7.0 / 11, 2)), m.matches());
    }

    @Test
    void emptyPredictionScoresZero() {
        for (MatchingRule rule : MatchingRule.values()) {
            assertScores(NeuronMetrics.of(set(64, 64), THREE, rule), 0, 0, 0, 0);
        }
    }

    @Test
    void predictionsAgainstEmptyReferenceScoreZero() {
        for (MatchingRule rule : MatchingRule.values()) {
            assertScores(NeuronMetrics.of(THREE, set(64, 64), rule), 0, 0, 0, 0);
        }
    }

    @Test
    void bothSetsEmptyScoreOne() {
        for (MatchingRule rule : MatchingRule.values()) {
            NeuronMetrics m = NeuronMetrics.of(set(8, 8), set(8, 8), rule);
            assertEquals(new NeuronMetrics(rule, 0, 0, 0, 1, 1, 1, List.of()), m);
        }
    }

    @Test
    void setsOnDifferentImageSizesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> NeuronMetrics.of(set(64, 63), THREE, MatchingRule.IOU_HUNGARIAN));
    }

    @Test
    void overlappingRoisWithinOneSetEachMatchTheirCopy() {
        // Reference ROIs 1 and 2 share a 4 x 4 block; the prediction is an exact copy.
        RoiSet reference = set(20, 20, rect(1, 0, 0, 8, 8), rect(2, 4, 4, 12, 12));
        for (MatchingRule rule : MatchingRule.values()) {
            NeuronMetrics m = NeuronMetrics.of(reference, reference, rule);
            assertEquals(List.of(new NeuronMatch(1, 1, 1, 0), new NeuronMatch(2, 2, 1, 0)), m.matches());
        }
    }

    @Test
    void pooledScoresCountEveryNeuronOnce() {
        // a video of three cells all found, and one of one cell missed beside two false neurons
        NeuronMetrics all = NeuronMetrics.of(THREE, THREE, MatchingRule.IOU_HUNGARIAN);
        NeuronMetrics none = NeuronMetrics.of(set(64, 64, disk(1, 10, 40, 4), disk(2, 40, 40, 4)),
                set(64, 64, disk(1, 20, 10, 4)), MatchingRule.IOU_HUNGARIAN);
        NeuronMetrics pooled = NeuronMetrics.pooled(List.of(all, none));
        assertEquals(4, pooled.referenceCount());
        assertEquals(5, pooled.predictedCount());
        assertScores(pooled, 3, 3 / 5.0, 3 / 4.0, 6 / 9.0);
        // the mean of the two F1 would be 0.5
        assertThrows(IllegalArgumentException.class, () -> NeuronMetrics.pooled(List.of()));
        assertThrows(IllegalArgumentException.class, () -> NeuronMetrics.pooled(List.of(all,
                NeuronMetrics.of(THREE, THREE, MatchingRule.NEUROFINDER_CENTROID))));
    }

    @Test
    void sparseIouEqualsDenseCountingOnRandomOverlappingRois() {
        Random random = new Random(42);
        int height = 40;
        int width = 50;
        List<Roi> reference = new ArrayList<>();
        List<Roi> predicted = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            reference.add(randomRect(i, random, height, width));
            predicted.add(randomRect(i, random, height, width));
        }
        // A ROI listing a pixel twice: it still counts once.
        predicted.add(new Roi(13, new int[] {3, 3, 4}, new int[] {5, 5, 5}));
        Overlaps overlaps = Overlaps.of(new RoiSet(height, width, predicted), new RoiSet(height, width, reference));
        for (int r = 0; r < reference.size(); r++) {
            for (int q = 0; q < predicted.size(); q++) {
                assertEquals(countedIou(reference.get(r), predicted.get(q), height, width), overlaps.iou(r, q), EPS);
            }
        }
    }

    private static Roi randomRect(int id, Random random, int height, int width) {
        int row0 = random.nextInt(height - 10);
        int col0 = random.nextInt(width - 10);
        return rect(id, row0, col0, row0 + 1 + random.nextInt(10), col0 + 1 + random.nextInt(10));
    }
}
