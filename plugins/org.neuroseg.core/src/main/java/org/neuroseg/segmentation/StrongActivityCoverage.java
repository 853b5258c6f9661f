package org.neuroseg.segmentation;

import java.util.Locale;
import java.util.Optional;

/**
 * How much of a recording's strong activity a per-frame network marks: of the pixels whose Activity Frames value
 * reaches {@value #STRONG_NOISE_UNITS} noise units, the share whose probability exceeds one half. A U-Net trained on
 * simulations either carries over to a kind of recording or marks little of it, and nothing measured on simulations
 * tells which (bench/RESULTS.md, 2026-12-07): on the real miniscope sessions five runs of the shipped recipe and its
 * variants mark 0.27-0.79 of their strongly active pixels and find 61-80 labelled cells a session, four others
 * 0.01-0.07 and at most 35; on simulated videos the shipped U-Net marks 0.66-0.99. A low share is the user's sign to
 * train on their own recordings. Memory: three counters.
 */
public final class StrongActivityCoverage {

    /** Activity (noise units) that counts as strong: well above what noise alone reaches in a frame. */
    public static final float STRONG_NOISE_UNITS = 5;
    /** Below this share of strongly active pixels marked, the network does not see this recording's cells. */
    static final double LOW_SHARE = 0.2;
    /** Fewer strongly active pixels than this share of all pixels of all frames are too few to judge by. */
    static final double FEWEST_STRONG = 1e-4;

    private long pixels;
    private long strong;
    private long strongMarked;

    /**
     * Adds one frame.
     *
     * @param input the network's input for the frame: {@code channels} planes of the probabilities' size one after
     *        the other, the middle one the frame's Activity Frames values (the others, when there are any, its frames
     *        of context)
     * @param channels planes in {@code input}, at least 1
     * @param probability the network's probabilities for the frame's pixels, row-major
     */
    public void push(float[] input, int channels, float[] probability) {
        if (channels < 1 || input.length != (long) channels * probability.length) {
            throw new IllegalArgumentException("input of " + input.length + " values is not " + channels
                    + " planes of " + probability.length + " probabilities");
        }
        int from = channels / 2 * probability.length;
        for (int i = 0; i < probability.length; i++) {
            if (input[from + i] >= STRONG_NOISE_UNITS) {
                strong++;
                if (probability[i] > 0.5f) {
                    strongMarked++;
                }
            }
        }
        pixels += probability.length;
    }

    /** Adds what {@code other} counted (frames pushed to it are counted here too). */
    public void add(StrongActivityCoverage other) {
        pixels += other.pixels;
        strong += other.strong;
        strongMarked += other.strongMarked;
    }

    /** @return the share of strongly active pixels marked so far, NaN when there were none */
    public double markedShare() {
        return strong == 0 ? Double.NaN : strongMarked / (double) strong;
    }

    /**
     * @return when the recording holds enough strong activity and the network marks less than
     *         {@value #LOW_SHARE} of it, a warning that says so and what to do; otherwise empty
     */
    public Optional<String> hint() {
        return warning("The U-Net", "it may not suit this kind of recording, and cells will be missed. Train models "
                + "on your recordings: neuroseg train, or the workflow train-on-my-videos.");
    }

    /**
     * The warning of {@link #hint()} for a U-Net just trained on this recording without labels (self-training),
     * where training on the recording is what was done: the labels it learned from are what to look at.
     *
     * @return when the recording holds enough strong activity and the network marks less than
     *         {@value #LOW_SHARE} of it, a warning that says so and what to do; otherwise empty
     */
    public Optional<String> selfTrainingHint() {
        return warning("The self-trained U-Net", "it learned little of how this recording's cells look when they "
                + "fire, and the models will miss cells. Check the labels it learned from (blob pixels a frame and "
                + "the video mask in the training report) and the cell diameter, then train again.");
    }

    private Optional<String> warning(String network, String consequence) {
        if (strong < FEWEST_STRONG * pixels || !(markedShare() < LOW_SHARE)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s marks %.0f %% of the strongly active pixels of this "
                + "recording (%.0f noise units or more in the activity frames, %.2f %% of all pixels of all frames; "
                + "on recordings it suits it marks well over half): %s", network, 100 * markedShare(),
                STRONG_NOISE_UNITS, 100.0 * strong / pixels, consequence));
    }
}
