package org.neuroseg.metrics;

/**
 * Pixel-level agreement of a predicted binary mask with a reference mask. Dice = 2TP / (2TP + FP + FN),
 * IoU = TP / (TP + FP + FN), precision = TP / (TP + FP), recall = TP / (TP + FN); all scores lie in [0, 1].
 *
 * <p>Zero denominators follow the package convention: the score is 1 when both masks are empty and 0 otherwise.
 * Hence an empty prediction against a non-empty reference scores 0 on every measure (precision included), and a
 * non-empty prediction against an empty reference scores 0 on every measure (recall included).
 *
 * @param truePositives pixels set in both masks
 * @param falsePositives pixels set in the prediction only
 * @param falseNegatives pixels set in the reference only
 * @param dice Sørensen–Dice coefficient, [0, 1]
 * @param iou intersection over union (Jaccard index), [0, 1]
 * @param precision fraction of predicted pixels that are in the reference, [0, 1]
 * @param recall fraction of reference pixels that are predicted, [0, 1]
 */
public record PixelMetrics(long truePositives, long falsePositives, long falseNegatives, double dice, double iou,
        double precision, double recall) {

    /**
     * Compares two masks pixel by pixel.
     *
     * @param predicted predicted mask, row-major, true = foreground
     * @param reference ground-truth mask of the same length
     * @return the counts and scores
     * @throws IllegalArgumentException when the lengths differ
     */
    public static PixelMetrics of(boolean[] predicted, boolean[] reference) {
        if (predicted.length != reference.length) {
            throw new IllegalArgumentException("predicted mask has " + predicted.length
                    + " pixels but the reference mask has " + reference.length);
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] && reference[i]) {
                tp++;
            } else if (predicted[i]) {
                fp++;
            } else if (reference[i]) {
                fn++;
            }
        }
        boolean bothEmpty = tp + fp + fn == 0;
        return new PixelMetrics(tp, fp, fn, Ratios.ratio(2 * tp, 2 * tp + fp + fn, bothEmpty),
                Ratios.ratio(tp, tp + fp + fn, bothEmpty), Ratios.ratio(tp, tp + fp, bothEmpty),
                Ratios.ratio(tp, tp + fn, bothEmpty));
    }
}
