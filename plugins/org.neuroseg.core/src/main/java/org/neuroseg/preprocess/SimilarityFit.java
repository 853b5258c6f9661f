package org.neuroseg.preprocess;

import org.opencv.calib3d.Calib3d;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;

/**
 * A similarity transform (rotation, uniform scale, shift) fitted by RANSAC with OpenCV's
 * {@code estimateAffinePartial2D}, and the least-squares rigid transform (no scale) of its inliers.
 *
 * @param matrix the 2 x 3 matrix from template to frame, row-major
 * @param mask which pairs are inliers
 * @param inliers how many are
 */
record SimilarityFit(double[] matrix, boolean[] mask, int inliers) {

    /** @return the RANSAC fit of {@code count} pairs (x, y interleaved), or null when none was found */
    static SimilarityFit ransac(float[] from, float[] to, int count, double thresholdPx) {
        MatOfPoint2f source = points(from, count);
        MatOfPoint2f target = points(to, count);
        Mat inlierMask = new Mat();
        Mat matrix = null;
        try {
            matrix = Calib3d.estimateAffinePartial2D(source, target, inlierMask, Calib3d.RANSAC, thresholdPx, 2000,
                    0.995, 10);
            if (matrix.empty()) {
                return null;
            }
            double[] values = new double[6];
            matrix.get(0, 0, values);
            byte[] flags = new byte[count];
            inlierMask.get(0, 0, flags);
            boolean[] mask = new boolean[count];
            int inliers = 0;
            for (int i = 0; i < count; i++) {
                mask[i] = flags[i] != 0;
                inliers += mask[i] ? 1 : 0;
            }
            return new SimilarityFit(values, mask, inliers);
        } finally {
            Mats.release(source, target, inlierMask, matrix);
        }
    }

    /**
     * @return the rotation and shift minimising the squared distances of the inlier pairs (the 2-D Procrustes
     *         solution), about the frame centre
     */
    static FrameMotion rigid(float[] from, float[] to, boolean[] mask, int width, int height) {
        double fx = 0;
        double fy = 0;
        double tx = 0;
        double ty = 0;
        int n = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                fx += from[2 * i];
                fy += from[2 * i + 1];
                tx += to[2 * i];
                ty += to[2 * i + 1];
                n++;
            }
        }
        fx /= n;
        fy /= n;
        tx /= n;
        ty /= n;
        double cosine = 0;
        double sine = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                double u = from[2 * i] - fx;
                double v = from[2 * i + 1] - fy;
                double p = to[2 * i] - tx;
                double q = to[2 * i + 1] - ty;
                cosine += u * p + v * q;
                sine += v * p - u * q;
            }
        }
        double angle = Math.atan2(sine, cosine);
        double a = Math.cos(angle);
        double b = Math.sin(angle);
        double[] matrix = {a, b, tx - a * fx - b * fy, -b, a, ty + b * fx - a * fy};
        return FrameMotion.ofSimilarity(matrix, width, height);
    }

    private static MatOfPoint2f points(float[] xy, int count) {
        MatOfPoint2f points = new MatOfPoint2f();
        points.alloc(count);
        points.put(0, 0, java.util.Arrays.copyOf(xy, 2 * count));
        return points;
    }
}
