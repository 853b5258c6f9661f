package org.neuroseg.imaging;

/** Robust statistics and automatic thresholds of pixel or sample values. */
public final class Statistics {

    /** Factor from the median absolute deviation to the standard deviation of a normal distribution. */
    public static final double MAD_TO_SIGMA = 1.4826;

    private static final int OTSU_BINS = 256;

    private Statistics() {
    }

    /**
     * @param values samples, not changed; at least one
     * @return the median (the mean of the two middle values for an even count)
     */
    public static double median(float[] values) {
        return quantile(values.clone(), 0.5);
    }

    /**
     * {@link #median(float[])} without a copy, for many small medians in a loop.
     *
     * @param values samples, reordered; at least one
     */
    public static double medianInPlace(float[] values) {
        return quantile(values, 0.5);
    }

    /**
     * The centre and spread of mostly-noise data, measured robustly: the median, and 1.4826 x the median absolute
     * deviation from it, which equals the standard deviation for normal noise and ignores a minority of outliers
     * (cells, events).
     *
     * @param median the median of the samples used
     * @param sigma the robust standard deviation; 0 for constant data
     */
    public record RobustSpread(double median, double sigma) {
    }

    /**
     * The noise level of mostly-noise data: {@link RobustSpread#sigma()} of {@link #robustSpread}.
     *
     * @param values samples, not changed
     * @param stride use every {@code stride}-th sample, at least 1 (subsampling keeps large frames fast)
     * @return the robust standard deviation; 0 for constant data
     */
    public static double robustSigma(float[] values, int stride) {
        return robustSpread(values, stride).sigma();
    }

    /**
     * @param values samples, not changed
     * @param stride use every {@code stride}-th sample, at least 1 (subsampling keeps large frames fast)
     * @return the median and robust standard deviation of the samples used, from one pass of selections
     */
    public static RobustSpread robustSpread(float[] values, int stride) {
        if (stride < 1 || values.length == 0) {
            throw new IllegalArgumentException("need samples and a stride of at least 1");
        }
        float[] sample = new float[(values.length + stride - 1) / stride];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = values[i * stride];
        }
        double median = quantile(sample, 0.5);
        for (int i = 0; i < sample.length; i++) {
            sample[i] = (float) Math.abs(sample[i] - median);
        }
        return new RobustSpread(median, MAD_TO_SIGMA * quantile(sample, 0.5));
    }

    /**
     * @param values samples, not changed; at least one
     * @param percent in [0, 100]
     * @return the percentile, linearly interpolated between order statistics
     */
    public static double percentile(float[] values, double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile must lie in [0, 100], got " + percent);
        }
        return quantile(values.clone(), percent / 100);
    }

    /**
     * Otsu's threshold (N. Otsu, IEEE Trans. SMC 9(1), 1979): the value that maximises the between-class variance
     * of a 256-bin histogram spanning the values' range.
     *
     * @param values samples, not changed; at least one
     * @return a threshold: values strictly above it form the bright class; the minimum for constant data
     */
    public static double otsu(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        if (!(max > min)) {
            return min;
        }
        double binWidth = (max - min) / (double) OTSU_BINS;
        long[] histogram = new long[OTSU_BINS];
        for (float value : values) {
            histogram[Math.min(OTSU_BINS - 1, (int) ((value - min) / binWidth))]++;
        }
        double totalSum = 0;
        for (int i = 0; i < OTSU_BINS; i++) {
            totalSum += i * (double) histogram[i];
        }
        long below = 0;
        double belowSum = 0;
        double bestVariance = -1;
        int bestBin = 0;
        for (int i = 0; i < OTSU_BINS - 1; i++) {
            below += histogram[i];
            belowSum += i * (double) histogram[i];
            long above = values.length - below;
            if (below == 0 || above == 0) {
                continue;
            }
            double meanDifference = belowSum / below - (totalSum - belowSum) / above;
            double variance = (double) below * above * meanDifference * meanDifference;
            if (variance > bestVariance) {
                bestVariance = variance;
                bestBin = i;
            }
        }
        return min + (bestBin + 1) * binWidth;
    }

    /** Quantile q in [0, 1] of {@code values}, which it reorders; linear time on average (quickselect). */
    static double quantile(float[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double position = q * (values.length - 1);
        int lower = (int) Math.floor(position);
        float low = select(values, lower);
        if (lower == values.length - 1 || position == lower) {
            return low;
        }
        // After select, everything right of 'lower' is at least 'low'; the next order statistic is their minimum.
        float high = Float.POSITIVE_INFINITY;
        for (int i = lower + 1; i < values.length; i++) {
            high = Math.min(high, values[i]);
        }
        return low + (position - lower) * (high - low);
    }

    /** Puts the k-th smallest value at index k, smaller ones left of it, larger or equal right; returns it. */
    private static float select(float[] values, int k) {
        int left = 0;
        int right = values.length - 1;
        while (right > left) {
            float pivot = medianOfThree(values[left], values[(left + right) >>> 1], values[right]);
            int i = left;
            int j = right;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float swap = values[i];
                    values[i] = values[j];
                    values[j] = swap;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                break;
            }
        }
        return values[k];
    }

    private static float medianOfThree(float a, float b, float c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
