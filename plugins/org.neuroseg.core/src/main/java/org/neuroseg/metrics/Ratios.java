package org.neuroseg.metrics;

/** The package's single convention for ratios with a zero denominator (see {@code package-info}). */
final class Ratios {

    private Ratios() {
    }

    /**
     * @param numerator count in the numerator
     * @param denominator count in the denominator, at least 0
     * @param nothingToCompare true when both the prediction and the reference are empty
     * @return numerator / denominator; when the denominator is 0, 1 if there was nothing to compare, else 0
     */
    static double ratio(long numerator, long denominator, boolean nothingToCompare) {
        if (denominator == 0) {
            return nothingToCompare ? 1.0 : 0.0;
        }
        return (double) numerator / denominator;
    }
}
