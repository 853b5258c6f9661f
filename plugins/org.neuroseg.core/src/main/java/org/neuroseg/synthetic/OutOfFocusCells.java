package org.neuroseg.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Cells above or below the focal plane: each is a Gaussian blob of standard deviation
 * {@code sqrt((r / 2)^2 + outOfFocusBlurPx^2)} (a soma of radius r, 1.5 to 3 times the in-focus radii, blurred)
 * holding the photons of a uniform disk of radius r, with a log-normal resting brightness and its own spike train;
 * centres lie anywhere in the field of view. They are background: never in the ground truth. Immutable after
 * construction, so frames may be rendered on any thread.
 */
final class OutOfFocusCells {

    /** Truncation of each blob, in standard deviations. */
    private static final double REACH_SIGMAS = 3;

    private final double cellPhotons;
    private final int[][] pixels;
    private final float[][] weights;
    private final float[] brightness;
    private final float[][] dff;

    OutOfFocusCells(SyntheticParams params) {
        int count = params.outOfFocusCount();
        cellPhotons = params.cellPhotons();
        pixels = new int[count][];
        weights = new float[count][];
        brightness = new float[count];
        SplittableRandom random = RandomStreams.of(params.seed(), RandomStreams.OUT_OF_FOCUS, 0);
        int width = params.width();
        int height = params.height();
        for (int i = 0; i < count; i++) {
            double row = height * random.nextDouble();
            double col = width * random.nextDouble();
            double radius = (1.5 + 1.5 * random.nextDouble())
                    * (params.radiusMinPx() + (params.radiusMaxPx() - params.radiusMinPx()) * random.nextDouble());
            double spread = params.brightnessSpread();
            brightness[i] = (float) Math.exp(spread * random.nextGaussian() - spread * spread / 2);
            double sigma = Math.sqrt(radius * radius / 4 + params.outOfFocusBlurPx() * params.outOfFocusBlurPx());
            double peak = radius * radius / (2 * sigma * sigma);
            int reach = (int) Math.ceil(REACH_SIGMAS * sigma);
            int side = 2 * reach + 1;
            int[] p = new int[side * side];
            float[] w = new float[side * side];
            int n = 0;
            for (int r = Math.max(0, (int) row - reach); r <= Math.min(height - 1, (int) row + reach); r++) {
                for (int c = Math.max(0, (int) col - reach); c <= Math.min(width - 1, (int) col + reach); c++) {
                    double d2 = (r - row) * (r - row) + (c - col) * (c - col);
                    if (d2 <= reach * reach) {
                        p[n] = r * width + c;
                        w[n++] = (float) (peak * Math.exp(-d2 / (2 * sigma * sigma)));
                    }
                }
            }
            pixels[i] = Arrays.copyOf(p, n);
            weights[i] = Arrays.copyOf(w, n);
        }
        dff = SpikeTrains.dffTraces(params, SpikeTrains.spikes(params, count,
                RandomStreams.OUT_OF_FOCUS_SPIKES));
    }

    /** Adds the out-of-focus cells' photons of {@code frame} to {@code scene} (height x width, row-major). */
    void add(int frame, float[] scene) {
        for (int i = 0; i < pixels.length; i++) {
            float photons = (float) (cellPhotons * (brightness[i] + dff[i][frame]));
            int[] p = pixels[i];
            float[] w = weights[i];
            for (int k = 0; k < p.length; k++) {
                scene[p[k]] += photons * w[k];
            }
        }
    }
}
