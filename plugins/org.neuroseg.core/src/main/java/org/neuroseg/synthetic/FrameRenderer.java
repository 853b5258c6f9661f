package org.neuroseg.synthetic;

import java.util.List;
import java.util.SplittableRandom;
import org.neuroseg.imaging.Gaussian;

/**
 * Renders one frame from precomputed, immutable inputs: background and cells in the motion-free scene, shaded by
 * the vessels, shifted by
 * bilinear resampling (edge pixels replicated), multiplied by the illumination, and recorded by the camera. Frame
 * {@code t} depends only on {@code t} and the inputs, and its noise comes from its own random stream, so frames may
 * be rendered in any order and on any thread with identical results. Thread-safe.
 */
final class FrameRenderer {

    private final SyntheticParams params;
    private final List<Footprint> cells;
    private final float[][] dff;
    private final Background background;
    private final double[][] shifts;

    /**
     * @param dff the cells' ΔF/F, cells x frames
     * @param shifts per frame {dx, dy} in pixels, see {@link Motion}
     */
    FrameRenderer(SyntheticParams params, List<Footprint> cells, float[][] dff, Background background,
            double[][] shifts) {
        this.params = params;
        this.cells = cells;
        this.dff = dff;
        this.background = background;
        this.shifts = shifts;
    }

    /**
     * Renders frame {@code frame} in camera counts (not yet rounded) into {@code out}.
     *
     * @param scene work buffer of height x width pixels, overwritten
     * @param out height x width, row-major
     */
    void render(int frame, float[] scene, float[] out) {
        background.fill(frame, scene);
        addCells(frame, scene);
        background.shade(scene);
        shiftIntoCamera(frame, scene, out);
    }

    private void addCells(int frame, float[] scene) {
        for (int i = 0; i < cells.size(); i++) {
            Footprint cell = cells.get(i);
            float photons = (float) (params.cellPhotons() * (cell.brightness() + dff[i][frame]));
            int[] pixels = cell.pixels();
            float[] weights = cell.weights();
            for (int p = 0; p < pixels.length; p++) {
                scene[pixels[p]] += photons * weights[p];
            }
        }
    }

    private void shiftIntoCamera(int frame, float[] scene, float[] out) {
        int width = params.width();
        int height = params.height();
        double dx = shifts[frame][0];
        double dy = shifts[frame][1];
        int[] col0 = new int[width];
        int[] col1 = new int[width];
        float fx = sourceIndices(-dx, col0, col1);
        int[] row0 = new int[height];
        int[] row1 = new int[height];
        float fy = sourceIndices(-dy, row0, row1);
        Camera camera = new Camera(params, RandomStreams.of(params.seed(), RandomStreams.NOISE, frame));
        float[] expected = params.noiseCorrelationPx() > 0 ? new float[out.length] : null;
        for (int row = 0; row < height; row++) {
            int top = row0[row] * width;
            int bottom = row1[row] * width;
            int base = row * width;
            for (int col = 0; col < width; col++) {
                int c0 = col0[col];
                int c1 = col1[col];
                float upper = scene[top + c0] + fx * (scene[top + c1] - scene[top + c0]);
                float lower = scene[bottom + c0] + fx * (scene[bottom + c1] - scene[bottom + c0]);
                float photons = (upper + fy * (lower - upper)) * background.illumination(row, col);
                out[base + col] = camera.record(photons);
                if (expected != null) {
                    expected[base + col] = camera.expected(photons);
                }
            }
        }
        if (expected != null) {
            correlateNoise(out, expected, height, width);
        }
    }

    /**
     * Spreads the camera noise of {@code out} over neighbouring pixels: the noise (recorded counts minus their
     * expectation, kept in {@code expected}) is blurred by a separable Gaussian and rescaled so that its level per
     * pixel stays the same.
     *
     * @param expected height x width, the noise-free counts of each pixel
     */
    private void correlateNoise(float[] out, float[] expected, int height, int width) {
        float[] kernel = Gaussian.halfKernel(params.noiseCorrelationPx());
        double energy = kernel[0] * kernel[0];
        for (int k = 1; k < kernel.length; k++) {
            energy += 2 * kernel[k] * kernel[k];
        }
        // Separable: the per-pixel level falls by the kernel's energy along each axis.
        float restore = (float) (1 / energy);
        float[] noise = new float[out.length];
        for (int i = 0; i < out.length; i++) {
            noise[i] = out[i] - expected[i];
        }
        float[] rows = new float[out.length];
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                double sum = 0;
                for (int k = 1 - kernel.length; k < kernel.length; k++) {
                    int c = Math.max(0, Math.min(width - 1, col + k));
                    sum += kernel[Math.abs(k)] * noise[row * width + c];
                }
                rows[row * width + col] = (float) sum;
            }
        }
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                double sum = 0;
                for (int k = 1 - kernel.length; k < kernel.length; k++) {
                    int r = Math.max(0, Math.min(height - 1, row + k));
                    sum += kernel[Math.abs(k)] * rows[r * width + col];
                }
                out[row * width + col] = expected[row * width + col] + (float) (sum * restore);
            }
        }
    }

    /**
     * For output index i, the source position is i + offset; fills the two neighbouring source indices (clamped to
     * the image) and returns the interpolation weight of the second.
     */
    private static float sourceIndices(double offset, int[] first, int[] second) {
        double floor = Math.floor(offset);
        int whole = (int) floor;
        int last = first.length - 1;
        for (int i = 0; i < first.length; i++) {
            first[i] = Math.max(0, Math.min(last, i + whole));
            second[i] = Math.max(0, Math.min(last, i + whole + 1));
        }
        return (float) (offset - floor);
    }

    /** The camera model with its per-frame random stream. */
    private static final class Camera {
        private final SplittableRandom random;
        private final boolean shotNoise;
        private final float gain;
        private final float offset;
        private final double readNoise;

        Camera(SyntheticParams params, SplittableRandom random) {
            this.random = random;
            this.shotNoise = params.shotNoise();
            this.gain = (float) params.cameraGain();
            this.offset = (float) params.cameraOffset();
            this.readNoise = params.readNoise();
        }

        /** @return {@code gain * photons + offset}, the counts without noise */
        float expected(float photons) {
            return gain * photons + offset;
        }

        /** @return {@code gain * Poisson(photons) + offset + N(0, readNoise^2)} counts */
        float record(float photons) {
            double detected = shotNoise ? RandomStreams.poisson(random, photons) : photons;
            double read = readNoise > 0 ? readNoise * random.nextGaussian() : 0;
            return (float) (gain * detected + offset + read);
        }
    }
}
