package org.neuroseg.preprocess;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The motion of one frame relative to the template: a feature at p of the template appears at
 * {@code q = c + scale * R * (p - c) + (dx, dy)} in the frame, where c is the frame centre ((width - 1) / 2,
 * (height - 1) / 2) and R turns by {@code rotationDegrees} counter-clockwise as seen on screen (rows growing
 * downwards): {@code R = [[cos, sin], [-sin, cos]]} in (x, y) = (column, row) coordinates.
 *
 * @param dx shift along columns in pixels
 * @param dy shift along rows in pixels
 * @param rotationDegrees counter-clockwise rotation on screen
 * @param scale uniform scale (1 except for partial affine motion)
 */
record FrameMotion(double dx, double dy, double rotationDegrees, double scale) {

    /** No motion. */
    static final FrameMotion NONE = new FrameMotion(0, 0, 0, 1);

    /** @return a pure translation */
    static FrameMotion translation(double dx, double dy) {
        return new FrameMotion(dx, dy, 0, 1);
    }

    /**
     * @return the 2 x 3 matrix (CV_64F) mapping coordinates of the corrected frame (= template coordinates) to
     *         coordinates of the recorded frame, for {@code warpAffine} with {@code WARP_INVERSE_MAP}
     */
    Mat templateToFrame(int width, int height) {
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        double radians = Math.toRadians(rotationDegrees);
        double a = scale * Math.cos(radians);
        double b = scale * Math.sin(radians);
        Mat matrix = new Mat(2, 3, CvType.CV_64F);
        matrix.put(0, 0, a, b, cx + dx - a * cx - b * cy, -b, a, cy + dy + b * cx - a * cy);
        return matrix;
    }

    /**
     * @param matrix a 2 x 3 similarity q = M p (as {@code estimateAffinePartial2D} returns) from template to frame
     * @return the motion it describes about the frame centre
     */
    static FrameMotion ofSimilarity(double[] matrix, int width, int height) {
        double a = matrix[0];
        double b = matrix[1];
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        double dx = matrix[2] + a * cx + b * cy - cx;
        double dy = matrix[5] - b * cx + a * cy - cy;
        return new FrameMotion(dx, dy, Math.toDegrees(Math.atan2(b, a)), Math.hypot(a, b));
    }
}
