package org.neuroseg.synthetic;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * True spike trains and noise-free calcium responses. A functional cell fires isolated Poisson spikes and, for a
 * share {@code burstiness} of its spikes, Hawkes-like bursts: each burst starts with one spike, and every spike of
 * a burst triggers Poisson({@value #BRANCHING}) more after exponential delays of mean {@value #BURST_DELAY_SECONDS}
 * s, so a burst holds 1 / (1 - {@value #BRANCHING}) = 10 spikes on average (at most {@value #MAX_BURST}). The mean
 * rate stays {@code spikeRateHz} either way. Silent cells never spike.
 */
final class SpikeTrains {

    /** Expected spikes triggered by one spike of a burst. */
    static final double BRANCHING = 0.9;
    /** Mean delay between a burst spike and the spikes it triggers, in seconds. */
    static final double BURST_DELAY_SECONDS = 0.05;
    /** Largest burst, in spikes. */
    static final int MAX_BURST = 100;

    private SpikeTrains() {
    }

    /**
     * @param functional per cell, whether it may spike
     * @return spike counts, cells x frames
     */
    static int[][] spikes(SyntheticParams params, boolean[] functional) {
        int[][] counts = new int[functional.length][params.frames()];
        for (int cell = 0; cell < functional.length; cell++) {
            if (functional[cell]) {
                fill(counts[cell], params, RandomStreams.of(params.seed(), RandomStreams.SPIKES, cell));
            }
        }
        return counts;
    }

    /**
     * Spike trains of {@code count} functional cells that are not in the ground truth, each from stream
     * ({@code purpose}, index).
     *
     * @return spike counts, cells x frames
     */
    static int[][] spikes(SyntheticParams params, int count, int purpose) {
        int[][] counts = new int[count][params.frames()];
        for (int cell = 0; cell < count; cell++) {
            fill(counts[cell], params, RandomStreams.of(params.seed(), purpose, cell));
        }
        return counts;
    }

    private static void fill(int[] counts, SyntheticParams params, SplittableRandom random) {
        double duration = params.frames() / params.frameRateHz();
        double rate = params.spikeRateHz();
        double singles = RandomStreams.poisson(random, rate * (1 - params.burstiness()) * duration);
        for (int i = 0; i < singles; i++) {
            add(counts, duration * random.nextDouble(), params.frameRateHz());
        }
        double meanBurst = 1 / (1 - BRANCHING);
        double bursts = RandomStreams.poisson(random, rate * params.burstiness() * duration / meanBurst);
        for (int i = 0; i < bursts; i++) {
            burst(counts, duration * random.nextDouble(), params.frameRateHz(), random);
        }
    }

    private static void burst(int[] counts, double start, double frameRateHz, SplittableRandom random) {
        Deque<Double> pending = new ArrayDeque<>();
        pending.add(start);
        int fired = 0;
        while (!pending.isEmpty() && fired < MAX_BURST) {
            double time = pending.poll();
            add(counts, time, frameRateHz);
            fired++;
            double children = RandomStreams.poisson(random, BRANCHING);
            for (int c = 0; c < children; c++) {
                pending.add(time - BURST_DELAY_SECONDS * StrictMath.log(1 - random.nextDouble()));
            }
        }
    }

    private static void add(int[] counts, double timeSeconds, double frameRateHz) {
        int frame = (int) (timeSeconds * frameRateHz);
        if (frame < counts.length) {
            counts[frame]++;
        }
    }

    /**
     * The noise-free ΔF/F of each cell: spikes convolved with the double-exponential kernel
     * {@code exp(-t / decay) - exp(-t / rise)} scaled to a peak of {@code dffPerSpike}, computed as two AR(1)
     * filters with {@code gamma = exp(-1 / (tau * frameRateHz))}. A frame is sampled half a frame after the spikes
     * binned into it.
     *
     * @param spikes spike counts, cells x frames
     * @return ΔF/F, cells x frames
     */
    static float[][] dffTraces(SyntheticParams params, int[][] spikes) {
        double rate = params.frameRateHz();
        double rise = params.riseSeconds();
        double decay = params.decaySeconds();
        double peakTime = StrictMath.log(decay / rise) * decay * rise / (decay - rise);
        double scale = params.dffPerSpike() / (StrictMath.exp(-peakTime / decay) - StrictMath.exp(-peakTime / rise));
        double gammaDecay = StrictMath.exp(-1 / (decay * rate));
        double gammaRise = StrictMath.exp(-1 / (rise * rate));
        double halfDecay = Math.sqrt(gammaDecay);
        double halfRise = Math.sqrt(gammaRise);
        float[][] traces = new float[spikes.length][params.frames()];
        for (int cell = 0; cell < spikes.length; cell++) {
            double slow = 0;
            double fast = 0;
            for (int t = 0; t < params.frames(); t++) {
                slow = gammaDecay * slow + halfDecay * spikes[cell][t];
                fast = gammaRise * fast + halfRise * spikes[cell][t];
                traces[cell][t] = (float) (scale * (slow - fast));
            }
        }
        return traces;
    }
}
