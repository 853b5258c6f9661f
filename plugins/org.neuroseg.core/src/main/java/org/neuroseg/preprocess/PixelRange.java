package org.neuroseg.preprocess;

import java.nio.ByteBuffer;
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
 * The smallest and largest finite pixel value of a video, and how many of its pixels are NaN or infinite (only
 * float videos can hold those).
 *
 * @param min the smallest finite value; NaN for a video without frames
 * @param max the largest finite value; NaN for a video without frames
 * @param nonFinitePixels pixels that are NaN or infinite
 * @param nonFiniteFrames frames in which no pixel is finite
 */
public record PixelRange(float min, float max, long nonFinitePixels, int nonFiniteFrames) {


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
        long[] nonFinite = {0, 0};
        try (FramePipeline<FrameMat> pipeline = new FramePipeline<>(threads, () -> new FrameMat(shape))) {
            pipeline.run(shape.frames(), frame -> false, (frame, mat) -> {
                Mats.readInto(video, frame, mat.buffer);
                return mat.range();
            }, (frame, frameRange) -> {
                range[0] = Math.min(range[0], frameRange[0]);
                range[1] = Math.max(range[1], frameRange[1]);
                nonFinite[0] += (long) frameRange[2];
                nonFinite[1] += frameRange[2] == shape.pixelsPerFrame() ? 1 : 0;
            }, monitor);
        }
        if (shape.frames() == 0) {
            return new PixelRange(Float.NaN, Float.NaN, 0, 0);
        }
        long pixels = (long) shape.frames() * shape.pixelsPerFrame();
        if (nonFinite[0] == pixels) {
            throw new NeurosegException(video.source() + ": all " + pixels + " pixels of the video are NaN or "
                    + "infinite; there is nothing to analyse");
        }
        return new PixelRange((float) range[0], (float) range[1], nonFinite[0], (int) nonFinite[1]);
    }

    /**
     * @param video the video this range was measured on
     * @return what the user should know about its NaN and infinite pixels, empty when every pixel is finite
     */
    public Optional<String> warning(Video video) {
        if (nonFinitePixels == 0) {
            return Optional.empty();
        }
        VideoShape shape = video.shape();
        return Optional.of(String.format(Locale.ROOT, "%s: %d of %d pixels are NaN or infinite (%d of %d frames have "
                + "no finite pixel); they are left out of the pixel range", video.source(), nonFinitePixels,
                (long) shape.frames() * shape.pixelsPerFrame(), nonFiniteFrames, shape.frames()));
    }

    /** A frame buffer, the matrix that shares it and, for float frames, the mask of its finite pixels. */
    private static final class FrameMat implements AutoCloseable {
        private final ByteBuffer buffer;
        private final Mat mat;
        private final Mat finite;

        FrameMat(VideoShape shape) {
            buffer = Mats.frameBuffer(shape);
            mat = Mats.alias(buffer, shape);
            finite = shape.pixelType() == PixelType.FLOAT32 ? new Mat() : null;
        }

        /** @return {min, max, non-finite pixels} of the frame in the buffer; min and max of finite pixels only */
        double[] range() {
            if (finite == null) {
                Core.MinMaxLocResult result = Core.minMaxLoc(mat);
                return new double[] {result.minVal, result.maxVal, 0};
            }
            // NaN fails both comparisons, so the mask holds exactly the finite pixels
            Core.inRange(mat, new Scalar(-Float.MAX_VALUE), new Scalar(Float.MAX_VALUE), finite);
            int count = Core.countNonZero(finite);
            int pixels = mat.rows() * mat.cols();
            if (count == 0) {
                return new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, pixels};
            }
            Core.MinMaxLocResult result = count == pixels ? Core.minMaxLoc(mat) : Core.minMaxLoc(mat, finite);
            return new double[] {result.minVal, result.maxVal, pixels - count};
        }

        @Override
        public void close() {
            mat.release();
            if (finite != null) {
                finite.release();
            }
        }
    }
}
