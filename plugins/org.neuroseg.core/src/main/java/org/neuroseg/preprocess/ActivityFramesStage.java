package org.neuroseg.preprocess;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.neuroseg.NeurosegException;
import org.neuroseg.imaging.GaussianFilter;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;
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
 * percentile of the smoothed trace is the baseline F0, and the noise sigma is the larger of what the running mean of
 * absolute frame-to-frame differences gives and the clipped running deviation of the smoothed trace from F0; the output is (F - F0) / sigma of the smoothed trace, about 0 at rest with the default
 * median baseline. Both are streaming estimates (stochastic quantile tracking and a running mean), so memory is a
 * few numbers per pixel whatever the number of frames; they are first settled on the video's first baseline window,
 * so the first frames are measured against a settled baseline too. Background changes slower than the noise but
 * finer than the background scale remain, so resting pixels can vary by somewhat more than one unit.
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
    /** Mean of |difference of two Gaussian samples| over sigma: 2 / sqrt(pi). */
    private static final double MEAN_ABS_DIFFERENCE = 1.1284;
    /** Mean of |Gaussian sample| over sigma, sqrt(2 / pi) (clipping at 3 sigma changes it by under 0.2 %). */
    private static final float MEAN_ABS_NORMAL = 0.7979f;
    /** Deviations from the baseline count up to this many noise units in the spread, so transients barely lift it. */
    private static final float SPREAD_CLIP = 3;
    /** The smallest noise of an integer video: quantization, the standard deviation of a uniform unit step. */
    private static final float INTEGER_NOISE_FLOOR = 0.289f;
    /** Pixels per parallel task. */
    private static final int CHUNK = 16_384;

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
        Tracker tracker = new Tracker(shape.pixelsPerFrame(), window,
                parameters.getDouble(BASELINE_PERCENTILE) / 100, tau == 0 ? 0 : Math.exp(-1 / tau),
                shape.pixelType() == PixelType.FLOAT32 ? 0 : INTEGER_NOISE_FLOOR);
        int settling = Math.min(shape.frames(), window);
        float[] frame = new float[shape.pixelsPerFrame()];
        float[] activity = new float[frame.length];
        try (Foreground foreground = new Foreground(video, parameters.getDouble(BACKGROUND_SIGMA))) {
            ProgressMonitor settle = monitor.subMonitor(0, 0.2);
            for (int t = 0; t < settling; t++) {
                settle.checkCanceled();
                foreground.read(t, frame);
                tracker.push(frame, null);
                settle.setProgress((t + 1.0) / settling, null);
            }
            tracker.restartSmoothing();
            ProgressMonitor writing = monitor.subMonitor(0.2, 1);
            try (VideoWriter writer = VideoStore.create(target, shape.withPixelType(PixelType.FLOAT32),
                    video.recording(), StageMetadata.json(INSTANCE, parameters))) {
                for (int t = 0; t < shape.frames(); t++) {
                    writing.checkCanceled();
                    foreground.read(t, frame);
                    tracker.push(frame, activity);
                    writer.append(activity);
                    writing.setProgress((t + 1.0) / shape.frames(), null);
                }
                return writer.commit();
            }
        }
    }

    /** Frames of the video less their large-scale background. */
    private static final class Foreground implements AutoCloseable {
        private final Video video;
        private final double sigma;
        private final GaussianFilter filter;
        private final float[] background;

        Foreground(Video video, double sigma) throws NeurosegException {
            this.video = video;
            this.sigma = sigma;
            VideoShape shape = video.shape();
            filter = sigma > 0 ? new GaussianFilter(shape.height(), shape.width()) : null;
            background = new float[sigma > 0 ? shape.pixelsPerFrame() : 0];
        }

        void read(int index, float[] frame) throws NeurosegException {
            video.readFrame(index, frame);
            if (filter != null) {
                filter.blurWide(frame, sigma, background);
                for (int i = 0; i < frame.length; i++) {
                    frame[i] -= background[i];
                }
            }
        }

        @Override
        public void close() {
            if (filter != null) {
                filter.close();
            }
        }
    }

    /**
     * Per-pixel streaming state: smoothed value, previous frame, baseline, mean absolute difference and spread. The
     * noise is the larger of two estimates: the frame-to-frame differences (white noise, scaled to the smoothed
     * trace) and the clipped mean absolute deviation of the smoothed trace from its baseline. The second counts
     * noise that neighbouring frames share and slow fluctuations, which frame-to-frame differences miss: on a real
     * miniscope session at 5 Hz the trace's spread was 1.8 times what its differences implied, and without it
     * resting pixels showed as activity.
     */
    private static final class Tracker {
        private final float[] smoothed;
        private final float[] previous;
        private final float[] baseline;
        private final float[] meanDifference;
        private final float[] spread;
        private final double quantile;
        private final double decay;
        private final double baselineStep;
        private final float differenceWeight;
        private final double smoothedNoise;
        private final float noiseFloor;
        private boolean initialized;
        private boolean started;

        Tracker(int pixels, int window, double quantile, double decay, float noiseFloor) {
            smoothed = new float[pixels];
            previous = new float[pixels];
            baseline = new float[pixels];
            meanDifference = new float[pixels];
            spread = new float[pixels];
            this.quantile = quantile;
            this.decay = decay;
            this.noiseFloor = noiseFloor;
            baselineStep = BASELINE_RATE / window;
            differenceWeight = 1f / window;
            // Noise of an exponentially smoothed trace relative to that of the raw trace.
            smoothedNoise = Math.sqrt((1 - decay) / (1 + decay));
        }

        /** Forgets the smoothed values, so that the output pass starts from its first frame. */
        void restartSmoothing() {
            started = false;
        }

        /** Updates the state with {@code frame}; writes the activity into {@code activity} unless null. */
        void push(float[] frame, float[] activity) {
            boolean first = !started;
            if (!initialized) {
                System.arraycopy(frame, 0, baseline, 0, frame.length);
                initialized = true;
            }
            IntStream.range(0, (frame.length + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> {
                int end = Math.min(frame.length, (chunk + 1) * CHUNK);
                for (int i = chunk * CHUNK; i < end; i++) {
                    float x = frame[i];
                    if (first) {
                        smoothed[i] = x;
                    } else {
                        smoothed[i] = (float) (decay * smoothed[i] + (1 - decay) * x);
                        float difference = Math.abs(x - previous[i]);
                        // A running mean, unlike a median, stays above 0 on pixels whose values repeat (dim, integer).
                        meanDifference[i] += differenceWeight * (difference - meanDifference[i]);
                    }
                    previous[i] = x;
                    float sigma = Math.max(noiseFloor, (float) (meanDifference[i] / MEAN_ABS_DIFFERENCE));
                    float noise = (float) Math.max(1e-12, Math.max(sigma * smoothedNoise,
                            spread[i] / MEAN_ABS_NORMAL));
                    float deviation = Math.min(Math.abs(smoothed[i] - baseline[i]), SPREAD_CLIP * noise);
                    spread[i] += differenceWeight * (deviation - spread[i]);
                    float below = smoothed[i] < baseline[i] ? 1 : 0;
                    baseline[i] += (float) (baselineStep * noise * (quantile - below));
                    if (activity != null) {
                        activity[i] = (smoothed[i] - baseline[i]) / noise;
                    }
                }
            });
            started = true;
        }
    }
}
