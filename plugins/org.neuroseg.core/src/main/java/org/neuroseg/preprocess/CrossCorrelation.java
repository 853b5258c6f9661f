package org.neuroseg.preprocess;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Translation between two images from the peak of their cross-correlation, computed with the FFT on
 * Hanning-windowed copies, refined to sub-pixel by a parabola through the peak and its neighbours along each axis.
 * Unlike phase correlation, which whitens the spectrum and so lets the noise of every frequency vote equally, the
 * plain cross-correlation of band-passed images weighs frequencies by their signal, which keeps noisy one-photon
 * frames registrable. The reference's spectrum is computed once. Not thread-safe; the reference side is read-only.
 */
final class CrossCorrelation implements AutoCloseable {

    private final Mat window;
    private final Mat referenceSpectrum = new Mat();

    /**
     * @param reference the image frames are compared with, CV_32F
     * @param window Hanning window of the same size, CV_32F; kept, not copied
     */
    CrossCorrelation(Mat reference, Mat window) {
        this.window = window;
        Mat windowed = new Mat();
        try {
            Core.multiply(reference, window, windowed);
            Core.dft(windowed, referenceSpectrum, Core.DFT_COMPLEX_OUTPUT);
        } finally {
            windowed.release();
        }
    }

    /**
     * @param image CV_32F, the reference's size
     * @param maxShiftPx the largest shift looked for along each axis; lags beyond it are not considered, so a frame
     *        with nothing in common with the reference (a ΔF/F frame, a frame of noise) cannot be moved far
     * @param work three scratch matrices the caller owns
     * @return {dx, dy}: a feature at (x, y) of the reference appears at (x + dx, y + dy) in {@code image}, each
     *         within [-maxShiftPx, maxShiftPx]
     */
    double[] shift(Mat image, int maxShiftPx, Mat[] work) {
        Mat windowed = work[0];
        Mat spectrum = work[1];
        Mat correlation = work[2];
        Core.multiply(image, window, windowed);
        Core.dft(windowed, spectrum, Core.DFT_COMPLEX_OUTPUT);
        Core.mulSpectrums(spectrum, referenceSpectrum, spectrum, 0, true);
        Core.idft(spectrum, correlation, Core.DFT_REAL_OUTPUT | Core.DFT_SCALE);
        int cols = correlation.cols();
        int rows = correlation.rows();
        float[] values = new float[rows * cols];
        correlation.get(0, 0, values);
        int reachX = Math.min(maxShiftPx, (cols - 1) / 2);
        int reachY = Math.min(maxShiftPx, (rows - 1) / 2);
        int bestX = 0;
        int bestY = 0;
        float best = Float.NEGATIVE_INFINITY;
        for (int lagY = -reachY; lagY <= reachY; lagY++) {
            int row = Math.floorMod(lagY, rows) * cols;
            for (int lagX = -reachX; lagX <= reachX; lagX++) {
                float value = values[row + Math.floorMod(lagX, cols)];
                if (value > best) {
                    best = value;
                    bestX = lagX;
                    bestY = lagY;
                }
            }
        }
        double dx = bestX + vertexOffset(value(values, rows, cols, bestY, bestX - 1), best,
                value(values, rows, cols, bestY, bestX + 1));
        double dy = bestY + vertexOffset(value(values, rows, cols, bestY - 1, bestX), best,
                value(values, rows, cols, bestY + 1, bestX));
        return new double[] {clamp(dx, reachX), clamp(dy, reachY)};
    }

    /** @return the value at lag (row, col), indices wrapping around as the FFT's do */
    private static double value(float[] values, int rows, int cols, int row, int col) {
        return values[Math.floorMod(row, rows) * cols + Math.floorMod(col, cols)];
    }

    private static double clamp(double lag, int reach) {
        return Math.max(-reach, Math.min(reach, lag));
    }

    /** @return where the parabola through (-1, left), (0, centre), (1, right) peaks, in [-0.5, 0.5] */
    private static double vertexOffset(double left, double centre, double right) {
        double curvature = left - 2 * centre + right;
        if (curvature >= 0) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / curvature));
    }

    /** @return three scratch matrices for {@link #shift} */
    static Mat[] newWork() {
        return new Mat[] {new Mat(), new Mat(), new Mat(0, 0, CvType.CV_32F)};
    }

    @Override
    public void close() {
        referenceSpectrum.release();
    }
}
