package org.neuroseg.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.neuroseg.imaging.Gaussian;
import org.neuroseg.roi.Roi;

/**
 * One cell's spatial footprint in the motion-free field of view: a filled ellipse with a soft edge (a 1 px linear
 * ramp) and a dimmer nucleus, optionally blurred by the optics, as a sparse list of pixels with weights in (0, 1].
 *
 * @param centerRow row of the ellipse centre (px)
 * @param centerCol column of the ellipse centre (px)
 * @param radiusPx semi-major axis (px)
 * @param brightness relative resting brightness of this cell, log-normal with mean 1
 * @param pixels row-major pixel indices (row * width + col) where the weight is positive
 * @param weights weight of each pixel: 1 in the cytosol, the nucleus level in the nucleus, ramps at the edges
 * @param roi the pixels inside the ellipse (weight at least 0.5), the ground-truth region
 */
record Footprint(double centerRow, double centerCol, double radiusPx, double brightness, int[] pixels,
        float[] weights, Roi roi) {

    /** Largest eccentricity of a soma. */
    static final double MAX_ECCENTRICITY = 0.25;
    /** Nucleus size relative to the soma. */
    static final double NUCLEUS_SCALE = 0.45;
    /** Width of the soft edge in pixels. */
    static final double EDGE_PX = 1.0;

    /**
     * Draws a cell's shape (eccentricity, orientation, brightness) at a given centre and rasterises it.
     *
     * @param id the ROI id, from 1
     * @param brightnessSpread standard deviation of the log of the brightness
     * @param nucleusLevel the nucleus's brightness relative to the cytosol
     * @param blurPx standard deviation of the optical blur in pixels (0: sharp); the cell's photons are spread, not
     *     lost, except where they fall outside the field of view
     * @param width columns of the field of view
     * @param height rows of the field of view
     */
    static Footprint draw(int id, double centerRow, double centerCol, double radiusPx, double brightnessSpread,
            double nucleusLevel, double blurPx, SplittableRandom random, int width, int height) {
        double eccentricity = MAX_ECCENTRICITY * random.nextDouble();
        double angle = Math.PI * random.nextDouble();
        double brightness = Math.exp(brightnessSpread * random.nextGaussian()
                - brightnessSpread * brightnessSpread / 2);
        double minor = radiusPx * Math.sqrt(1 - eccentricity * eccentricity);
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        // the patch reaches the blur's width past the cell, so its edges hold zeros whether mirrored or not
        int blurReach = Gaussian.halfKernel(blurPx).length - 1;
        int reach = (int) Math.ceil(radiusPx + EDGE_PX) + blurReach;
        int rowStart = (int) Math.floor(centerRow) - reach;
        int colStart = (int) Math.floor(centerCol) - reach;
        int side = 2 * reach + 2;
        float[] sharp = new float[side * side];
        int[] roiRows = new int[side * side];
        int[] roiCols = new int[side * side];
        int inside = 0;
        for (int row = rowStart; row < rowStart + side; row++) {
            for (int col = colStart; col < colStart + side; col++) {
                double dx = col - centerCol;
                double dy = row - centerRow;
                double u = (dx * cos + dy * sin) / radiusPx;
                double v = (-dx * sin + dy * cos) / minor;
                double rho = Math.sqrt(u * u + v * v);
                sharp[(row - rowStart) * side + col - colStart] = (float) weight(rho, radiusPx, nucleusLevel);
                if (edge(rho, 1, radiusPx) >= 0.5) {
                    roiRows[inside] = row;
                    roiCols[inside++] = col;
                }
            }
        }
        float[] blurred = Gaussian.smooth(sharp, side, side, blurPx);
        int[] pixels = new int[side * side];
        float[] weights = new float[side * side];
        int count = 0;
        for (int row = Math.max(0, rowStart); row < Math.min(height, rowStart + side); row++) {
            for (int col = Math.max(0, colStart); col < Math.min(width, colStart + side); col++) {
                float weight = blurred[(row - rowStart) * side + col - colStart];
                if (weight > 0) {
                    pixels[count] = row * width + col;
                    weights[count++] = weight;
                }
            }
        }
        Roi roi = new Roi(id, Arrays.copyOf(roiRows, inside), Arrays.copyOf(roiCols, inside));
        return new Footprint(centerRow, centerCol, radiusPx, brightness, Arrays.copyOf(pixels, count),
                Arrays.copyOf(weights, count), roi);
    }

    /** Weight at normalised elliptic distance {@code rho} (1 = the ellipse's boundary). */
    private static double weight(double rho, double radiusPx, double nucleusLevel) {
        double nucleus = edge(rho, NUCLEUS_SCALE, radiusPx);
        return edge(rho, 1, radiusPx) * (1 - (1 - nucleusLevel) * nucleus);
    }

    /** A linear ramp from 1 inside to 0 outside an ellipse of relative size {@code scale}, {@link #EDGE_PX} wide. */
    private static double edge(double rho, double scale, double radiusPx) {
        return Math.max(0, Math.min(1, 0.5 + (scale - rho) * radiusPx / EDGE_PX));
    }
}
