package org.neuroseg.preprocess;

import java.util.Arrays;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Piecewise-rigid correction: the frame is divided into a grid of patches, each patch gets the robust mean shift of
 * the features inside it (or the frame's motion at its centre when it holds too few), and the shift at every pixel
 * is interpolated bilinearly between patch centres, so the correction varies smoothly across the frame. Not
 * thread-safe; one per thread.
 */
final class PatchField implements AutoCloseable {

    private final int height;
    private final int width;
    private final int grid;
    private final Mat baseX;
    private final Mat baseY;
    private final Mat gridX = new Mat();
    private final Mat gridY = new Mat();
    private final Mat mapX = new Mat();
    private final Mat mapY = new Mat();

    /** Shifts of the patches, row-major, grid x grid, in pixels (frame position minus template position). */
    record Shifts(float[] dx, float[] dy) {
    }

    PatchField(int height, int width, int grid) {
        this.height = height;
        this.width = width;
        this.grid = grid;
        float[] xs = new float[height * width];
        float[] ys = new float[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                xs[y * width + x] = x;
                ys[y * width + x] = y;
            }
        }
        baseX = new Mat(height, width, CvType.CV_32F);
        baseY = new Mat(height, width, CvType.CV_32F);
        baseX.put(0, 0, xs);
        baseY.put(0, 0, ys);
    }

    /** @return each patch's shift from the tracked pairs (x, y interleaved) whose template point lies in it */
    Shifts shifts(float[] from, float[] to, int count, FrameMotion global, int minFeatures, double inlierPx) {
        float[] dx = new float[grid * grid];
        float[] dy = new float[grid * grid];
        double[][] xs = new double[grid * grid][count];
        double[][] ys = new double[grid * grid][count];
        int[] n = new int[grid * grid];
        for (int i = 0; i < count; i++) {
            int col = Math.min(grid - 1, (int) (from[2 * i] * grid / width));
            int row = Math.min(grid - 1, (int) (from[2 * i + 1] * grid / height));
            int patch = row * grid + col;
            xs[patch][n[patch]] = to[2 * i] - from[2 * i];
            ys[patch][n[patch]] = to[2 * i + 1] - from[2 * i + 1];
            n[patch]++;
        }
        for (int patch = 0; patch < grid * grid; patch++) {
            double[] shift = robustMean(Arrays.copyOf(xs[patch], n[patch]), Arrays.copyOf(ys[patch], n[patch]),
                    minFeatures, inlierPx);
            if (shift == null) {
                shift = displacementAt(global, (patch % grid + 0.5) * width / grid - 0.5,
                        (patch / grid + 0.5) * height / grid - 0.5);
            }
            dx[patch] = (float) shift[0];
            dy[patch] = (float) shift[1];
        }
        return new Shifts(dx, dy);
    }

    private static double[] robustMean(double[] dx, double[] dy, int minFeatures, double inlierPx) {
        if (dx.length < minFeatures) {
            return null;
        }
        double medianX = MotionEstimator.median(dx.clone());
        double medianY = MotionEstimator.median(dy.clone());
        double sumX = 0;
        double sumY = 0;
        int kept = 0;
        for (int i = 0; i < dx.length; i++) {
            if (Math.hypot(dx[i] - medianX, dy[i] - medianY) <= inlierPx) {
                sumX += dx[i];
                sumY += dy[i];
                kept++;
            }
        }
        return kept < minFeatures ? null : new double[] {sumX / kept, sumY / kept};
    }

    /** @return q - p for the template point p = (x, y) under {@code motion} */
    private double[] displacementAt(FrameMotion motion, double x, double y) {
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        double radians = Math.toRadians(motion.rotationDegrees());
        double a = motion.scale() * Math.cos(radians);
        double b = motion.scale() * Math.sin(radians);
        double u = x - cx;
        double v = y - cy;
        return new double[] {cx + a * u + b * v + motion.dx() - x, cy - b * u + a * v + motion.dy() - y};
    }

    /** Warps {@code source} into {@code target} so that each pixel comes from where its patch shift says. */
    void remap(Shifts shifts, Mat source, Mat target, int interpolation) {
        gridX.create(grid, grid, CvType.CV_32F);
        gridY.create(grid, grid, CvType.CV_32F);
        gridX.put(0, 0, shifts.dx());
        gridY.put(0, 0, shifts.dy());
        Imgproc.resize(gridX, mapX, new Size(width, height), 0, 0, Imgproc.INTER_LINEAR);
        Imgproc.resize(gridY, mapY, new Size(width, height), 0, 0, Imgproc.INTER_LINEAR);
        Core.add(mapX, baseX, mapX);
        Core.add(mapY, baseY, mapY);
        Imgproc.remap(source, target, mapX, mapY, interpolation, Core.BORDER_REPLICATE);
    }

    @Override
    public void close() {
        Mats.release(baseX, baseY, gridX, gridY, mapX, mapY);
    }
}
