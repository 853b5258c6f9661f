package org.neuroseg.synthetic;

import java.util.SplittableRandom;

/**
 * Independent, reproducible random streams keyed by (seed, purpose, index), so every frame or cell draws from its
 * own stream and results never depend on the order or the thread in which work is done.
 */
final class RandomStreams {

    /** Purpose: placing cells (index 0). */
    static final int PLACEMENT = 1;
    /** Purpose: which cells are silent (index 0). */
    static final int SILENT = 2;
    /** Purpose: spike train of a cell (index = cell index). */
    static final int SPIKES = 3;
    /** Purpose: motion trajectory (index 0). */
    static final int MOTION = 4;
    /** Purpose: background field (index 0). */
    static final int BACKGROUND = 5;
    /** Purpose: camera noise of a frame (index = frame index). */
    static final int NOISE = 6;
    /** Purpose: placing the out-of-focus cells (index 0). */
    static final int OUT_OF_FOCUS = 7;
    /** Purpose: spike train of an out-of-focus cell (index = its index). */
    static final int OUT_OF_FOCUS_SPIKES = 8;
    /** Purpose: blood vessels (index 0). */
    static final int VESSELS = 9;
    /** Purpose: the fine neuropil texture and its fluctuation (index 0). */
    static final int TEXTURE = 10;

    /** Below this mean, Poisson counts are sampled exactly; above, by a normal approximation. */
    static final double EXACT_POISSON_LIMIT = 30;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private RandomStreams() {
    }

    /** @return the stream for {@code purpose} and {@code index} under {@code seed} */
    static SplittableRandom of(long seed, int purpose, long index) {
        return new SplittableRandom(mix(mix(seed + GOLDEN * purpose) + GOLDEN * (index + 1)));
    }

    /** SplitMix64's finaliser: a bijective mix of all 64 bits. */
    private static long mix(long z) {
        long x = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    /**
     * Samples a Poisson count: exactly (Knuth's product of uniforms) for means below {@link #EXACT_POISSON_LIMIT},
     * otherwise rounded from a normal of the same mean and variance, never negative.
     *
     * @param lambda the mean, at least 0
     */
    static double poisson(SplittableRandom random, double lambda) {
        if (lambda >= EXACT_POISSON_LIMIT) {
            return Math.max(0, Math.rint(lambda + Math.sqrt(lambda) * random.nextGaussian()));
        }
        double limit = StrictMath.exp(-lambda);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
