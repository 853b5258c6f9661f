package org.neuroseg.dl.model;

/**
 * How a frame becomes network input: each frame on its own is shifted to mean 0 and scaled to standard deviation 1,
 * so raw camera counts, preprocessed floats and 8-bit exports all reach the network on the same scale.
 */
public final class InputNormalization {

    /** The name stored in model files. */
    public static final String FRAME_ZSCORE = "frame-zscore";

    /** Standard deviations below this (flat frames) are treated as this, so flat frames become all zeros. */
    private static final double MIN_STD = 1e-6;

    private InputNormalization() {
    }

    /**
     * Normalises {@code pixels} in place to mean 0 and standard deviation 1 (population), accumulating in double.
     *
     * @param pixels one frame, any order
     */
    public static void normalizeInPlace(float[] pixels) {
        double sum = 0;
        for (float value : pixels) {
            sum += value;
        }
        double mean = sum / pixels.length;
        double squares = 0;
        for (float value : pixels) {
            double d = value - mean;
            squares += d * d;
        }
        double std = Math.max(MIN_STD, Math.sqrt(squares / pixels.length));
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) ((pixels[i] - mean) / std);
        }
    }
}
