package org.neuroseg.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How predicted neurons are paired one-to-one with reference (ground-truth) neurons before counting matches.
 * Each rule first decides which pairs are eligible ({@link #eligible(double, double)}); ineligible pairs are never
 * matched. Distances are between ROI centroids (mean pixel position), in px.
 */
public enum MatchingRule {

    /**
     * The headline rule (STNeuroNet, SUNS): a pair is eligible when IoU ≥ 0.5; the Hungarian algorithm picks the
     * one-to-one assignment of eligible pairs with the most matches and, among those, the least Σ(1 − IoU).
     */
    IOU_HUNGARIAN("IoU ≥ 0.5, Hungarian"),

    /**
     * Neurofinder: a pair is eligible when its centroids are less than 5 px apart; pairs are taken greedily, the
     * closest first, skipping any whose reference or predicted neuron is already matched. Ties in distance are
     * broken by the lower reference index, then the lower predicted index (indices are positions in the sets).
     */
    NEUROFINDER_CENTROID("centroids < 5 px, greedy"),

    /**
     * CaImAn: a pair is eligible when IoU > 0.3 and its centroids are less than 10 px apart; the Hungarian
     * algorithm picks the one-to-one assignment of eligible pairs with the most matches and, among those, the least
     * Σ(1 − IoU).
     */
    CAIMAN("IoU > 0.3 and centroids < 10 px, Hungarian");

    private final String label;

    MatchingRule(String label) {
        this.label = label;
    }

    /** @return a short human-readable description of the rule with its thresholds, for tables and reports */
    public String label() {
        return label;
    }

    /**
     * @param iou intersection over union of the two ROIs, [0, 1]
     * @param centroidDistancePx distance between their centroids in px, at least 0
     * @return true when this rule allows the pair to match
     */
    public boolean eligible(double iou, double centroidDistancePx) {
        return switch (this) {
            case IOU_HUNGARIAN -> iou >= 0.5;
            case NEUROFINDER_CENTROID -> centroidDistancePx < 5;
            case CAIMAN -> iou > 0.3 && centroidDistancePx < 10;
        };
    }

    /** @return for each reference index, the matched predicted index or -1 */
    int[] match(Overlaps overlaps) {
        return this == NEUROFINDER_CENTROID ? greedyByDistance(overlaps) : hungarianOnIou(overlaps);
    }

    /**
     * The assignment runs on the ROIs that have an eligible partner only: a noisy segmentation can hold thousands of
     * regions that overlap no reference, and the O(n³) assignment over all of them would take hours.
     */
    private int[] hungarianOnIou(Overlaps overlaps) {
        int refs = overlaps.reference.size();
        int preds = overlaps.predicted.size();
        double[][] full = new double[refs][];
        boolean[] predictedUsed = new boolean[preds];
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < refs; r++) {
            for (int q = 0; q < preds; q++) {
                double iou = overlaps.iou(r, q);
                // IoU 0 is ineligible under both Hungarian rules, so most pairs skip the distance.
                if (iou > 0 && eligible(iou, overlaps.centroidDistance(r, q))) {
                    if (full[r] == null) {
                        full[r] = new double[preds];
                        Arrays.fill(full[r], Double.POSITIVE_INFINITY);
                        rows.add(r);
                    }
                    full[r][q] = 1 - iou;
                    predictedUsed[q] = true;
                }
            }
        }
        int[] columns = IntStream.range(0, preds).filter(q -> predictedUsed[q]).toArray();
        double[][] cost = new double[rows.size()][columns.length];
        for (int i = 0; i < cost.length; i++) {
            for (int j = 0; j < columns.length; j++) {
                cost[i][j] = full[rows.get(i)][columns[j]];
            }
        }
        int[] assigned = Hungarian.assign(cost);
        int[] match = new int[refs];
        Arrays.fill(match, -1);
        for (int i = 0; i < assigned.length; i++) {
            if (assigned[i] >= 0) {
                match[rows.get(i)] = columns[assigned[i]];
            }
        }
        return match;
    }

    private int[] greedyByDistance(Overlaps overlaps) {
        int refs = overlaps.reference.size();
        int preds = overlaps.predicted.size();
        List<double[]> pairs = new ArrayList<>(); // {distance, reference index, predicted index}
        for (int r = 0; r < refs; r++) {
            for (int q = 0; q < preds; q++) {
                double distance = overlaps.centroidDistance(r, q);
                if (eligible(overlaps.iou(r, q), distance)) {
                    pairs.add(new double[] {distance, r, q});
                }
            }
        }
        pairs.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1])
                .thenComparingDouble(p -> p[2]));
        int[] match = new int[refs];
        Arrays.fill(match, -1);
        boolean[] predictedTaken = new boolean[preds];
        for (double[] pair : pairs) {
            int r = (int) pair[1];
            int q = (int) pair[2];
            if (match[r] < 0 && !predictedTaken[q]) {
                match[r] = q;
                predictedTaken[q] = true;
            }
        }
        return match;
    }
}
