package org.neuroseg.activity;

import java.util.Arrays;
import java.util.BitSet;
import org.neuroseg.imaging.Gaussian;
import org.neuroseg.imaging.Statistics;

/**
 * From a fluorescence trace to activity: ΔF/F against a running-percentile baseline, a 1-D Difference of Gaussians
 * that keeps calcium transients (fast rise, decay of a few hundred ms) and removes slow drifts and frame-to-frame
 * noise, and a threshold in units of the filtered trace's robust noise (1.4826 x MAD). Frames above it are active;
 * each run of active frames is one event. Whether a trace shows activity at all is judged by its {@link Crossings}
 * of a noise band.
 */
public final class EventDetector {

    private EventDetector() {
    }

    /**
     * ΔF/F = (F - F0) / F0 with F0 the {@code percent} percentile of F in a centred window of {@code windowFrames}
     * (shrunk at the ends). Where F0 is not positive (over-subtracted neuropil) the denominator is 1 % of the mean of
     * |F| instead, so the result stays finite.
     *
     * @param trace F per frame
     * @return a new array
     */
    public static float[] deltaFOverF(float[] trace, int windowFrames, double percent) {
        float[] baseline = runningPercentile(trace, windowFrames, percent);
        double meanAbs = 0;
        for (float value : trace) {
            meanAbs += Math.abs(value);
        }
        float floor = (float) Math.max(1e-6, 0.01 * meanAbs / Math.max(1, trace.length));
        float[] dff = new float[trace.length];
        for (int t = 0; t < trace.length; t++) {
            float f0 = baseline[t] > floor ? baseline[t] : floor;
            dff[t] = (trace[t] - f0) / f0;
        }
        return dff;
    }

    /**
     * The {@code percent} percentile of a centred window at every sample, exact: the window is kept sorted as it
     * slides, one insertion and one removal per step.
     *
     * @param windowFrames at least 1
     * @return a new array
     */
    public static float[] runningPercentile(float[] trace, int windowFrames, double percent) {
        int n = trace.length;
        float[] result = new float[n];
        if (n == 0) {
            return result;
        }
        int half = Math.max(0, (windowFrames - 1) / 2);
        float[] sorted = new float[Math.min(n, 2 * half + 1)];
        int size = 0;
        int last = -1;
        int first = 0;
        for (int t = 0; t < n; t++) {
            int wantedLast = Math.min(n - 1, t + half);
            int wantedFirst = Math.max(0, t - half);
            while (first < wantedFirst) {
                size = remove(sorted, size, trace[first]);
                first++;
            }
            while (last < wantedLast) {
                last++;
                size = insert(sorted, size, trace[last]);
            }
            double position = percent / 100 * (size - 1);
            int lower = (int) position;
            int upper = Math.min(size - 1, lower + 1);
            result[t] = (float) (sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]));
        }
        return result;
    }

    /**
     * The active frames of a trace; each run of active frames is one event ({@link #onsets}).
     *
     * @param dff ΔF/F per frame
     * @param sigmaNarrowFrames smoothing of the transient, in frames
     * @param sigmaWideFrames scale of the drifts removed, in frames, above the narrow one
     * @param thresholdNoise active where the filtered trace exceeds this many robust standard deviations
     * @return the frames where the filtered ΔF/F exceeds the threshold
     */
    public static BitSet activeFrames(float[] dff, double sigmaNarrowFrames, double sigmaWideFrames,
            double thresholdNoise) {
        BitSet active = new BitSet(dff.length);
        if (dff.length == 0) {
            return active;
        }
        float[] filtered = Gaussian.differenceOfGaussians(dff, sigmaNarrowFrames, sigmaWideFrames);
        double limit = thresholdNoise * Statistics.robustSigma(filtered, 1);
        for (int t = 0; t < filtered.length; t++) {
            active.set(t, filtered[t] > limit);
        }
        return active;
    }

    /**
     * How often a trace rises above and dips below its noise band, and how far, as evidence that it holds calcium
     * transients: noise crosses both ways about equally often and about equally far, transients only upwards.
     *
     * @param rises runs above the band
     * @param dips runs below it
     * @param largestRise the highest point of the trace, in robust standard deviations (0 when it never rises)
     * @param deepestDip the depth of its lowest point, in robust standard deviations (0 when it never dips)
     */
    public record Crossings(int rises, int dips, double largestRise, double deepestDip) {

        /**
         * @param minExcess the fewest rises more than dips
         * @param minRiseShare the smallest share of the crossings that must be rises (noise alone: about half), so
         *        that long recordings, whose noise makes many crossings, need proportionally more rises
         * @param clearTransient a single rise at least this many robust standard deviations high, and at least
         *        twice as high as the deepest dip, is activity on its own (a dim cell that fired once or twice
         *        cannot outnumber its noise dips); 0 turns this off
         * @param minPeak the largest rise must reach this many robust standard deviations, whatever the counts; 0
         *        turns this off
         * @return whether the largest rise reaches the minimum peak and the counts hold or a clear transient
         *         stands out, and which of these decided
         */
        public Verdict verdict(int minExcess, double minRiseShare, double clearTransient, double minPeak) {
            boolean counts = rises - dips >= minExcess && rises >= minRiseShare * (rises + dips);
            boolean clear = clearTransient > 0 && largestRise >= clearTransient && largestRise >= 2 * deepestDip;
            if (!counts && !clear) {
                return Verdict.NOISE_LIKE;
            }
            if (largestRise < minPeak) {
                return Verdict.PEAK_TOO_LOW;
            }
            return counts ? Verdict.RISES_OUTNUMBER_DIPS : Verdict.CLEAR_TRANSIENT;
        }
    }

    /** Why {@link Crossings#verdict} kept a trace or not, in words a user reads in the evidence table. */
    public enum Verdict {
        /** Its rises outnumber its dips by the minimum events and make the minimum share of its crossings. */
        RISES_OUTNUMBER_DIPS(true, "rises outnumber dips"),
        /** One rise is a clear transient: far above the noise and twice its deepest dip. */
        CLEAR_TRANSIENT(true, "one clear transient"),
        /** The counts or a clear transient would keep it, but its largest rise stays below the smallest peak. */
        PEAK_TOO_LOW(false, "largest rise below the smallest peak"),
        /** Too few rises against its dips, and no clear transient: what noise does. */
        NOISE_LIKE(false, "too few rises against dips and no clear transient");

        private final boolean kept;
        private final String reason;

        Verdict(boolean kept, String reason) {
            this.kept = kept;
            this.reason = reason;
        }

        /** @return whether the trace shows activity */
        public boolean kept() {
            return kept;
        }

        /** @return why, in a few words */
        public String reason() {
            return reason;
        }
    }

    /**
     * Counts crossings of the narrow-smoothed ΔF/F minus its running median (over about six wide sigmas) beyond
     * {@code thresholdNoise} robust standard deviations, and measures the highest and lowest point of that signal.
     * Unlike the Difference of Gaussians of {@link #activeFrames}, this signal does not undershoot after a transient,
     * so large transients make no dips.
     *
     * @param dff ΔF/F per frame
     * @param sigmaNarrowFrames smoothing of the transient, in frames
     * @param sigmaWideFrames scale of the drifts removed, in frames
     * @param thresholdNoise the band's half-width in robust standard deviations
     */
    public static Crossings crossings(float[] dff, double sigmaNarrowFrames, double sigmaWideFrames,
            double thresholdNoise) {
        if (dff.length == 0) {
            return new Crossings(0, 0, 0, 0);
        }
        float[] smooth = Gaussian.smooth(dff, sigmaNarrowFrames);
        float[] median = runningPercentile(dff, 2 * (int) Math.round(3 * sigmaWideFrames) + 1, 50);
        for (int t = 0; t < smooth.length; t++) {
            smooth[t] -= median[t];
        }
        double sigma = Statistics.robustSigma(smooth, 1);
        double limit = thresholdNoise * sigma;
        BitSet above = new BitSet(smooth.length);
        BitSet below = new BitSet(smooth.length);
        double highest = 0;
        double lowest = 0;
        for (int t = 0; t < smooth.length; t++) {
            above.set(t, smooth[t] > limit);
            below.set(t, smooth[t] < -limit);
            highest = Math.max(highest, smooth[t]);
            lowest = Math.min(lowest, smooth[t]);
        }
        // A flat trace has no noise to measure against: it shows nothing.
        double scale = sigma > 0 ? 1 / sigma : 0;
        return new Crossings(onsets(above).length, onsets(below).length, highest * scale, -lowest * scale);
    }

    /** @return the first frame of each run of active frames (the event onsets), in order */
    public static int[] onsets(BitSet active) {
        int[] found = new int[active.cardinality()];
        int count = 0;
        for (int t = active.nextSetBit(0); t >= 0; t = active.nextSetBit(active.nextClearBit(t))) {
            found[count++] = t;
        }
        return Arrays.copyOf(found, count);
    }

    private static int insert(float[] sorted, int size, float value) {
        int at = Arrays.binarySearch(sorted, 0, size, value);
        if (at < 0) {
            at = -at - 1;
        }
        System.arraycopy(sorted, at, sorted, at + 1, size - at);
        sorted[at] = value;
        return size + 1;
    }

    private static int remove(float[] sorted, int size, float value) {
        int at = Arrays.binarySearch(sorted, 0, size, value);
        if (at < 0) {
            throw new IllegalStateException("value " + value + " is not in the window");
        }
        System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
        return size - 1;
    }
}
