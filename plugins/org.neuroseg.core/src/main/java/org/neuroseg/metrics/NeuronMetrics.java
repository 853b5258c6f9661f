package org.neuroseg.metrics;

import java.util.ArrayList;
import java.util.List;
import org.neuroseg.roi.RoiSet;

/**
 * Neuron-level scores of predicted ROIs against reference ROIs under one matching rule: precision = matched /
 * predicted, recall = matched / reference, F1 = 2 matched / (predicted + reference), all in [0, 1].
 *
 * <p>Empty sets follow the package convention: with no predicted and no reference neurons all three scores are 1;
 * with no predicted neurons but some reference neurons precision, recall and F1 are 0; with predicted neurons but
 * no reference neurons all three are 0. F1 is 0 whenever nothing matched and either set is non-empty.
 *
 * @param rule the matching rule used
 * @param referenceCount number of reference (ground-truth) neurons
 * @param predictedCount number of predicted neurons
 * @param matched number of one-to-one matches, at most min(referenceCount, predictedCount)
 * @param precision matched / predictedCount, [0, 1]
 * @param recall matched / referenceCount, [0, 1]
 * @param f1 harmonic mean of precision and recall, [0, 1]
 * @param matches the matched pairs, in the order of the reference ROIs; copied
 */
public record NeuronMetrics(MatchingRule rule, int referenceCount, int predictedCount, int matched,
        double precision, double recall, double f1, List<NeuronMatch> matches) {

    /** Copies the match list, so that the record is immutable. */
    public NeuronMetrics {
        matches = List.copyOf(matches);
    }

    /**
     * Matches predicted neurons to reference neurons and scores the result.
     *
     * @param predicted predicted ROIs
     * @param reference ground-truth ROIs on an image of the same height and width
     * @param rule how to pair neurons
     * @return the scores and the matched pairs
     * @throws IllegalArgumentException when the two sets are on images of different sizes
     */
    public static NeuronMetrics of(RoiSet predicted, RoiSet reference, MatchingRule rule) {
        return of(Overlaps.of(predicted, reference), rule);
    }

    /**
     * Pools scores of several videos so that each neuron counts once: matches, predicted and reference neurons are
     * summed before the ratios are taken (a mean of per-video F1 weighs a video of 3 cells like one of 50).
     *
     * @param scores scores under one matching rule, at least one
     * @return the pooled scores; the matches of every video, in order (their ids are each video's own)
     * @throws IllegalArgumentException when {@code scores} is empty or mixes matching rules
     */
    public static NeuronMetrics pooled(List<NeuronMetrics> scores) {
        if (scores.isEmpty() || scores.stream().anyMatch(score -> score.rule() != scores.get(0).rule())) {
            throw new IllegalArgumentException("pooling needs scores under one matching rule: " + scores);
        }
        int refs = 0;
        int preds = 0;
        int matched = 0;
        List<NeuronMatch> matches = new ArrayList<>();
        for (NeuronMetrics score : scores) {
            refs += score.referenceCount();
            preds += score.predictedCount();
            matched += score.matched();
            matches.addAll(score.matches());
        }
        return of(scores.get(0).rule(), refs, preds, matched, matches);
    }

    /** Scores with overlaps already computed, so that several rules share one pass over the pixels. */
    static NeuronMetrics of(Overlaps overlaps, MatchingRule rule) {
        int[] match = rule.match(overlaps);
        List<NeuronMatch> matches = new ArrayList<>();
        for (int r = 0; r < match.length; r++) {
            int q = match[r];
            if (q >= 0) {
                matches.add(new NeuronMatch(overlaps.reference.get(r).id(), overlaps.predicted.get(q).id(),
                        overlaps.iou(r, q), overlaps.centroidDistance(r, q)));
            }
        }
        return of(rule, overlaps.reference.size(), overlaps.predicted.size(), matches.size(), matches);
    }

    private static NeuronMetrics of(MatchingRule rule, int refs, int preds, int matched, List<NeuronMatch> matches) {
        boolean bothEmpty = refs + preds == 0;
        return new NeuronMetrics(rule, refs, preds, matched, Ratios.ratio(matched, preds, bothEmpty),
                Ratios.ratio(matched, refs, bothEmpty), Ratios.ratio(2L * matched, refs + preds, bothEmpty),
                matches);
    }
}
