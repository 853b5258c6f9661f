package org.neuroseg.dl.model;

import org.neuroseg.imaging.Statistics;

/**
 * How a frame becomes network input: each frame on its own is shifted and scaled, so raw camera counts, preprocessed
 * floats and 8-bit exports all reach the network on the same scale. A model file records the method it was trained
 * with ({@link #key()}), and the network is given its frames normalised the same way.
 */
public enum InputNormalization {

    /**
     * Mean 0 and standard deviation 1 (population). The bright pixels of active cells count in the standard
     * deviation, so the more cells fire in a frame, the dimmer each of them and the noise around them reach the
     * network: frames of the real miniscope sessions, where many cells fire, have a standard deviation 1.2-2.2 times
     * the noise's, simulations 1.04 (bench/RESULTS.md, 2026-12-07). Files written before {@link #FRAME_ROBUST}
     * existed, and the networks shipped with them, use it.
     */
    FRAME_ZSCORE("frame-zscore"),
    /**
     * Median 0 and unit spread, the spread being 1.4826 times the pixels' median absolute deviation from their
     * median: for a frame whose pixels are mostly noise, the noise's standard deviation whatever the cells do. Frames
     * larger than 256 x 256 are measured on a regular sample of their pixels. A frame more than half of whose pixels
     * hold one value (blank or saturated) is scaled by its standard deviation about the median instead.
     */
    FRAME_ROBUST("frame-robust");

    /** The method networks are trained with now; the learner records it in every model file it writes. */
    public static final InputNormalization FOR_TRAINING = FRAME_ROBUST;

    /** Spreads below this (flat frames) are treated as this, so flat frames become all zeros. */
    private static final double MIN_STD = 1e-6;
    /**
     * The robust method measures larger frames on every k-th pixel, at least this many: exact up to 256 x 256; a 512 x
     * 512 frame takes 2.5 ms instead of 10.3 with every pixel (z-scores 2.1; one core, measured 2026-12-07), and the
     * sample's median absolute deviation lies within about 0.5 % of the whole frame's.
     */
    private static final int ROBUST_SAMPLES = 1 << 16;

    private final String key;

    InputNormalization(String key) {
        this.key = key;
    }

    /** @return the name stored in model files */
    public String key() {
        return key;
    }

    /**
     * @param key a name stored in a model file
     * @return the method of that name
     * @throws IllegalArgumentException when no method has that name
     */
    public static InputNormalization fromKey(String key) {
        for (InputNormalization method : values()) {
            if (method.key.equals(key)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown input normalisation \"" + key + "\"");
    }

    /**
     * Normalises {@code pixels} in place, accumulating in double.
     *
     * @param pixels one frame, any order
     */
    public void normalizeInPlace(float[] pixels) {
        double center;
        double spread;
        if (this == FRAME_ZSCORE) {
            center = mean(pixels);
            spread = standardDeviation(pixels, center);
        } else {
            Statistics.RobustSpread robust = Statistics.robustSpread(pixels,
                    Math.max(1, pixels.length / ROBUST_SAMPLES));
            center = robust.median();
            spread = robust.sigma();
            if (spread < MIN_STD) {
                spread = standardDeviation(pixels, center);
            }
        }
        double scale = Math.max(MIN_STD, spread);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) ((pixels[i] - center) / scale);
        }
    }

    private static double mean(float[] pixels) {
        double sum = 0;
        for (float value : pixels) {
            sum += value;
        }
        return sum / pixels.length;
    }

    /** @return the root mean square distance of the pixels from {@code center} */
    private static double standardDeviation(float[] pixels, double center) {
        double squares = 0;
        for (float value : pixels) {
            double d = value - center;
            squares += d * d;
        }
        return Math.sqrt(squares / pixels.length);
    }
}
