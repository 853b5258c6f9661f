package org.neuroseg.preprocess;

import java.nio.ByteBuffer;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.CLAHE;
import org.opencv.imgproc.Imgproc;

/**
 * One thread's workspace for local equalization: CLAHE on the frame's own integer type (8 or 16 bit; float frames
 * are first mapped linearly from the video's range onto 16 bit; with {@code eightBit} every frame is mapped from
 * the video's range onto 8 bit), scaled to [0, 1] by the type's full range, then an optional Gaussian blur and an
 * optional subtraction of a large-scale blur. Not thread-safe; one per thread.
 */
final class Equalizer implements AutoCloseable {

    /** How to equalize; sigmas in pixels, 0 switches that step off. */
    record Settings(double clipLimit, int tiles, double blurSigmaPx, double backgroundSigmaPx, boolean eightBit,
            float low, float high) {
    }

    private final Settings settings;
    private final VideoShape shape;
    /** The integer range CLAHE works on (255 or 65535); dividing by it maps frames onto [0, 1]. */
    private final double fullRange;
    private final ByteBuffer input;
    private final Mat inputMat;
    private final Mat integer = new Mat();
    private final Mat equalized = new Mat();
    private final Mat scaled = new Mat();
    private final Mat background = new Mat();
    private final Mat work = new Mat();
    private final ByteBuffer output;
    private final Mat outputMat;
    private final CLAHE clahe;
    /** Gaussian kernels of the blur (null without blur); the row kernel also divides by the full range. */
    private final Mat rowKernel;
    private final Mat columnKernel;

    Equalizer(VideoShape shape, Settings settings) {
        this.settings = settings;
        this.shape = shape;
        input = Mats.frameBuffer(shape);
        inputMat = Mats.alias(input, shape);
        VideoShape floats = shape.withPixelType(PixelType.FLOAT32);
        output = Mats.frameBuffer(floats);
        outputMat = Mats.alias(output, floats);
        clahe = Imgproc.createCLAHE(settings.clipLimit(), new Size(settings.tiles(), settings.tiles()));
        boolean mapped = settings.eightBit() || shape.pixelType() == PixelType.FLOAT32;
        fullRange = mapped ? (settings.eightBit() ? 255 : 65535) : shape.pixelType().maxValue();
        if (settings.blurSigmaPx() > 0) {
            // The size OpenCV's GaussianBlur gives float images: 4 sigma each side, odd.
            int size = (int) Math.round(settings.blurSigmaPx() * 8 + 1) | 1;
            columnKernel = Imgproc.getGaussianKernel(size, settings.blurSigmaPx(), CvType.CV_32F);
            rowKernel = new Mat();
            columnKernel.convertTo(rowKernel, CvType.CV_32F, 1 / fullRange);
        } else {
            rowKernel = null;
            columnKernel = null;
        }
    }

    /**
     * @param spare a buffer of one float32 frame to reuse for the result, or null
     * @return frame {@code index} equalized, float32 bytes ready to append to a store
     */
    ByteBuffer process(Video video, int index, ByteBuffer spare) throws NeurosegException {
        Mats.readInto(video, index, input);
        equalize(inputMat, outputMat);
        return Mats.copyOf(output, spare);
    }

    /** Equalizes {@code frame} (of the shape's pixel type) into {@code target} (CV_32F). */
    void equalize(Mat frame, Mat target) {
        Mat source = frame;
        if (settings.eightBit() || shape.pixelType() == PixelType.FLOAT32) {
            double span = Math.max(settings.high() - settings.low(), Float.MIN_NORMAL);
            frame.convertTo(integer, settings.eightBit() ? CvType.CV_8U : CvType.CV_16U, fullRange / span,
                    -settings.low() * fullRange / span);
            source = integer;
        }
        clahe.apply(source, equalized);
        if (settings.backgroundSigmaPx() > 0) {
            equalized.convertTo(scaled, CvType.CV_32F, 1 / fullRange);
            Mats.smoothBackground(scaled, background, settings.backgroundSigmaPx(), work);
        }
        if (settings.blurSigmaPx() > 0) {
            // Scaling to [0, 1], conversion to float and blur in one pass over the integer frame.
            Imgproc.sepFilter2D(equalized, target, CvType.CV_32F, rowKernel, columnKernel, new Point(-1, -1), 0,
                    Core.BORDER_REPLICATE);
        } else {
            equalized.convertTo(target, CvType.CV_32F, 1 / fullRange);
        }
        if (settings.backgroundSigmaPx() > 0) {
            Core.subtract(target, background, target);
        }
    }

    @Override
    public void close() {
        clahe.collectGarbage();
        Mats.release(inputMat, integer, equalized, scaled, background, work, outputMat, rowKernel, columnKernel);
    }
}
