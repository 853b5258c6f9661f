package org.neuroseg.synthetic;

import java.util.SplittableRandom;

/**
 * Shadows of blood vessels: each vessel runs from one edge of the field of view to the opposite one along a
 * smooth curve (a straight chord bent by half a sine wave or a full one, of amplitude up to 15 % of the side) and
 * transmits {@code 1 - vesselDepth * exp(-d^2 / (2 (w / 2)^2))} of the light at distance d from its centre line,
 * w its width. The transmissions of all vessels multiply. Immutable after construction.
 */
final class Vessels {

    /** Points along each vessel's centre line. */
    private static final int POINTS = 65;

    /** Transmission per pixel of the motion-free scene, or null when there are no vessels. */
    private final float[] transmission;

    Vessels(SyntheticParams params) {
        int count = params.vesselCount();
        if (count == 0 || params.vesselDepth() == 0) {
            transmission = null;
            return;
        }
        int width = params.width();
        int height = params.height();
        transmission = new float[width * height];
        java.util.Arrays.fill(transmission, 1f);
        SplittableRandom random = RandomStreams.of(params.seed(), RandomStreams.VESSELS, 0);
        for (int v = 0; v < count; v++) {
            boolean vertical = random.nextBoolean();
            double along = vertical ? height : width;
            double across = vertical ? width : height;
            double start = across * random.nextDouble();
            double end = across * random.nextDouble();
            double amplitude = 0.15 * across * (2 * random.nextDouble() - 1);
            double waves = 0.5 + 0.5 * random.nextInt(2);
            double halfWidth = params.vesselWidthPx() * (0.6 + 0.8 * random.nextDouble()) / 2;
            double[] rows = new double[POINTS];
            double[] cols = new double[POINTS];
            for (int i = 0; i < POINTS; i++) {
                double t = i / (POINTS - 1.0);
                double a = -0.05 * along + 1.1 * along * t;
                double b = start + (end - start) * t + amplitude * StrictMath.sin(2 * Math.PI * waves * t);
                rows[i] = vertical ? a : b;
                cols[i] = vertical ? b : a;
            }
            shade(rows, cols, halfWidth, params.vesselDepth(), width, height);
        }
    }

    private void shade(double[] rows, double[] cols, double halfWidth, double depth, int width, int height) {
        double reach = 4 * halfWidth;
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double best = Double.POSITIVE_INFINITY;
                for (int i = 0; i + 1 < POINTS; i++) {
                    best = Math.min(best, segmentDistanceSquared(r, c, rows[i], cols[i], rows[i + 1], cols[i + 1]));
                }
                if (best < reach * reach) {
                    transmission[r * width + c] *= (float) (1 - depth
                            * Math.exp(-best / (2 * halfWidth * halfWidth)));
                }
            }
        }
    }

    private static double segmentDistanceSquared(double r, double c, double r0, double c0, double r1, double c1) {
        double dr = r1 - r0;
        double dc = c1 - c0;
        double length = dr * dr + dc * dc;
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, ((r - r0) * dr + (c - c0) * dc) / length));
        double er = r - (r0 + t * dr);
        double ec = c - (c0 + t * dc);
        return er * er + ec * ec;
    }

    /** Multiplies {@code scene} (height x width, row-major) by the vessels' transmission. */
    void shade(float[] scene) {
        if (transmission == null) {
            return;
        }
        for (int p = 0; p < scene.length; p++) {
            scene[p] *= transmission[p];
        }
    }
}
