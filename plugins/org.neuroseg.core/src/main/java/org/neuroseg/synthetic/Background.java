package org.neuroseg.synthetic;

import java.util.SplittableRandom;

/**
 * The out-of-focus neuropil and the uneven illumination. The neuropil field is a frame-wide flicker plus
 * {@value #COMPONENTS} plane waves of 0.5-2.5 cycles per field of view in random directions; every wave has a fixed
 * random amplitude plus {@code neuropilFluctuation} times a slow AR(1) process (time constant
 * {@value #TAU_SECONDS} s); the field is scaled to unit spatial standard deviation. Background photons are
 * {@code baselinePhotons * (1 + neuropilStrength * field / sqrt(1 + field^2))}, a soft clip that keeps them within
 * ±neuropilStrength of the baseline. Illumination falls off quadratically from the
 * centre to {@code 1 - vignetting} in the corners. Computed row by row from separable tables. The rest of what
 * is not ground truth is added here too: the fine texture ({@link NeuropilTexture}), the out-of-focus cells
 * ({@link OutOfFocusCells}) and the vessels' shadows ({@link Vessels}, applied by {@link #shade}); memory grows
 * with the frame size, not with the frame count beyond a few numbers per frame.
 */
final class Background {

    /** Number of plane waves in the neuropil field. */
    static final int COMPONENTS = 6;
    /** Time constant of the components' fluctuation, in seconds. */
    static final double TAU_SECONDS = 5;

    private final SyntheticParams params;
    private final float[][] colCos;
    private final float[][] colSin;
    private final float[][] rowCos;
    private final float[][] rowSin;
    /** Frames x (1 + COMPONENTS): the flicker, then each wave's amplitude, scaled to a unit-variance field. */
    private final float[][] amplitudes;
    private final float[] rowFalloff;
    private final float[] colFalloff;
    private final NeuropilTexture texture;
    private final OutOfFocusCells outOfFocus;
    private final Vessels vessels;

    Background(SyntheticParams params) {
        this.params = params;
        SplittableRandom random = RandomStreams.of(params.seed(), RandomStreams.BACKGROUND, 0);
        colCos = new float[COMPONENTS][params.width()];
        colSin = new float[COMPONENTS][params.width()];
        rowCos = new float[COMPONENTS][params.height()];
        rowSin = new float[COMPONENTS][params.height()];
        for (int k = 0; k < COMPONENTS; k++) {
            double cycles = 0.5 + 2 * random.nextDouble();
            double direction = 2 * Math.PI * random.nextDouble();
            wave(colCos[k], colSin[k], cycles * StrictMath.cos(direction), 0);
            wave(rowCos[k], rowSin[k], cycles * StrictMath.sin(direction), 2 * Math.PI * random.nextDouble());
        }
        amplitudes = amplitudes(params, random);
        rowFalloff = falloff(params.height(), params);
        colFalloff = falloff(params.width(), params);
        texture = new NeuropilTexture(params);
        outOfFocus = new OutOfFocusCells(params);
        vessels = new Vessels(params);
    }

    private static void wave(float[] cos, float[] sin, double cycles, double phase) {
        for (int i = 0; i < cos.length; i++) {
            double angle = 2 * Math.PI * cycles * i / cos.length + phase;
            cos[i] = (float) StrictMath.cos(angle);
            sin[i] = (float) StrictMath.sin(angle);
        }
    }

    private static float[][] amplitudes(SyntheticParams params, SplittableRandom random) {
        double rho = StrictMath.exp(-1 / (TAU_SECONDS * params.frameRateHz()));
        double innovation = Math.sqrt(1 - rho * rho);
        double[] fixed = new double[COMPONENTS + 1];
        double[] slow = new double[COMPONENTS + 1];
        for (int k = 0; k <= COMPONENTS; k++) {
            fixed[k] = k == 0 ? 0 : random.nextGaussian();
            slow[k] = random.nextGaussian();
        }
        double waveScale = 1 / Math.sqrt(COMPONENTS / 2.0);
        float[][] amplitudes = new float[params.frames()][COMPONENTS + 1];
        for (int t = 0; t < params.frames(); t++) {
            for (int k = 0; k <= COMPONENTS; k++) {
                slow[k] = rho * slow[k] + innovation * random.nextGaussian();
                double value = fixed[k] + params.neuropilFluctuation() * slow[k];
                amplitudes[t][k] = (float) (k == 0 ? value : value * waveScale);
            }
        }
        return amplitudes;
    }

    private static float[] falloff(int length, SyntheticParams params) {
        double centerRow = (params.height() - 1) / 2.0;
        double centerCol = (params.width() - 1) / 2.0;
        double center = (length - 1) / 2.0;
        float[] falloff = new float[length];
        for (int i = 0; i < length; i++) {
            double d = i - center;
            falloff[i] = (float) (params.vignetting() * d * d / (centerRow * centerRow + centerCol * centerCol));
        }
        return falloff;
    }

    /**
     * Writes the background photons of frame {@code frame} (neuropil field, texture, out-of-focus cells) into
     * {@code scene}, in the motion-free field of view.
     *
     * @param scene height x width, row-major
     */
    void fill(int frame, float[] scene) {
        int width = params.width();
        float baseline = (float) params.baselinePhotons();
        float strength = (float) params.neuropilStrength();
        float[] amplitude = amplitudes[frame];
        float[] rowA = new float[COMPONENTS];
        float[] rowB = new float[COMPONENTS];
        for (int row = 0; row < params.height(); row++) {
            for (int k = 0; k < COMPONENTS; k++) {
                rowA[k] = amplitude[k + 1] * rowCos[k][row];
                rowB[k] = amplitude[k + 1] * rowSin[k][row];
            }
            int base = row * width;
            for (int col = 0; col < width; col++) {
                float field = amplitude[0];
                for (int k = 0; k < COMPONENTS; k++) {
                    field += rowA[k] * colCos[k][col] - rowB[k] * colSin[k][col];
                }
                scene[base + col] = baseline * (1f + strength * field / (float) Math.sqrt(1f + field * field));
            }
        }
        texture.add(frame, scene);
        outOfFocus.add(frame, scene);
    }

    /** Multiplies the whole scene (height x width, row-major, motion-free) by the vessels' transmission. */
    void shade(float[] scene) {
        vessels.shade(scene);
    }

    /** @return the relative illumination at a pixel of the camera, in [1 - vignetting, 1] */
    float illumination(int row, int col) {
        return 1f - rowFalloff[row] - colFalloff[col];
    }
}
