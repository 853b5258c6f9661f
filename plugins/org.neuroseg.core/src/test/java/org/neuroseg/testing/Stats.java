package org.neuroseg.testing;

/** Summary statistics that tests assert on. */
public final class Stats {

    private Stats() {
    }

    /** @return the population variance of the values (two passes, so large offsets do not cancel digits) */
    public static double variance(float[] values) {
        double mean = 0;
        for (float value : values) {
            mean += value;
        }
        mean /= values.length;
        double squares = 0;
        for (float value : values) {
            squares += (value - mean) * (value - mean);
        }
        return squares / values.length;
    }

    /** @return the population standard deviation of the values */
    public static double standardDeviation(float[] values) {
        return Math.sqrt(variance(values));
    }
}
