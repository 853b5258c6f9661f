package org.neuroseg.synthetic;

import java.util.SplittableRandom;

/**
 * The true rigid shift of every frame: white noise smoothed by a Gaussian (full width at half maximum
 * {@code motionSmoothingFrames}) and scaled to a standard deviation of {@code motionAmplitudePx} per axis, plus a
 * resting offset that jumps by {@code jumpSizePx} in a random direction with probability {@code jumpProbability}
 * per frame (the offset stays within half the bound), the sum clamped to ±{@code maxShiftPx}. Sign convention: a
 * feature at (x, y) of the motion-free scene appears at (x + dx, y + dy) in the frame.
 */
final class Motion {

    private static final double FWHM_PER_SIGMA = 2 * Math.sqrt(2 * StrictMath.log(2));

    private Motion() {
    }

    /** @return per frame {dx, dy} in pixels (dx along columns X, dy along rows Y), frames x 2 */
    static double[][] shifts(SyntheticParams params) {
        SplittableRandom random = RandomStreams.of(params.seed(), RandomStreams.MOTION, 0);
        int frames = params.frames();
        double[] kernel = kernel(params.motionSmoothingFrames() / FWHM_PER_SIGMA);
        int half = kernel.length / 2;
        double[][] noise = new double[2][frames + 2 * half];
        for (int t = 0; t < noise[0].length; t++) {
            noise[0][t] = random.nextGaussian();
            noise[1][t] = random.nextGaussian();
        }
        double bound = params.maxShiftPx();
        double[] offset = new double[2];
        double[][] shifts = new double[frames][2];
        for (int t = 0; t < frames; t++) {
            if (params.jumpProbability() > 0 && random.nextDouble() < params.jumpProbability()) {
                double angle = 2 * Math.PI * random.nextDouble();
                offset[0] = clamp(offset[0] + params.jumpSizePx() * StrictMath.cos(angle), bound / 2);
                offset[1] = clamp(offset[1] + params.jumpSizePx() * StrictMath.sin(angle), bound / 2);
            }
            for (int axis = 0; axis < 2; axis++) {
                double smooth = 0;
                for (int k = 0; k < kernel.length; k++) {
                    smooth += kernel[k] * noise[axis][t + k];
                }
                shifts[t][axis] = clamp(offset[axis] + params.motionAmplitudePx() * smooth, bound);
            }
        }
        return shifts;
    }

    /**
     * A Gaussian of standard deviation {@code sigma} frames over ±3 sigma, scaled so that white noise smoothed by it
     * keeps unit variance.
     */
    private static double[] kernel(double sigma) {
        int half = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * half + 1];
        double sumSquares = 0;
        for (int k = -half; k <= half; k++) {
            kernel[k + half] = StrictMath.exp(-0.5 * k * k / (sigma * sigma));
            sumSquares += kernel[k + half] * kernel[k + half];
        }
        double norm = Math.sqrt(sumSquares);
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= norm;
        }
        return kernel;
    }

    private static double clamp(double value, double bound) {
        return Math.max(-bound, Math.min(bound, value));
    }
}
