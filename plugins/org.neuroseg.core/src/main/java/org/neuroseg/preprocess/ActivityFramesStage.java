package org.neuroseg.preprocess;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.StageMetadata;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.VideoWriter;

/**
 * Activity Frames: each pixel's brightness relative to its own usual brightness, in units of its own noise, so that
 * one frame shows which cells are active in it (as the per-pixel signal-to-noise video of SUNS, Bao et al. 2021).
 * Each frame's large-scale background is subtracted first (one-photon recordings carry a bright, fluctuating
 * out-of-focus glow). Per pixel, the trace is then optionally smoothed in time to the indicator's decay; a running
 * percentile of the smoothed trace is the baseline F0 and the larger of the running mean of absolute frame-to-frame
 * differences and the clipped running deviation of the smoothed trace from F0
 * gives the noise sigma; the output is (F - F0) / sigma of the smoothed trace, about 0 at rest with the default
 * median baseline. Both are streaming estimates (stochastic quantile tracking and a running mean), so memory is a
 * few numbers per pixel whatever the number of frames; they are first settled on the video's first baseline window,
 * so the first frames are measured against a settled baseline too. Background changes slower than the noise but
 * finer than the background scale remain, so resting pixels can vary by somewhat more than one unit. Each frame
 * is processed in one pass over fixed bands of rows, on all processors; the results do not depend on the number of
 * threads.
 */
public final class ActivityFramesStage implements Stage {

    /** The stage. */
    public static final ActivityFramesStage INSTANCE = new ActivityFramesStage();

    public static final ParamSpec BASELINE_WINDOW = ParamSpec.decimal("baselineWindowSeconds", "Baseline window (s)",
            30, 0.1, 100_000, "Time over which the baseline follows slow changes (bleaching, drift); transients "
                    + "shorter than it do not lift the baseline.");
    public static final ParamSpec BASELINE_PERCENTILE = ParamSpec.decimal("baselinePercentile",
            "Baseline percentile (%)", 50, 1, 50, "The baseline is this percentile of the smoothed trace. The median "
                    + "(50) puts resting pixels at 0; lower it for cells that are active much of the time, whose "
                    + "transients would lift a median (resting pixels then sit slightly above 0).");
    public static final ParamSpec SMOOTHING = ParamSpec.decimal("smoothingSeconds", "Temporal smoothing (s)", 0.2,
            0, 100, "Time constant of an exponential smoothing of each trace, about the indicator's decay "
                    + "(GCaMP6f: 0.2 s; GCaMP6s: 0.6 s); 0 leaves frames unsmoothed.");
    public static final ParamSpec BACKGROUND_SIGMA = ParamSpec.decimal("backgroundSigmaPx", "Background scale (px)",
            8, 0, 1000, "Each frame blurred with a Gaussian of this sigma (about a cell diameter) is subtracted "
                    + "first, so that the fluctuating out-of-focus background of one-photon recordings does not "
                    + "show as activity; 0 keeps the background.");
    public static final ParamSpec FRAME_RATE = ParamSpec.decimal("frameRateHz", "Frame rate if unknown (Hz)", 10,
            0.001, 10_000, "Used to convert seconds to frames when the video does not record its frame rate.");

    public static final PortSpec<Video> VIDEO = PortSpec.video("Video",
            "The motion-corrected video, any pixel type.");
    public static final PortSpec<Video> ACTIVITY = PortSpec.video("Activity frames",
            "float32: each pixel's (F - F0) / noise, about 0 at rest and several units during a transient.");

    /**
     * Step of the baseline per frame, in noise units times frames of the window: it follows a drift of several
     * noise units per window while a transient of a few seconds lifts it by about one.
     */
    private static final double BASELINE_RATE = 24;
    /**
     * Step of the baseline at the n-th frame of a pass over the first window, in noise units times n: the gain of a
     * stochastic-approximation median, 1 / density at the median of a Gaussian (sqrt(2 pi) = 2.5), so that the
     * baseline settles in a few frames from the first frame's value instead of creeping at the window's pace.
     */
    private static final double EARLY_BASELINE_GAIN = 2.5;
    /** Sigma over the mean |Gaussian sample|, sqrt(pi / 2) (clipping at 3 sigma changes it by under 0.2 %). */
    private static final float SPREAD_PER_NOISE = 1.2533f;
    /** Deviations from the baseline count up to this many noise units in the spread, so transients barely lift it. */
    private static final float SPREAD_CLIP = 3;
    /** Mean of |difference of two Gaussian samples| over sigma: 2 / sqrt(pi). */
    private static final double MEAN_ABS_DIFFERENCE = 1.1284;
    /** The smallest noise of an integer video: quantization, the standard deviation of a uniform unit step. */
    private static final float INTEGER_NOISE_FLOOR = 0.289f;
    /** Turns any difference of at least the smallest normal float into at least 1 in size. */
    private static final float SIGN_GAIN = 1 / Float.MIN_NORMAL;
    /** Rows per parallel task. */
    private static final int ROWS_PER_BAND = 16;

    private ActivityFramesStage() {
    }

    @Override
    public String id() {
        return "activity-frames";
    }

    @Override
    public String name() {
        return "Activity Frames";
    }

    @Override
    public StageCategory category() {
        return StageCategory.PREPROCESSING;
    }

    @Override
    public String shortDescription() {
        return "Turns each frame into activity: each pixel's rise above its own baseline, in units of its noise.";
    }

    @Override
    public String description() {
        return "Each frame's large-scale background (a wide Gaussian blur) is subtracted. For every pixel, the "
                + "trace is then smoothed in time to the indicator's decay, its baseline F0 is a "
                + "running low percentile of the smoothed trace over the baseline window, and its noise the larger "
                + "of what frame-to-frame differences give and the typical deviation of the smoothed trace from "
                + "its baseline (noise shared by neighbouring frames counts too); each output frame is (F - F0) / "
                + "noise. Cells that "
                + "are dim "
                + "at rest but flash, and cells on a bright or uneven background, show alike: about 0 at rest, "
                + "several units while active. The estimates are settled on the first baseline window before the "
                + "first frame is written, and memory does not grow with the number of frames.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(BASELINE_WINDOW, BASELINE_PERCENTILE, SMOOTHING, BACKGROUND_SIGMA, FRAME_RATE);
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(VIDEO);
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(ACTIVITY);
    }

    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException, CanceledException {
        Video video = inputs.get(VIDEO);
        Path target = context.outputFiles().newFile("activity" + VideoStore.EXTENSION);
        compute(video, parameters, target, context.monitor());
        return PortValues.of(ACTIVITY, VideoStore.open(target));
    }

    /**
     * Writes the activity frames of {@code video} to {@code target}.
     *
     * @return {@code target}
     * @throws NeurosegException when the video has several channels or cannot be read or written
     */
    public static Path compute(Video video, Parameters parameters, Path target, ProgressMonitor monitor)
            throws NeurosegException, CanceledException {
        VideoShape shape = video.shape();
        if (shape.channels() != 1) {
            throw new NeurosegException("Activity Frames needs a video of one channel; " + video.source() + " has "
                    + shape.channels());
        }
        double rate = video.frameRateHz() > 0 ? video.frameRateHz() : parameters.getDouble(FRAME_RATE);
        int window = Math.max(2, (int) Math.round(parameters.getDouble(BASELINE_WINDOW) * rate));
        double tau = parameters.getDouble(SMOOTHING) * rate;
        int settling = Math.min(shape.frames(), window);
        float[] frame = new float[shape.pixelsPerFrame()];
        // The activity goes straight into the bytes written, float32 little-endian as the store keeps them.
        ByteBuffer bytes = ByteBuffer.allocateDirect(Float.BYTES * frame.length).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer activity = bytes.asFloatBuffer();
        double backgroundSigma = parameters.getDouble(BACKGROUND_SIGMA);
        FrameBackground background = backgroundSigma > 0
                ? new FrameBackground(shape.height(), shape.width(), backgroundSigma) : null;
        Tracker tracker = new Tracker(shape, background, window, parameters.getDouble(BASELINE_PERCENTILE) / 100,
                tau == 0 ? 0 : Math.exp(-1 / tau), shape.pixelType() == PixelType.FLOAT32 ? 0 : INTEGER_NOISE_FLOOR);
        ProgressMonitor settle = monitor.subMonitor(0, 0.2);
        for (int t = 0; t < settling; t++) {
            settle.checkCanceled();
            video.readFrame(t, frame);
            // computed and dropped: one code path for both passes spares the JIT a recompilation between them
            tracker.push(frame, activity);
            settle.setProgress((t + 1.0) / settling, null);
        }
        tracker.restartSmoothing();
        ProgressMonitor writing = monitor.subMonitor(0.2, 1);
        try (VideoWriter writer = VideoStore.create(target, shape.withPixelType(PixelType.FLOAT32),
                video.recording(), StageMetadata.of(INSTANCE, parameters).toString())) {
            for (int t = 0; t < shape.frames(); t++) {
                writing.checkCanceled();
                video.readFrame(t, frame);
                tracker.push(frame, activity);
                writer.appendBytes(bytes.clear());
                writing.setProgress((t + 1.0) / shape.frames(), null);
            }
            return writer.commit();
        }
    }

    /**
     * Per-pixel streaming state (smoothed value, previous value, baseline, mean absolute difference and spread),
     * updated with each frame less its background row by row. The noise is the larger of two estimates: the
     * frame-to-frame differences (white noise, scaled to the smoothed trace) and the clipped mean absolute deviation
     * of the smoothed trace from its baseline. The second counts noise that neighbouring frames share and slow
     * fluctuations, which differences miss: on a real miniscope session at 5 Hz the trace's spread was 1.8 times
     * what its differences implied, and resting pixels showed as activity. Rows are processed in fixed bands in
     * parallel; every pixel's arithmetic is its own, so the result does not depend on the threads. The state is kept a
     * row per array and every loop indexes its arrays alike, so that the JIT compiler vectorizes the loops.
     */
    private static final class Tracker {
        private final int height;
        private final int width;
        private final FrameBackground background;
        private final float[][] smoothed;
        private final float[][] previous;
        private final float[][] baseline;
        private final float[][] meanDifference;
        private final float[][] spread;
        private final float decay;
        private final int window;
        private final double quantile;
        /**
         * Samples the running means have taken in: frame-to-frame differences, and frames (one deviation from the
         * baseline each). Each mean is the plain mean of its samples until it has a window of them, then an
         * exponential mean over the window. An exponential mean started at 0 would read the noise low by the share of
         * the window not yet seen (a third at 30 Hz over a 300-frame video), and the activity as many times too large.
         */
        private long differencesSeen;
        private long framesSeen;
        /** This frame's baseline step in noise units: {@code stepCentre + stepHalf} above the baseline, less below. */
        private float stepCentre;
        private float stepHalf;
        private float differenceWeight;
        private float deviationWeight;
        /** The noise of the smoothed trace per unit of mean absolute difference of the raw one. */
        private final float noiseScale;
        private final float smallestNoise;
        /** Per band: the frame row less its background, the background row, the activity row. */
        private final float[][] valueRows;
        private final float[][] backgroundRows;
        private final float[][] activityRows;
        private boolean started;

        Tracker(VideoShape shape, FrameBackground background, int window, double quantile, double decay,
                float noiseFloor) {
            height = shape.height();
            width = shape.width();
            this.background = background;
            smoothed = new float[height][width];
            previous = new float[height][width];
            baseline = new float[height][width];
            meanDifference = new float[height][width];
            spread = new float[height][width];
            this.decay = (float) decay;
            this.window = window;
            this.quantile = quantile;
            // Noise of an exponentially smoothed trace relative to that of the raw trace.
            double smoothedNoise = Math.sqrt((1 - decay) / (1 + decay));
            noiseScale = (float) (smoothedNoise / MEAN_ABS_DIFFERENCE);
            smallestNoise = (float) Math.max(1e-12, noiseFloor * smoothedNoise);
            int bands = (height + ROWS_PER_BAND - 1) / ROWS_PER_BAND;
            valueRows = new float[bands][width];
            backgroundRows = new float[bands][width];
            activityRows = new float[bands][width];
        }

        /** Forgets the smoothed values, so that the output pass starts from its first frame. */
        void restartSmoothing() {
            started = false;
        }

        /** Updates the state with {@code frame} and writes the activity into {@code activity}. */
        void push(float[] frame, FloatBuffer activity) {
            if (background != null) {
                background.estimate(frame);
            }
            if (started) {
                differencesSeen++;
            }
            framesSeen++;
            differenceWeight = (float) (1.0 / Math.min(Math.max(differencesSeen, 1), window));
            deviationWeight = (float) (1.0 / Math.min(framesSeen, window));
            double baselineStep = Math.max(BASELINE_RATE / window, EARLY_BASELINE_GAIN / framesSeen);
            stepCentre = (float) (baselineStep * (quantile - 0.5));
            stepHalf = (float) (baselineStep * 0.5);
            IntStream.range(0, valueRows.length).parallel().forEach(band -> {
                float[] values = valueRows[band];
                float[] backgroundRow = backgroundRows[band];
                float[] activityRow = activityRows[band];
                for (int y = band * ROWS_PER_BAND; y < Math.min(height, (band + 1) * ROWS_PER_BAND); y++) {
                    // copied, so that no loop below mixes a frame offset with row indices (which stops vectorizing)
                    System.arraycopy(frame, y * width, values, 0, width);
                    if (background != null) {
                        background.row(y, backgroundRow);
                        for (int x = 0; x < width; x++) {
                            values[x] -= backgroundRow[x];
                        }
                    }
                    if (started) {
                        smooth(y, values);
                    } else {
                        start(y, values);
                    }
                    trackBaseline(y, activityRow);
                    activity.put(y * width, activityRow, 0, width);
                }
            });
            started = true;
        }

        /**
         * The first frame of a pass. The first frame of all is the baseline and the smoothed value; in the output
         * pass the smoothing starts from the settled baseline, as if the frames before had been at rest, so that the
         * first frames carry the smoothed trace's noise rather than a raw frame's (at 30 Hz 3.6 times as much).
         */
        private void start(int y, float[] values) {
            float[] smooth = smoothed[y];
            if (framesSeen > 1) {
                float[] base = baseline[y];
                float keep = 1 - decay;
                for (int x = 0; x < width; x++) {
                    smooth[x] = decay * base[x] + keep * values[x];
                }
            } else {
                System.arraycopy(values, 0, smooth, 0, width);
                System.arraycopy(values, 0, baseline[y], 0, width);
            }
            System.arraycopy(values, 0, previous[y], 0, width);
        }

        private void smooth(int y, float[] values) {
            float[] smooth = smoothed[y];
            float[] last = previous[y];
            float[] difference = meanDifference[y];
            float keep = 1 - decay;
            for (int x = 0; x < width; x++) {
                float value = values[x];
                smooth[x] = decay * smooth[x] + keep * value;
                // A running mean, unlike a median, stays above 0 on pixels whose values repeat (dim, integer).
                difference[x] += differenceWeight * (Math.abs(value - last[x]) - difference[x]);
                last[x] = value;
            }
        }

        /** Steps the baseline towards the smoothed value and writes (smoothed - baseline) / noise. */
        private void trackBaseline(int y, float[] activityRow) {
            float[] smooth = smoothed[y];
            float[] base = baseline[y];
            float[] difference = meanDifference[y];
            float[] deviations = spread[y];
            for (int x = 0; x < width; x++) {
                float noise = Math.max(Math.max(smallestNoise, difference[x] * noiseScale),
                        deviations[x] * SPREAD_PER_NOISE);
                float value = smooth[x];
                deviations[x] += deviationWeight * (Math.min(Math.abs(value - base[x]), SPREAD_CLIP * noise)
                        - deviations[x]);
                // Quantile tracking without a branch, which a pixel at its median would mispredict every other frame:
                // up by the quantile's share above the baseline, down by the rest below it. The sign is clamped
                // rather than Math.copySign so that the loop vectorizes; it is exact but for differences below the
                // smallest normal float (and 0 at the baseline, where the step is the midpoint).
                float sign = Math.max(-1f, Math.min(1f, (value - base[x]) * SIGN_GAIN));
                float updated = base[x] + noise * (stepCentre + stepHalf * sign);
                base[x] = updated;
                activityRow[x] = (value - updated) / noise;
            }
        }
    }
}
