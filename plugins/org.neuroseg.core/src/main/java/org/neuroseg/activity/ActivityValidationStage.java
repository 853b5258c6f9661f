package org.neuroseg.activity;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.neuroseg.NeurosegException;
import org.neuroseg.io.Pictures;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortKind;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.Raster;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.Traces;
import org.neuroseg.video.Video;

/**
 * Activity Validation: the paper's last step. Per ROI, the fluorescence trace F = mean(ROI) - c x mean(ring)
 * ({@link TraceExtractor}), ΔF/F against a running-percentile baseline, a 1-D Difference of Gaussians and a
 * threshold in units of robust noise give the active frames ({@link EventDetector#activeFrames}). Neurons whose rises
 * outnumber their dips (downward crossings, which only noise makes) by a set number and make a set share of the
 * crossings are kept ({@link ActivityEvidence}).
 * The video is read once; the per-ROI work runs in parallel.
 */
public final class ActivityValidationStage implements Stage {

    /** The stage. */
    public static final ActivityValidationStage INSTANCE = new ActivityValidationStage();

    /** Neuropil coefficient. */
    public static final ParamSpec NEUROPIL = ParamSpec.decimal("neuropilCoefficient", "Neuropil coefficient", 1,
            0, 2, "Share of the surrounding ring's fluorescence subtracted from the ROI's: 1 for one-photon "
                    + "recordings, whose out-of-focus background adds fully to every cell; about 0.7 for two-photon.");
    /** Ring gap. */
    public static final ParamSpec RING_GAP = ParamSpec.decimal("ringGapPx", "Ring gap (px)", 2, 0, 100,
            "Distance between an ROI and its neuropil ring.");
    /** Ring width. */
    public static final ParamSpec RING_WIDTH = ParamSpec.decimal("ringWidthPx", "Ring width (px)", 6, 0.5, 200,
            "Width of the neuropil ring; pixels of any ROI are left out of it.");
    /** Baseline window. */
    public static final ParamSpec BASELINE_WINDOW = ParamSpec.decimal("baselineWindowSeconds",
            "Baseline window (s)", 30, 0.1, 100_000, "Length of the window of the running-percentile baseline F0.");
    /** Baseline percentile. */
    public static final ParamSpec BASELINE_PERCENTILE = ParamSpec.decimal("baselinePercentile",
            "Baseline percentile (%)", 20, 0, 100, "The baseline F0 is this percentile of F in the window.");
    /** Narrow DoG sigma. */
    public static final ParamSpec NARROW = ParamSpec.decimal("narrowSigmaSeconds", "Narrow sigma (s)", 0.1, 0, 100,
            "Sigma of the narrow Gaussian of the 1-D Difference of Gaussians: smooths frame-to-frame noise.");
    /** Wide DoG sigma. */
    public static final ParamSpec WIDE = ParamSpec.decimal("wideSigmaSeconds", "Wide sigma (s)", 1, 0.01, 1000,
            "Sigma of the wide Gaussian: changes slower than this are removed; above the narrow sigma.");
    /** Threshold. */
    public static final ParamSpec THRESHOLD = ParamSpec.decimal("thresholdNoise", "Threshold (x noise)", 2.5, 0.5,
            100, "A frame is active where the filtered ΔF/F exceeds this many robust standard deviations.");
    /** Minimum events. */
    public static final ParamSpec MIN_EVENTS = ParamSpec.integer("minEvents", "Minimum events", 2, 1, 1_000_000,
            "A neuron is kept when its rises above the noise band outnumber its dips below it (which only noise "
                    + "makes) by at least this many.");
    /** Minimum share of rises. */
    public static final ParamSpec MIN_RISE_SHARE = ParamSpec.decimal("minRiseShare", "Minimum share of rises", 0.7,
            0.5, 1, "A neuron is kept only when at least this share of its crossings of the noise band are rises "
                    + "(noise alone gives about half), so that the many noise crossings of a long recording cannot "
                    + "add up to the minimum events.");
    /** Frame rate fallback. */
    public static final ParamSpec FRAME_RATE = ParamSpec.decimal("frameRateHz", "Frame rate if unknown (Hz)", 10,
            0.001, 10_000, "Used to convert seconds to frames when the video does not record its frame rate.");

    private ActivityValidationStage() {
    }

    @Override
    public String id() {
        return "activity-validation";
    }

    @Override
    public String name() {
        return "Activity Validation";
    }

    @Override
    public StageCategory category() {
        return StageCategory.ANALYSIS;
    }

    @Override
    public String shortDescription() {
        return "Measures each neuron's activity and keeps the neurons that fire.";
    }

    @Override
    public String description() {
        return "For every ROI: the mean fluorescence inside it minus a share of that of a surrounding ring "
                + "(neuropil, leaving out other ROIs), ΔF/F against a running-percentile baseline, a 1-D "
                + "Difference of Gaussians that keeps calcium transients, and a threshold in units of the trace's "
                + "robust noise. Frames above it are active (the raster); each run of active frames is an event. "
                + "To decide whether a neuron fires, the smoothed ΔF/F minus its running median (which, unlike the "
                + "filtered trace, does not undershoot after a transient) is compared with the same noise band: "
                + "noise crosses it downwards as often as upwards, calcium transients only upwards, so a neuron is "
                + "kept when its rises outnumber its dips by the minimum number of events and make at least the "
                + "minimum share of its crossings. Traces and raster hold every input ROI; the pictures show "
                + "the raster (kept neurons black, others red) and the ROIs on the mean image (kept green, others "
                + "red).";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(NEUROPIL, RING_GAP, RING_WIDTH, BASELINE_WINDOW, BASELINE_PERCENTILE, NARROW, WIDE, THRESHOLD,
                MIN_EVENTS, MIN_RISE_SHARE, FRAME_RATE);
    }

    @Override
    public List<PortSpec> inputs() {
        return List.of(new PortSpec("Video", PortKind.VIDEO, "The (motion-corrected) video the ROIs were found in."),
                new PortSpec("ROIs", PortKind.ROI_TABLE, "The candidate neurons."));
    }

    @Override
    public List<PortSpec> outputs() {
        return List.of(new PortSpec("Traces", PortKind.TRACES_TABLE, "ΔF/F of every ROI: neurons x frames."),
                new PortSpec("Raster", PortKind.RASTER_TABLE, "1 where a neuron is active: neurons x frames."),
                new PortSpec("Validated ROIs", PortKind.ROI_TABLE, "The ROIs with at least the minimum events."),
                new PortSpec("Raster plot", PortKind.PICTURE, "Neurons (rows) over time (columns)."),
                new PortSpec("Overlay", PortKind.PICTURE, "ROIs outlined on the mean image: kept green, others red."));
    }

    /** @return the video's frame rate, or the stage's fallback when the video does not record one */
    public static double frameRateHz(Video video, Parameters parameters) {
        return video.frameRateHz() > 0 ? video.frameRateHz() : parameters.getDouble(FRAME_RATE);
    }

    @Override
    public List<Object> run(List<Object> inputs, Parameters parameters, StageContext context)
            throws NeurosegException, CanceledException {
        Video video = (Video) inputs.get(0);
        RoiSet rois = (RoiSet) inputs.get(1);
        double rate = frameRateHz(video, parameters);
        if (parameters.getDouble(WIDE) <= parameters.getDouble(NARROW)) {
            throw new NeurosegException("'" + WIDE.label() + "' (" + parameters.getDouble(WIDE) + ") must exceed '"
                    + NARROW.label() + "' (" + parameters.getDouble(NARROW) + ")");
        }
        TraceExtractor extractor = new TraceExtractor(rois, parameters.getDouble(RING_GAP),
                parameters.getDouble(RING_WIDTH));
        float[] mean = new float[rois.height() * rois.width()];
        float[][][] raw = extractor.extract(video, mean, context.monitor().subMonitor(0, 0.9));
        int count = rois.size();
        float[][] dff = new float[count][];
        BitSet[] active = new BitSet[count];
        boolean[] fires = new boolean[count];
        double coefficient = parameters.getDouble(NEUROPIL);
        int window = Math.max(1, (int) Math.round(parameters.getDouble(BASELINE_WINDOW) * rate));
        IntStream.range(0, count).parallel().forEach(r -> {
            float[] trace = raw[0][r];
            for (int t = 0; t < trace.length; t++) {
                trace[t] -= (float) (coefficient * raw[1][r][t]);
            }
            dff[r] = EventDetector.deltaFOverF(trace, window, parameters.getDouble(BASELINE_PERCENTILE));
            active[r] = EventDetector.activeFrames(dff[r], parameters.getDouble(NARROW) * rate,
                    parameters.getDouble(WIDE) * rate, parameters.getDouble(THRESHOLD));
            fires[r] = ActivityEvidence.kept(ActivityEvidence.crossings(dff[r], parameters, rate), parameters);
        });
        context.monitor().checkCanceled();
        int[] ids = rois.rois().stream().mapToInt(Roi::id).toArray();
        Raster raster = new Raster(ids, video.shape().frames(), List.of(active));
        List<Roi> kept = new ArrayList<>();
        Set<Integer> keptIds = new HashSet<>();
        for (int r = 0; r < count; r++) {
            if (fires[r]) {
                kept.add(rois.rois().get(r));
                keptIds.add(ids[r]);
            }
        }
        context.monitor().setProgress(1, null);
        return List.of(new Traces(ids, dff), raster, new RoiSet(rois.height(), rois.width(), kept),
                RasterPlot.draw(raster, keptIds), Pictures.toPicture(Pictures.outlines(mean, rois.height(),
                        rois.width(), rois, id -> keptIds.contains(id) ? 0x00FF00 : 0xFF3030)));
    }
}
