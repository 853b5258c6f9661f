package org.neuroseg.metrics;

import java.util.Arrays;

/**
 * Area under the ROC curve of a score that should rank positives above negatives: the probability that a random
 * positive scores higher than a random negative, ties counting half (Mann-Whitney U over the number of pairs). 0.5
 * means the score carries no information, 1 that it separates the two perfectly.
 */
public final class Auc {

    private Auc() {
    }

    /**
     * @return the AUC, or NaN when either side is empty; O((p + n) log n)
     */
    public static double of(double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            return Double.NaN;
        }
        double[] sorted = negatives.clone();
        Arrays.sort(sorted);
        double wins = 0;
        for (double value : positives) {
            int below = firstNotBelow(sorted, value);
            int notAbove = firstAbove(sorted, value);
            wins += below + 0.5 * (notAbove - below);
        }
        return wins / ((double) positives.length * negatives.length);
    }

    /** @return the first index whose value is at least {@code value} */
    private static int firstNotBelow(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** @return the first index whose value exceeds {@code value} */
    private static int firstAbove(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
