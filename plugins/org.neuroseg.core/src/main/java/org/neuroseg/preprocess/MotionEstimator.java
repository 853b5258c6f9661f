package org.neuroseg.preprocess;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfFloat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Size;
import org.opencv.core.TermCriteria;
import org.opencv.imgproc.Imgproc;

/**
 * One thread's workspace for motion correction: reads a frame, makes its band-passed copy (a Gaussian blur minus a
 * large-scale background, which removes uneven illumination, neuropil glow and much noise), tracks the template's
 * features into it with pyramidal Lucas-Kanade (Bouguet, "Pyramidal implementation of the Lucas Kanade feature
 * tracker", Intel, 2000), fits the transform robustly, falls back to FFT cross-correlation when too few features are
 * tracked, and warps the frame back. Not thread-safe; one per thread.
 */
final class MotionEstimator implements AutoCloseable {

    /** Lucas-Kanade window side in pixels. */
    private static final int WINDOW_PX = 15;
    /** Pyramid levels above full resolution: shifts of about 25 px are still found. */
    private static final int PYRAMID_LEVELS = 2;
    /** Distance from the consensus beyond which a tracked feature is an outlier, in pixels. */
    private static final double INLIER_PX = 1.0;
    /** Fewest features a patch needs to get its own shift (otherwise it takes the frame's). */
    private static final int PATCH_MIN_FEATURES = 5;

    private final MotionSettings settings;
    private final VideoShape shape;
    private final ByteBuffer input;
    private final Mat inputMat;
    private final ByteBuffer output;
    private final Mat outputMat;
    private final Mat asFloat = new Mat();
    private final Mat blurred = new Mat();
    private final Mat background = new Mat();
    private final Mat work = new Mat();
    private final Mat bandPassed = new Mat();
    private final Mat eightBit = new Mat();
    private final Mat aligned = new Mat();
    private final MatOfPoint2f tracked = new MatOfPoint2f();
    private final MatOfByte status = new MatOfByte();
    private final MatOfFloat errors = new MatOfFloat();
    private final Mat[] correlationWork = CrossCorrelation.newWork();
    private final PatchField patches;

    MotionEstimator(VideoShape shape, MotionSettings settings) {
        this.settings = settings;
        this.shape = shape;
        input = Mats.frameBuffer(shape);
        inputMat = Mats.alias(input, shape);
        output = Mats.frameBuffer(shape);
        outputMat = Mats.alias(output, shape);
        patches = settings.patchGrid() > 1 ? new PatchField(shape.height(), shape.width(), settings.patchGrid())
                : null;
    }

    /** What was found for one frame. */
    record Estimate(FrameMotion motion, int trackedFeatures, PatchField.Shifts patchShifts) {
    }

    /** Reads frame {@code index} and makes its band-passed copy. */
    void load(Video video, int index) throws NeurosegException {
        Mats.readInto(video, index, input);
        inputMat.convertTo(asFloat, CvType.CV_32F);
        Imgproc.GaussianBlur(asFloat, blurred, new Size(0, 0), settings.smoothingSigmaPx(),
                settings.smoothingSigmaPx(), Core.BORDER_REPLICATE);
        Mats.smoothBackground(asFloat, background, settings.backgroundSigmaPx(), work);
        Core.subtract(blurred, background, bandPassed);
    }

    /** @return the band-passed copy of the loaded frame (CV_32F), valid until the next load */
    Mat bandPassed() {
        return bandPassed;
    }

    /** @return the loaded frame's motion relative to {@code template} */
    Estimate estimate(MotionTemplate template) {
        MatOfPoint2f features = template.features();
        if (features.rows() >= settings.minTrackedFeatures()) {
            template.toEightBit(bandPassed, eightBit);
            org.opencv.video.Video.calcOpticalFlowPyrLK(template.eightBit(), eightBit, features, tracked, status,
                    errors,
                    new Size(WINDOW_PX, WINDOW_PX), PYRAMID_LEVELS,
                    new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, 30, 0.01), 0, 1e-4);
            float[] from = new float[2 * features.rows()];
            float[] to = new float[2 * features.rows()];
            byte[] found = new byte[features.rows()];
            features.get(0, 0, from);
            tracked.get(0, 0, to);
            status.get(0, 0, found);
            int count = compact(from, to, found);
            if (count >= settings.minTrackedFeatures()) {
                Estimate estimate = fit(from, to, count, template);
                if (estimate != null) {
                    return estimate;
                }
            }
        }
        double[] shift = template.crossCorrelation().shift(bandPassed, settings.maxShiftPx(),
                correlationWork);
        return new Estimate(FrameMotion.translation(shift[0], shift[1]), 0, null);
    }

    /** Keeps the tracked pairs that landed inside the frame, packed at the front; @return how many */
    private int compact(float[] from, float[] to, byte[] found) {
        int count = 0;
        for (int i = 0; i < found.length; i++) {
            float x = to[2 * i];
            float y = to[2 * i + 1];
            if (found[i] != 0 && x >= 0 && y >= 0 && x <= shape.width() - 1 && y <= shape.height() - 1) {
                from[2 * count] = from[2 * i];
                from[2 * count + 1] = from[2 * i + 1];
                to[2 * count] = x;
                to[2 * count + 1] = y;
                count++;
            }
        }
        return count;
    }

    /** @return the robust fit of the tracked pairs, or null when too few agree */
    private Estimate fit(float[] from, float[] to, int count, MotionTemplate template) {
        boolean[] inliers = translationInliers(from, to, count);
        FrameMotion motion;
        int agreeing;
        if (settings.transform() == MotionSettings.Transform.TRANSLATION) {
            agreeing = countTrue(inliers);
            if (agreeing < settings.minTrackedFeatures()) {
                return null;
            }
            motion = meanTranslation(from, to, inliers);
        } else {
            SimilarityFit similarity = SimilarityFit.ransac(from, to, count, INLIER_PX);
            if (similarity == null || similarity.inliers() < settings.minTrackedFeatures()) {
                return null;
            }
            agreeing = similarity.inliers();
            inliers = similarity.mask();
            motion = settings.transform() == MotionSettings.Transform.RIGID
                    ? SimilarityFit.rigid(from, to, inliers, shape.width(), shape.height())
                    : FrameMotion.ofSimilarity(similarity.matrix(), shape.width(), shape.height());
        }
        if (Math.abs(motion.dx()) > settings.maxShiftPx() || Math.abs(motion.dy()) > settings.maxShiftPx()) {
            return null;
        }
        PatchField.Shifts patchShifts = patches == null ? null
                : patches.shifts(from, to, count, motion, PATCH_MIN_FEATURES, INLIER_PX);
        return new Estimate(motion, agreeing, patchShifts);
    }

    /** Features whose displacement lies within {@link #INLIER_PX} of the median displacement. */
    private static boolean[] translationInliers(float[] from, float[] to, int count) {
        double[] dx = new double[count];
        double[] dy = new double[count];
        for (int i = 0; i < count; i++) {
            dx[i] = to[2 * i] - from[2 * i];
            dy[i] = to[2 * i + 1] - from[2 * i + 1];
        }
        double medianX = median(dx.clone());
        double medianY = median(dy.clone());
        boolean[] inliers = new boolean[count];
        for (int i = 0; i < count; i++) {
            inliers[i] = Math.hypot(dx[i] - medianX, dy[i] - medianY) <= INLIER_PX;
        }
        return inliers;
    }

    private static FrameMotion meanTranslation(float[] from, float[] to, boolean[] inliers) {
        double sumX = 0;
        double sumY = 0;
        int n = 0;
        for (int i = 0; i < inliers.length; i++) {
            if (inliers[i]) {
                sumX += to[2 * i] - from[2 * i];
                sumY += to[2 * i + 1] - from[2 * i + 1];
                n++;
            }
        }
        return FrameMotion.translation(sumX / n, sumY / n);
    }

    static double median(double[] values) {
        Arrays.sort(values);
        int half = values.length / 2;
        return values.length % 2 == 1 ? values[half] : (values[half - 1] + values[half]) / 2;
    }

    private static int countTrue(boolean[] flags) {
        int count = 0;
        for (boolean flag : flags) {
            count += flag ? 1 : 0;
        }
        return count;
    }

    /**
     * Warps the loaded frame and its band-passed copy back onto the template.
     *
     * @return the corrected frame in the video's pixel type, as bytes to append to a store
     */
    ByteBuffer correct(Estimate estimate) {
        if (estimate.patchShifts() != null) {
            patches.remap(estimate.patchShifts(), inputMat, outputMat, settings.interpolation());
            patches.remap(estimate.patchShifts(), bandPassed, aligned, Imgproc.INTER_LINEAR);
        } else {
            warp(estimate.motion(), inputMat, outputMat, settings.interpolation());
            warp(estimate.motion(), bandPassed, aligned, Imgproc.INTER_LINEAR);
        }
        return Mats.copyOf(output);
    }

    /** Warps only the band-passed copy back onto the template (building templates needs no output frame). */
    void alignBandPassed(Estimate estimate) {
        if (estimate.patchShifts() != null) {
            patches.remap(estimate.patchShifts(), bandPassed, aligned, Imgproc.INTER_LINEAR);
        } else {
            warp(estimate.motion(), bandPassed, aligned, Imgproc.INTER_LINEAR);
        }
    }

    /** @return the loaded frame as float (CV_32F), valid until the next load */
    Mat frame() {
        return asFloat;
    }

    /** @return the corrected frame after {@link #correct}, in the video's pixel type */
    Mat corrected() {
        return outputMat;
    }

    /** @return the band-passed copy after {@link #correct} or {@link #alignBandPassed}, CV_32F */
    Mat aligned() {
        return aligned;
    }

    /** Warps {@code source} by the inverse of {@code motion} into {@code target}, replicating the border. */
    static void warp(FrameMotion motion, Mat source, Mat target, int interpolation) {
        Mat matrix = motion.templateToFrame(source.cols(), source.rows());
        try {
            Imgproc.warpAffine(source, target, matrix, source.size(), interpolation | Imgproc.WARP_INVERSE_MAP,
                    Core.BORDER_REPLICATE);
        } finally {
            matrix.release();
        }
    }

    @Override
    public void close() {
        Mats.release(inputMat, outputMat, asFloat, blurred, background, work, bandPassed, eightBit, aligned,
                tracked, status, errors);
        Mats.release(correlationWork);
        if (patches != null) {
            patches.close();
        }
    }

}
