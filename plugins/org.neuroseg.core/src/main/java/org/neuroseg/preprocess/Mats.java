package org.neuroseg.preprocess;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** OpenCV matrices for frames: pixel type codes, frames read into matrices, smooth backgrounds, statistics. */
final class Mats {

    private Mats() {
    }

    /** @return the OpenCV single-channel type of a pixel type */
    static int cvType(PixelType type) {
        return switch (type) {
            case UINT8 -> CvType.CV_8UC1;
            case UINT16 -> CvType.CV_16UC1;
            case FLOAT32 -> CvType.CV_32FC1;
        };
    }

    /** @return a direct buffer of one frame of {@code shape}, in native order (the order OpenCV reads) */
    static ByteBuffer frameBuffer(VideoShape shape) {
        return ByteBuffer.allocateDirect(shape.bytesPerFrame()).order(ByteOrder.nativeOrder());
    }

    /** @return a matrix that shares the memory of {@code buffer} (a direct buffer of one frame of {@code shape}) */
    static Mat alias(ByteBuffer buffer, VideoShape shape) {
        return new Mat(shape.height(), shape.width(), cvType(shape.pixelType()), buffer);
    }

    /**
     * Reads frame {@code index} into {@code buffer}, which a matrix from {@link #alias} shares. Stores are
     * little-endian; so is every machine OpenCV runs on here, which {@link #checkLittleEndian()} asserts.
     */
    static void readInto(Video video, int index, ByteBuffer buffer) throws NeurosegException {
        buffer.clear();
        video.readFrameBytes(index, buffer);
        buffer.clear();
    }

    /** @throws IllegalStateException on a big-endian machine, where frames would need swapping for OpenCV */
    static void checkLittleEndian() {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalStateException("NeuroSeg's OpenCV stages need a little-endian machine");
        }
    }

    /** @return a copy of the bytes of {@code buffer} (from 0 to its capacity), ready to append to a store */
    static ByteBuffer copyOf(ByteBuffer buffer) {
        return copyOf(buffer, null);
    }

    /**
     * Copies the bytes of {@code buffer} (from 0 to its capacity) into {@code spare} when it has that capacity,
     * else into a new buffer; recycling frames' buffers spares the garbage collector a megabyte a frame.
     *
     * @param spare a buffer no one else uses, or null
     * @return the copy, ready to append to a store
     */
    static ByteBuffer copyOf(ByteBuffer buffer, ByteBuffer spare) {
        ByteBuffer copy = spare != null && spare.capacity() == buffer.capacity() ? spare
                : ByteBuffer.allocate(buffer.capacity());
        copy.clear();
        copy.put(0, buffer, 0, buffer.capacity());
        return copy;
    }

    /**
     * Writes into {@code target} a smooth version of {@code source}: a Gaussian blur of standard deviation
     * {@code sigmaPx}, computed on a grid downsampled by a factor that keeps at least 3 samples per sigma and
     * upsampled bilinearly, which is as good for backgrounds far smoother than cells and much faster than a full
     * large kernel. {@code source} is CV_32F.
     */
    static void smoothBackground(Mat source, Mat target, double sigmaPx, Mat work) {
        int factor = (int) Math.max(1, Math.floor(sigmaPx / 3));
        if (factor == 1) {
            Imgproc.GaussianBlur(source, target, new Size(0, 0), sigmaPx, sigmaPx, Core.BORDER_REPLICATE);
            return;
        }
        Size small = new Size(Math.max(1, Math.round((double) source.cols() / factor)),
                Math.max(1, Math.round((double) source.rows() / factor)));
        Imgproc.resize(source, work, small, 0, 0, Imgproc.INTER_AREA);
        double smallSigma = sigmaPx / factor;
        Imgproc.GaussianBlur(work, work, new Size(0, 0), smallSigma, smallSigma, Core.BORDER_REPLICATE);
        Imgproc.resize(work, target, source.size(), 0, 0, Imgproc.INTER_LINEAR);
    }

    /** @return Pearson correlation of two CV_32F matrices of equal size over the rectangle inside {@code margin} */
    static double correlation(Mat a, Mat b, int margin) {
        int m = Math.min(margin, Math.min(a.rows(), a.cols()) / 4);
        Mat ra = a.submat(m, a.rows() - m, m, a.cols() - m);
        Mat rb = b.submat(m, b.rows() - m, m, b.cols() - m);
        try {
            double n = (double) ra.rows() * ra.cols();
            double meanA = Core.sumElems(ra).val[0] / n;
            double meanB = Core.sumElems(rb).val[0] / n;
            double ab = ra.dot(rb) / n - meanA * meanB;
            double aa = ra.dot(ra) / n - meanA * meanA;
            double bb = rb.dot(rb) / n - meanB * meanB;
            return aa > 0 && bb > 0 ? Math.max(-1, Math.min(1, ab / Math.sqrt(aa * bb))) : 0;
        } finally {
            ra.release();
            rb.release();
        }
    }

    /** Releases every matrix given, ignoring nulls. */
    static void release(Mat... mats) {
        for (Mat mat : mats) {
            if (mat != null) {
                mat.release();
            }
        }
    }
}
