package org.neuroseg.dl.train;

import org.neuroseg.metrics.PixelMetrics;

/** Scores of probability maps against label frames. */
public final class Masks {

    private Masks() {
    }

    /**
     * Dice of {@code probability > 0.5} against {@code label > 0.5}.
     *
     * @param probability one frame of probabilities
     * @param label the label frame, same length
     * @return Dice in [0, 1]; 1 when both masks are empty
     */
    public static double dice(float[] probability, float[] label) {
        boolean[] predicted = new boolean[probability.length];
        boolean[] reference = new boolean[label.length];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = probability[i] > 0.5f;
            reference[i] = label[i] > 0.5f;
        }
        return PixelMetrics.of(predicted, reference).dice();
    }
}
