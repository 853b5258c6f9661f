package org.neuroseg.synthetic;

import java.util.SplittableRandom;

/**
 * The fine neuropil texture: a log-normal random field (log standard deviation {@value #LOG_SPREAD}, mean 1) of
 * grains about 6 px wide (white noise blurred by a Gaussian of sigma {@value #GRAIN_PX} px, rescaled to unit
 * variance), times {@code baselinePhotons * neuropilTexture}, whose brightness follows
 * {@code max(0, 1 + neuropilFluctuation * s(t))} with {@code s} a unit-variance AR(1) process of time constant
 * {@value #TAU_SECONDS} s. Immutable after construction.
 */
final class NeuropilTexture {

    /**
     * Width (Gaussian sigma) of a grain in pixels: the mean image of a real two-photon recording is as smooth at cell
     * scales (power spectrum falling as f^-4 at 4-25 px periods; grains of 0.75 px gave f^-1.3, bench realism).
     */
    static final double GRAIN_PX = 3;
    /** Standard deviation of the log of the texture. */
    static final double LOG_SPREAD = 0.7;
    /** Time constant of the texture's brightness fluctuation, in seconds. */
    static final double TAU_SECONDS = 1;

    /** Photons per pixel at unit brightness, or null when there is no texture. */
    private final float[] photons;
    private final float[] gain;

    NeuropilTexture(SyntheticParams params) {
        if (params.neuropilTexture() == 0 || params.baselinePhotons() == 0) {
            photons = null;
            gain = null;
            return;
        }
        int width = params.width();
        int height = params.height();
        SplittableRandom random = RandomStreams.of(params.seed(), RandomStreams.TEXTURE, 0);
        float[] noise = new float[width * height];
        for (int p = 0; p < noise.length; p++) {
            noise[p] = (float) random.nextGaussian();
        }
        float[] field = blur(noise, width, height);
        double variance = 0;
        for (float v : field) {
            variance += (double) v * v / field.length;
        }
        double scale = 1 / Math.sqrt(variance);
        double level = params.baselinePhotons() * params.neuropilTexture();
        photons = new float[field.length];
        for (int p = 0; p < field.length; p++) {
            photons[p] = (float) (level * Math.exp(LOG_SPREAD * field[p] * scale - LOG_SPREAD * LOG_SPREAD / 2));
        }
        double rho = StrictMath.exp(-1 / (TAU_SECONDS * params.frameRateHz()));
        double innovation = Math.sqrt(1 - rho * rho);
        double slow = random.nextGaussian();
        gain = new float[params.frames()];
        for (int t = 0; t < gain.length; t++) {
            slow = rho * slow + innovation * random.nextGaussian();
            gain[t] = (float) Math.max(0, 1 + params.neuropilFluctuation() * slow);
        }
    }

    private static float[] blur(float[] image, int width, int height) {
        int reach = (int) Math.ceil(3 * GRAIN_PX);
        float[] kernel = new float[2 * reach + 1];
        for (int i = -reach; i <= reach; i++) {
            kernel[i + reach] = (float) Math.exp(-i * i / (2 * GRAIN_PX * GRAIN_PX));
        }
        float[] rows = new float[image.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                float v = 0;
                for (int i = -reach; i <= reach; i++) {
                    v += kernel[i + reach] * image[r * width + Math.max(0, Math.min(width - 1, c + i))];
                }
                rows[r * width + c] = v;
            }
        }
        float[] out = new float[image.length];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                float v = 0;
                for (int i = -reach; i <= reach; i++) {
                    v += kernel[i + reach] * rows[Math.max(0, Math.min(height - 1, r + i)) * width + c];
                }
                out[r * width + c] = v;
            }
        }
        return out;
    }

    /** Adds the texture's photons of {@code frame} to {@code scene} (height x width, row-major). */
    void add(int frame, float[] scene) {
        if (photons == null) {
            return;
        }
        float g = gain[frame];
        for (int p = 0; p < scene.length; p++) {
            scene[p] += g * photons[p];
        }
    }
}
