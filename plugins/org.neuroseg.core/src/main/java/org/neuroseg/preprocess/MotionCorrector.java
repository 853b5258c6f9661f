package org.neuroseg.preprocess;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.neuroseg.NeurosegException;
import org.neuroseg.cv.OpenCvLoader;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.MotionShifts;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.VideoWriter;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Motion correction of a whole video against a template, streaming. The first template is the mean of the first
 * frames' band-passed copies, aligned to their own mean twice; every {@code templateRefreshFrames} frames it is
 * rebuilt from the last corrected frames. Every frame is registered to the template, never to its predecessor, so
 * errors do not accumulate along the video.
 */
final class MotionCorrector {

    /** Rounds of aligning the first frames to their mean before the template is used. */
    private static final int TEMPLATE_ROUNDS = 2;
    /** Features keep this far inside the largest shift from the edges: half a tracking window and then some. */
    private static final int FEATURE_MARGIN_PX = 12;

    private final Video video;
    private final VideoShape shape;
    private final MotionSettings settings;
    private final int threads;

    /** Mean images are accumulated at most this many pixels on a side: they are for pictures. */
    private static final int MEAN_SIDE_PX = 256;

    /**
     * What correcting a video gave.
     *
     * @param meanBefore mean of the input frames, downsampled to meanHeight x meanWidth (for pictures)
     * @param meanAfter mean of the corrected frames, downsampled likewise
     */
    record Result(Path video, MotionShifts shifts, float[] meanBefore, float[] meanAfter, int meanHeight,
            int meanWidth) {
    }

    /** What one frame gave, handed to the writer in frame order. */
    private record FrameResult(ByteBuffer corrected, FrameMotion motion, int tracked, double before, double after,
            float[] aligned, float[] input, float[] output) {
    }

    /** A frame's band-passed copy and its standard deviation. */
    private record BandPassed(float[] pixels, double sigma) {
    }

    MotionCorrector(Video video, MotionSettings settings, int threads) {
        this.video = video;
        this.shape = video.shape();
        this.settings = settings;
        this.threads = threads;
    }

    /** Corrects the video into a new store at {@code target} (same pixel type) and returns what was estimated. */
    Result run(Path target, String metadataJson, ProgressMonitor monitor)
            throws NeurosegException, CanceledException {
        OpenCvLoader.ensureLoaded();
        Mats.checkLittleEndian();
        int frames = shape.frames();
        if (frames == 0) {
            throw new NeurosegException("The video to motion-correct has no frames");
        }
        if (shape.height() < MotionTemplate.MIN_SIDE_PX || shape.width() < MotionTemplate.MIN_SIDE_PX) {
            throw new NeurosegException("Motion Correction needs frames of at least " + MotionTemplate.MIN_SIDE_PX
                    + " x " + MotionTemplate.MIN_SIDE_PX + " pixels; the video's frames are " + shape.height() + " x "
                    + shape.width() + " (height x width)");
        }
        try (FramePipeline<MotionEstimator> pipeline = new FramePipeline<>(threads,
                () -> new MotionEstimator(shape, settings));
                VideoWriter writer = VideoStore.create(target, shape, video.recording(), metadataJson)) {
            monitor.setProgress(0, "Building the motion template");
            AtomicReference<MotionTemplate> template = new AtomicReference<>(
                    firstTemplate(pipeline, monitor.subMonitor(0, 0.1)));
            try {
                Result result = correctAll(pipeline, writer, template, monitor.subMonitor(0.1, 1));
                writer.commit();
                return new Result(target, result.shifts(), result.meanBefore(), result.meanAfter(),
                        result.meanHeight(), result.meanWidth());
            } finally {
                template.get().close();
            }
        }
    }

    private MotionTemplate firstTemplate(FramePipeline<MotionEstimator> pipeline, ProgressMonitor monitor)
            throws NeurosegException, CanceledException {
        int count = Math.min(settings.templateFrames(), shape.frames());
        double[] sum = new double[shape.pixelsPerFrame()];
        double[] sigmas = new double[count];
        pipeline.run(count, frame -> false, (frame, estimator) -> {
            estimator.load(video, frame);
            return new BandPassed(floats(estimator.bandPassed()), MotionTemplate.sigma(estimator.bandPassed()));
        }, (frame, result) -> {
            add(sum, result.pixels());
            sigmas[frame] = result.sigma();
        }, monitor.subMonitor(0, 1.0 / (TEMPLATE_ROUNDS + 1)));
        double frameSigma = MotionEstimator.median(sigmas);
        MotionTemplate template = newTemplate(sum, count, frameSigma);
        for (int round = 1; round <= TEMPLATE_ROUNDS; round++) {
            MotionTemplate current = template;
            Arrays.fill(sum, 0);
            try {
                pipeline.run(count, frame -> false, (frame, estimator) -> {
                    estimator.load(video, frame);
                    estimator.alignBandPassed(estimator.estimate(current));
                    return floats(estimator.aligned());
                }, (frame, aligned) -> add(sum, aligned), monitor.subMonitor((double) round / (TEMPLATE_ROUNDS + 1),
                        (round + 1.0) / (TEMPLATE_ROUNDS + 1)));
            } finally {
                current.close();
            }
            template = newTemplate(sum, count, frameSigma);
        }
        return template;
    }

    private Result correctAll(FramePipeline<MotionEstimator> pipeline, VideoWriter writer,
            AtomicReference<MotionTemplate> template, ProgressMonitor monitor)
            throws NeurosegException, CanceledException {
        int frames = shape.frames();
        int refresh = settings.templateRefreshFrames();
        int averaged = refresh > 0 ? Math.min(settings.templateFrames(), refresh) : 0;
        double frameSigma = template.get().frameSigma();
        double[] dx = new double[frames];
        double[] dy = new double[frames];
        double[] rotation = new double[frames];
        int[] tracked = new int[frames];
        double[] before = new double[frames];
        double[] after = new double[frames];
        Size thumbnail = thumbnailSize();
        double[] sumBefore = new double[(int) thumbnail.area()];
        double[] sumAfter = new double[(int) thumbnail.area()];
        double[] templateSum = new double[shape.pixelsPerFrame()];
        int margin = settings.maxShiftPx();
        pipeline.run(frames, frame -> refresh > 0 && frame > 0 && frame % refresh == 0, (frame, estimator) -> {
            MotionTemplate current = template.get();
            estimator.load(video, frame);
            MotionEstimator.Estimate estimate = estimator.estimate(current);
            ByteBuffer corrected = estimator.correct(estimate);
            double correlationBefore = Mats.correlation(estimator.bandPassed(), current.bandPassed(), margin);
            double correlationAfter = Mats.correlation(estimator.aligned(), current.bandPassed(), margin);
            boolean contributes = refresh > 0 && frame % refresh >= refresh - averaged;
            return new FrameResult(corrected, estimate.motion(), estimate.trackedFeatures(), correlationBefore,
                    correlationAfter, contributes ? floats(estimator.aligned()) : null,
                    thumbnail(estimator.frame(), thumbnail),
                    thumbnail(estimator.corrected(), thumbnail));
        }, (frame, result) -> {
            writer.appendBytes(result.corrected());
            dx[frame] = result.motion().dx();
            dy[frame] = result.motion().dy();
            rotation[frame] = result.motion().rotationDegrees();
            tracked[frame] = result.tracked();
            before[frame] = result.before();
            after[frame] = result.after();
            add(sumBefore, result.input());
            add(sumAfter, result.output());
            if (result.aligned() != null) {
                add(templateSum, result.aligned());
                if ((frame + 1) % refresh == 0 && frame + 1 < frames) {
                    template.getAndSet(newTemplate(templateSum, averaged, frameSigma)).close();
                    Arrays.fill(templateSum, 0);
                }
            }
        }, monitor);
        MotionShifts shifts = new MotionShifts(dx, dy, rotation, tracked, before, after);
        return new Result(null, shifts, mean(sumBefore, frames), mean(sumAfter, frames), (int) thumbnail.height,
                (int) thumbnail.width);
    }

    private MotionTemplate newTemplate(double[] sum, int count, double frameSigma) {
        Mat mean = MotionTemplate.mean(sum, count, shape.height(), shape.width());
        return new MotionTemplate(mean, frameSigma, settings.maxFeatures(), settings.maxShiftPx() + FEATURE_MARGIN_PX);
    }

    private Size thumbnailSize() {
        int factor = (int) Math.ceil((double) Math.max(shape.height(), shape.width()) / MEAN_SIDE_PX);
        return new Size(Math.max(1, shape.width() / factor), Math.max(1, shape.height() / factor));
    }

    private static float[] thumbnail(Mat mat, Size size) {
        Mat small = new Mat();
        try {
            mat.convertTo(small, CvType.CV_32F);
            if (small.cols() != (int) size.width || small.rows() != (int) size.height) {
                Imgproc.resize(small, small, size, 0, 0, Imgproc.INTER_AREA);
            }
            return floats(small);
        } finally {
            small.release();
        }
    }

    private static float[] floats(Mat mat) {
        Mat source = mat;
        Mat converted = null;
        if (mat.type() != CvType.CV_32F) {
            converted = new Mat();
            mat.convertTo(converted, CvType.CV_32F);
            source = converted;
        }
        try {
            float[] values = new float[(int) source.total()];
            source.get(0, 0, values);
            return values;
        } finally {
            Mats.release(converted);
        }
    }

    private static void add(double[] sum, float[] values) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += values[i];
        }
    }

    private static float[] mean(double[] sum, int count) {
        float[] mean = new float[sum.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (float) (sum[i] / count);
        }
        return mean;
    }
}
