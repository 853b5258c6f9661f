package org.neuroseg.preprocess;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.core.TermCriteria;
import org.opencv.imgproc.Imgproc;

/**
 * The reference every frame is registered to: the mean of several aligned, band-passed frames, its 8-bit version
 * for Lucas-Kanade tracking, the features to track (corners found by {@code goodFeaturesToTrack}, refined to
 * sub-pixel positions) and the cross-correlation used where too few features are tracked. Read-only once built,
 * so threads share it;
 * {@link #close()} releases it when no frame uses it any more.
 */
final class MotionTemplate implements AutoCloseable {

    /** Grey level of 0 in the 8-bit images. */
    static final double EIGHT_BIT_OFFSET = 128;
    /** Standard deviations of a single band-passed frame mapped onto the 8-bit half range. */
    private static final double EIGHT_BIT_SPAN_SIGMAS = 4;
    /** Half the side of the window in which corners are refined to sub-pixel positions. */
    private static final int SUBPIXEL_HALF_WINDOW_PX = 3;
    /** Smallest frame side: OpenCV's cornerSubPix needs at least two half windows and 5 pixels. */
    static final int MIN_SIDE_PX = 2 * SUBPIXEL_HALF_WINDOW_PX + 5;

    private final Mat bandPassed;
    private final Mat eightBit = new Mat();
    private final Mat hanning = new Mat();
    private final MatOfPoint2f features = new MatOfPoint2f();
    private final CrossCorrelation crossCorrelation;
    private final double gain;
    private final double frameSigma;

    /**
     * @param bandPassed the template (CV_32F); this object takes it over and releases it on close
     * @param frameSigma standard deviation of one band-passed frame, which sets the 8-bit scale
     * @param maxFeatures most features to track
     * @param marginPx features are taken only this far from the edges, where shifted frames lose content
     */
    MotionTemplate(Mat bandPassed, double frameSigma, int maxFeatures, int marginPx) {
        this.bandPassed = bandPassed;
        this.frameSigma = frameSigma;
        gain = (EIGHT_BIT_OFFSET - 1) / (EIGHT_BIT_SPAN_SIGMAS * Math.max(frameSigma, 1e-12));
        bandPassed.convertTo(eightBit, CvType.CV_8U, gain, EIGHT_BIT_OFFSET);
        Imgproc.createHanningWindow(hanning, bandPassed.size(), CvType.CV_32F);
        crossCorrelation = new CrossCorrelation(bandPassed, hanning);
        findFeatures(maxFeatures, marginPx);
    }

    private void findFeatures(int maxFeatures, int marginPx) {
        int rows = bandPassed.rows();
        int cols = bandPassed.cols();
        int margin = Math.min(marginPx, Math.min(rows, cols) / 4);
        Mat mask = Mat.zeros(rows, cols, CvType.CV_8U);
        MatOfPoint corners = new MatOfPoint();
        try {
            mask.submat(margin, rows - margin, margin, cols - margin).setTo(new Scalar(255));
            Imgproc.goodFeaturesToTrack(eightBit, corners, maxFeatures, 0.01, 6, mask, 5, false, 0.04);
            if (corners.rows() > 0) {
                corners.convertTo(features, CvType.CV_32FC2);
                Imgproc.cornerSubPix(eightBit, features,
                        new Size(SUBPIXEL_HALF_WINDOW_PX, SUBPIXEL_HALF_WINDOW_PX), new Size(-1, -1),
                        new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, 20, 0.01));
            }
        } finally {
            Mats.release(mask, corners);
        }
    }

    /** @return standard deviation of one band-passed frame, as given when built */
    double frameSigma() {
        return frameSigma;
    }

    /** @return the band-passed template, CV_32F */
    Mat bandPassed() {
        return bandPassed;
    }

    /** @return the template in 8 bit, 0 at {@link #EIGHT_BIT_OFFSET} */
    Mat eightBit() {
        return eightBit;
    }

    /** @return the features to track, CV_32FC2, one row each */
    MatOfPoint2f features() {
        return features;
    }

    /** @return cross-correlation with this template, for frames where too few features are tracked */
    CrossCorrelation crossCorrelation() {
        return crossCorrelation;
    }

    /** Converts a band-passed frame (CV_32F) to 8 bit on the template's scale. */
    void toEightBit(Mat bandPassedFrame, Mat target) {
        bandPassedFrame.convertTo(target, CvType.CV_8U, gain, EIGHT_BIT_OFFSET);
    }

    /** @return the mean of {@code sum} over {@code count} frames, as a new CV_32F matrix */
    static Mat mean(double[] sum, int count, int height, int width) {
        float[] mean = new float[sum.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (float) (sum[i] / count);
        }
        Mat mat = new Mat(height, width, CvType.CV_32F);
        mat.put(0, 0, mean);
        return mat;
    }

    /** @return standard deviation of a CV_32F matrix */
    static double sigma(Mat image) {
        org.opencv.core.MatOfDouble mean = new org.opencv.core.MatOfDouble();
        org.opencv.core.MatOfDouble std = new org.opencv.core.MatOfDouble();
        try {
            Core.meanStdDev(image, mean, std);
            return std.get(0, 0)[0];
        } finally {
            Mats.release(mean, std);
        }
    }

    @Override
    public void close() {
        crossCorrelation.close();
        Mats.release(bandPassed, eightBit, hanning, features);
    }
}
