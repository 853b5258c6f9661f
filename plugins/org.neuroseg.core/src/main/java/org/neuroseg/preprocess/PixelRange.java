package org.neuroseg.preprocess;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.neuroseg.NeurosegException;
import org.neuroseg.cv.OpenCvLoader;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * The smallest and largest finite pixel value of a video, how many pixel values sit at the largest (a pile-up there
 * is a saturated detector or clipped values), and how many are NaN or infinite (only float videos can hold those).
 *
 * @param min the smallest finite value; NaN for a video without frames
 * @param max the largest finite value; NaN for a video without frames
 * @param atMax pixel values (over all frames) equal to {@code max}
 * @param nonFinitePixels pixels that are NaN or infinite
 * @param nonFiniteFrames frames in which no pixel is finite
 */
public record PixelRange(float min, float max, long atMax, long nonFinitePixels, int nonFiniteFrames) {

    /**
     * Share of the pixel values at the largest value above which the video is called saturated. Noise makes the
     * largest value rare (a real miniscope session: 0.004 % of its values, as many as one level below); a
     * two-photon recording whose detector saturated: 3 % (one level below: 0.004 %).
     */
    static final double SATURATED_SHARE = 0.001;


    /**
     * Scans every frame in its own pixel type on {@code threads} threads (about ten times faster than converting
     * each frame to floats first). NaN and infinite pixels are counted and left out of the range; when there are
     * some, a warning names the video's {@link Video#source()} and their number.
     *
     * @throws NeurosegException when the video has frames but not one finite pixel; the message names the source
     */
    public static PixelRange of(Video video, int threads, ProgressMonitor monitor) throws NeurosegException,
            CanceledException {
        OpenCvLoader.ensureLoaded();
        Mats.checkLittleEndian();
        VideoShape shape = video.shape();
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        long[] atMax = {0};
        long[] nonFinite = {0, 0};
        try (FramePipeline<FrameMat> pipeline = new FramePipeline<>(threads, () -> new FrameMat(shape))) {
            pipeline.run(shape.frames(), frame -> false, (frame, mat) -> {
                Mats.readInto(video, frame, mat.buffer);
                return mat.range();
            }, (frame, frameRange) -> {
                range[0] = Math.min(range[0], frameRange[0]);
                if (frameRange[1] > range[1]) {
                    range[1] = frameRange[1];
                    atMax[0] = 0;
                }
                if (frameRange[1] == range[1]) {
                    atMax[0] += (long) frameRange[3];
                }
                nonFinite[0] += (long) frameRange[2];
                nonFinite[1] += frameRange[2] == shape.pixelsPerFrame() ? 1 : 0;
            }, monitor);
        }
        if (shape.frames() == 0) {
            return new PixelRange(Float.NaN, Float.NaN, 0, 0, 0);
        }
        long pixels = (long) shape.frames() * shape.pixelsPerFrame();
        if (nonFinite[0] == pixels) {
            throw new NeurosegException(video.source() + ": all " + pixels + " pixels of the video are NaN or "
                    + "infinite; there is nothing to analyse");
        }
        return new PixelRange((float) range[0], (float) range[1], atMax[0], nonFinite[0], (int) nonFinite[1]);
    }

    /** @return the share of the finite pixel values of a video of {@code shape} that equal the largest */
    public double shareAtMax(VideoShape shape) {
        long finite = (long) shape.frames() * shape.pixelsPerFrame() - nonFinitePixels;
        return finite == 0 ? 0 : atMax / (double) finite;
    }

    /**
     * @return whether more than {@link #SATURATED_SHARE} of the finite pixel values, and more than one a frame, sit
     *         at the largest value
     */
    public boolean saturated(VideoShape shape) {
        return max > min && shareAtMax(shape) > SATURATED_SHARE && atMax > shape.frames();
    }

    /**
     * @param video the video this range was measured on
     * @return what the user should know about its NaN and infinite pixels and about values piled up at the largest
     *         value; empty when every pixel is finite and the largest value is rare
     */
    public Optional<String> warning(Video video) {
        VideoShape shape = video.shape();
        List<String> notes = new ArrayList<>();
        if (nonFinitePixels > 0) {
            notes.add(String.format(Locale.ROOT, "%d of %d pixels are NaN or infinite (%d of %d frames have no "
                    + "finite pixel); they are left out of the pixel range", nonFinitePixels,
                    (long) shape.frames() * shape.pixelsPerFrame(), nonFiniteFrames, shape.frames()));
        }
        if (saturated(shape)) {
            notes.add(String.format(Locale.ROOT, "%.2f %% of the pixel values (%d) equal the largest, %s: the "
                    + "detector saturated or the values were clipped there, so the transients of cells in those "
                    + "pixels are cut off and such cells may be missed", 100 * shareAtMax(shape), atMax,
                    format(max)));
        }
        return notes.isEmpty() ? Optional.empty() : Optional.of(video.source() + ": " + String.join("; ", notes));
    }

    /** @return a whole value without a decimal point, any other as Java prints floats */
    public static String format(float value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value)
                : Float.toString(value);
    }

    /** A frame buffer, the matrix that shares it and, for float frames, the mask of its finite pixels. */
    private static final class FrameMat implements AutoCloseable {
        private final ByteBuffer buffer;
        private final Mat mat;
        private final Mat finite;
        private final Mat equal = new Mat();

        FrameMat(VideoShape shape) {
            buffer = Mats.frameBuffer(shape);
            mat = Mats.alias(buffer, shape);
            finite = shape.pixelType() == PixelType.FLOAT32 ? new Mat() : null;
        }

        /**
         * @return {min, max, non-finite pixels, pixels at the max} of the frame in the buffer; min and max of finite
         *         pixels only
         */
        double[] range() {
            if (finite == null) {
                Core.MinMaxLocResult result = Core.minMaxLoc(mat);
                return new double[] {result.minVal, result.maxVal, 0, countAt(result.maxVal)};
            }
            // NaN fails both comparisons, so the mask holds exactly the finite pixels
            Core.inRange(mat, new Scalar(-Float.MAX_VALUE), new Scalar(Float.MAX_VALUE), finite);
            int count = Core.countNonZero(finite);
            int pixels = mat.rows() * mat.cols();
            if (count == 0) {
                return new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, pixels, 0};
            }
            Core.MinMaxLocResult result = count == pixels ? Core.minMaxLoc(mat) : Core.minMaxLoc(mat, finite);
            return new double[] {result.minVal, result.maxVal, pixels - count, countAt(result.maxVal)};
        }

        private int countAt(double value) {
            Core.inRange(mat, new Scalar(value), new Scalar(value), equal);
            return Core.countNonZero(equal);
        }

        @Override
        public void close() {
            mat.release();
            equal.release();
            if (finite != null) {
                finite.release();
            }
        }
    }
}
