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
     * @param work three scratch matrices the caller owns
     * @return {dx, dy}: a feature at (x, y) of the reference appears at (x + dx, y + dy) in {@code image}
     */
    double[] shift(Mat image, Mat[] work) {
        Mat windowed = work[0];
        Mat spectrum = work[1];
        Mat correlation = work[2];
        Core.multiply(image, window, windowed);
        Core.dft(windowed, spectrum, Core.DFT_COMPLEX_OUTPUT);
        Core.mulSpectrums(spectrum, referenceSpectrum, spectrum, 0, true);
        Core.idft(spectrum, correlation, Core.DFT_REAL_OUTPUT | Core.DFT_SCALE);
        Core.MinMaxLocResult peak = Core.minMaxLoc(correlation);
        int px = (int) peak.maxLoc.x;
        int py = (int) peak.maxLoc.y;
        int cols = correlation.cols();
        int rows = correlation.rows();
        double dx = px + vertexOffset(value(correlation, py, px - 1), peak.maxVal, value(correlation, py, px + 1));
        double dy = py + vertexOffset(value(correlation, py - 1, px), peak.maxVal, value(correlation, py + 1, px));
        return new double[] {wrap(dx, cols), wrap(dy, rows)};
    }

    /** @return the value at (row, col), indices wrapping around as the FFT's do */
    private static double value(Mat mat, int row, int col) {
        return mat.get(Math.floorMod(row, mat.rows()), Math.floorMod(col, mat.cols()))[0];
    }

    /** @return where the parabola through (-1, left), (0, centre), (1, right) peaks, in [-0.5, 0.5] */
    private static double vertexOffset(double left, double centre, double right) {
        double curvature = left - 2 * centre + right;
        if (curvature >= 0) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (left - right) / curvature));
    }

    /** @return the cyclic lag mapped into [-size / 2, size / 2) */
    private static double wrap(double lag, int size) {
        return lag >= size / 2.0 ? lag - size : lag;
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
