package org.neuroseg.activity;

import java.util.Arrays;
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
import org.neuroseg.stage.ParamSpec.CellScaling;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.Picture;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.Raster;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.Traces;
import org.neuroseg.stage.settings.KeyMigration;
import org.neuroseg.table.Table;
import org.neuroseg.video.Video;

/**
 * Activity Validation: the paper's last step. Per ROI, the fluorescence trace F = mean(ROI) - c x mean(ring)
 * ({@link TraceExtractor}; or the ring's median), ΔF/F against a running-percentile baseline, a 1-D Difference of
 * Gaussians and a threshold in units of robust noise give the active frames ({@link EventDetector#activeFrames}).
 * Neurons whose rises outnumber their dips (downward crossings, which only noise makes) by a set number and make a set
 * share of the crossings, or that show one clear transient far above the noise and their deepest dip, are kept if
 * their largest rise reaches a smallest peak ({@link ActivityEvidence}).
 * The video is read once; the per-ROI work runs in parallel.
 */
public final class ActivityValidationStage implements Stage {

    /** The stage. */
    public static final ActivityValidationStage INSTANCE = new ActivityValidationStage();

    public static final ParamSpec NEUROPIL = ParamSpec.decimal("neuropilCoefficient", "Neuropil coefficient", 0.7,
            0, 2, "Share of the surrounding ring's fluorescence subtracted from the ROI's (0.7, Suite2p's default, "
                    + "for one- and two-photon recordings). The ring also holds neighbouring cells: subtracting "
                    + "all of it (1) turned their transients into dips of the cell's trace, and on a real miniscope "
                    + "session Activity Validation then kept 5 of 79 expert-labelled cells (74 at 0.7).");
    /** The ring's fluorescence is the median of its pixels. */
    public static final String RING_MEDIAN = "median";
    /** The ring's fluorescence is the mean of its pixels. */
    public static final String RING_MEAN = "mean";
    public static final ParamSpec NEUROPIL_ESTIMATE = ParamSpec.choice("neuropilEstimate", "Neuropil estimate",
            RING_MEAN, List.of(RING_MEAN, RING_MEDIAN), "How the surrounding ring's fluorescence is measured in "
                    + "each frame. Mean: Suite2p's, the least noisy. Median: a neighbouring cell that covers less "
                    + "than half of the ring does not move it when it fires, so its transients do not appear as dips "
                    + "of the cell's trace; for dense fields, where rings hold cells that no outline covers. On a "
                    + "dense real miniscope session the median kept 79 of 138 labelled cells instead of 75; on "
                    + "held-out simulations it found 2 % fewer of the firing cells (bench/RESULTS.md, 2026-12-07).");
    public static final ParamSpec RING_GAP = ParamSpec.decimal("ringGapPx", "Ring gap (px)", 2, 0, 100,
            "Distance between an ROI and its neuropil ring.").derivedFromCellDiameter(new CellScaling(0.25, 1));
    public static final ParamSpec RING_WIDTH = ParamSpec.decimal("ringWidthPx", "Ring width (px)", 6, 0.5, 200,
            "Width of the neuropil ring; pixels of any ROI are left out of it.")
            .derivedFromCellDiameter(new CellScaling(0.75, 1));
    public static final ParamSpec BASELINE_WINDOW = ParamSpec.decimal("baselineWindowSeconds",
            "Baseline window (s)", 30, 0.1, 100_000, "Length of the window of the running-percentile baseline F0.");
    public static final ParamSpec BASELINE_PERCENTILE = ParamSpec.decimal("baselinePercentile",
            "Baseline percentile (%)", 20, 0, 100, "The baseline F0 is this percentile of F in the window.");
    public static final ParamSpec NARROW = ParamSpec.decimal("narrowSigmaSeconds", "Narrow sigma (s)", 0.1, 0, 100,
            "Sigma of the narrow Gaussian of the 1-D Difference of Gaussians: smooths frame-to-frame noise.");
    public static final ParamSpec WIDE = ParamSpec.decimal("wideSigmaSeconds", "Wide sigma (s)", 1, 0.01, 1000,
            "Sigma of the wide Gaussian: changes slower than this are removed; above the narrow sigma.");
    public static final ParamSpec THRESHOLD = ParamSpec.decimal("thresholdNoise", "Threshold (x noise)", 2.5, 0.5,
            100, "A frame is active where the filtered ΔF/F exceeds this many robust standard deviations.");
    public static final ParamSpec MIN_EVENTS = ParamSpec.integer("minEvents", "Minimum events", 2, 1, 1_000_000,
            "A neuron is kept when its rises above the noise band outnumber its dips below it (which only noise "
                    + "makes) by at least this many.");
    public static final ParamSpec MIN_RISE_SHARE = ParamSpec.decimal("minRiseShare", "Minimum share of rises", 0.7,
            0.5, 1, "A neuron is kept only when at least this share of its crossings of the noise band are rises "
                    + "(noise alone gives about half), so that the many noise crossings of a long recording cannot "
                    + "add up to the minimum events.");
    public static final ParamSpec CLEAR_TRANSIENT = ParamSpec.decimal("clearTransientNoise",
            "One clear transient (x noise)", 6, 0, 100, "A neuron is also kept when one rise reaches this many robust "
                    + "standard deviations and twice the depth of its deepest dip: a dim cell that fired once or "
                    + "twice in a short recording cannot outnumber its noise dips by the minimum events, but one "
                    + "transient this far above the noise is not noise. 0 keeps only neurons that pass the counts. "
                    + "On a synthetic one-photon video and a real miniscope session the counts alone dropped most "
                    + "of the candidates found at true cells.");
    public static final ParamSpec MIN_PEAK = ParamSpec.decimal("minPeakNoise", "Smallest peak (x noise)", 5, 0,
            100, "A neuron is kept only when its largest rise reaches this many robust standard deviations, whatever "
                    + "its counts: a cell's transient stands clear of its noise at least once (5: Rose's criterion, "
                    + "the one synthetic ground truth uses for a visible transient). A candidate that the per-frame "
                    + "network made of noise rises on the frames that made it, often enough to pass the counts, but "
                    + "no higher than noise reaches. 0 turns this off. At 5 rather than 4, on an unlabelled real "
                    + "two-photon recording 19 fewer of 82 neurons, none of them where the local correlation image "
                    + "shows a cell; on a synthetic two-photon video of 512 x 512 x 600 precision 0.87 instead of "
                    + "0.67 at recall 0.69 instead of 0.70; on two real miniscope sessions no change; on short "
                    + "(300-frame) synthetic videos 2 % fewer of the firing cells.");
    public static final ParamSpec FRAME_RATE = ParamSpec.decimal("frameRateHz", "Frame rate if unknown (Hz)", 10,
            0.001, 10_000, "Used to convert seconds to frames when the video does not record its frame rate.");

    public static final PortSpec<Video> VIDEO = PortSpec.video("Video",
            "The (motion-corrected) video the ROIs were found in.");
    public static final PortSpec<RoiSet> ROIS = PortSpec.rois("ROIs", "The candidate neurons.");
    public static final PortSpec<Traces> TRACES = PortSpec.traces("Traces",
            "ΔF/F of the kept neurons: neurons x frames.");
    public static final PortSpec<Raster> RASTER = PortSpec.raster("Raster",
            "1 where a kept neuron is active: neurons x frames.");
    public static final PortSpec<RoiSet> VALIDATED_ROIS = PortSpec.rois("Validated ROIs",
            "The ROIs that fire: the functional neurons.");
    public static final PortSpec<Picture> RASTER_PLOT = PortSpec.picture("Raster plot",
            "Neurons (rows) over time (columns).");
    public static final PortSpec<Picture> OVERLAY = PortSpec.picture("Overlay",
            "ROIs outlined on the mean image: kept green, others red.");
    public static final PortSpec<Table> EVIDENCE = PortSpec.activity("Activity evidence",
            "Every input ROI with its rises above and dips below the noise band, the share of rises, its largest "
                    + "rise, whether it was kept and by which rule it was kept or dropped.");

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
                + "(neuropil, leaving out other ROIs; its mean, or its median, which a neighbour firing in part of "
                + "the ring does not move), ΔF/F against a running-percentile baseline, a 1-D "
                + "Difference of Gaussians that keeps calcium transients, and a threshold in units of the trace's "
                + "robust noise. Frames above it are active (the raster); each run of active frames is an event. "
                + "To decide whether a neuron fires, the smoothed ΔF/F minus its running median (which, unlike the "
                + "filtered trace, does not undershoot after a transient) is compared with the same noise band: "
                + "noise crosses it downwards as often as upwards, calcium transients only upwards, so a neuron is "
                + "kept when its rises outnumber its dips by the minimum number of events and make at least the "
                + "minimum share of its crossings, or when one rise is a clear transient: far above the noise and "
                + "twice as high as its deepest dip; either way its largest rise must reach the smallest peak. "
                + "Traces and raster hold the kept neurons, the evidence table every input ROI with its rises, dips, "
                + "decision and the rule that made it; the pictures show the raster of every ROI (kept neurons "
                + "black, others red) and the ROIs on the mean image (kept green, others red). When fewer than "
                + "three in ten ROIs are kept and the ROIs cover more than a fifth of the frame, the node warns: "
                + "the segmentation has likely marked the recording's noise, and cells may be missed.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(NEUROPIL, NEUROPIL_ESTIMATE, RING_GAP, RING_WIDTH, BASELINE_WINDOW, BASELINE_PERCENTILE, NARROW,
                WIDE, THRESHOLD, MIN_EVENTS, MIN_RISE_SHARE, CLEAR_TRANSIENT, MIN_PEAK, FRAME_RATE);
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(VIDEO, ROIS);
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(TRACES, RASTER, VALIDATED_ROIS, RASTER_PLOT, OVERLAY, EVIDENCE);
    }

    /**
     * Workflows saved before 0.2 had neither the clear-transient rule nor the smallest peak: they keep deciding by the
     * counts alone; and they measured the neuropil ring by its mean (the default).
     */
    @Override
    public List<KeyMigration> settingsMigrations() {
        return List.of(new KeyMigration.Added(CLEAR_TRANSIENT.key(), "0.2", 0.0),
                new KeyMigration.Added(MIN_PEAK.key(), "0.2", 0.0),
                new KeyMigration.Added(NEUROPIL_ESTIMATE.key(), "0.2", RING_MEAN));
    }

    /** @return the video's frame rate, or the stage's fallback when the video does not record one */
    public static double frameRateHz(Video video, Parameters parameters) {
        return video.frameRateHz() > 0 ? video.frameRateHz() : parameters.getDouble(FRAME_RATE);
    }

    /** @throws IllegalArgumentException when the wide sigma does not exceed the narrow one */
    @Override
    public void checkParameters(Parameters parameters) {
        if (parameters.getDouble(WIDE) <= parameters.getDouble(NARROW)) {
            throw new IllegalArgumentException("'" + WIDE.label() + "' (" + parameters.getDouble(WIDE)
                    + ") must exceed '" + NARROW.label() + "' (" + parameters.getDouble(NARROW) + ")");
        }
    }

    @Override
    public PortValues run(PortValues inputs, Parameters given, StageContext context)
            throws NeurosegException, CanceledException {
        checkParameters(given);
        Video video = inputs.get(VIDEO);
        Parameters parameters = given.resolvedFor(video.recording());
        RoiSet rois = inputs.get(ROIS);
        double rate = frameRateHz(video, parameters);
        TraceExtractor extractor = new TraceExtractor(rois, parameters.getDouble(RING_GAP),
                parameters.getDouble(RING_WIDTH), parameters.getString(NEUROPIL_ESTIMATE).equals(RING_MEDIAN));
        float[] mean = new float[rois.height() * rois.width()];
        TraceExtractor.Fluorescence fluorescence = extractor.extract(video, mean,
                context.monitor().subMonitor(0, 0.9));
        int count = rois.size();
        float[][] dff = new float[count][];
        BitSet[] active = new BitSet[count];
        EventDetector.Crossings[] crossings = new EventDetector.Crossings[count];
        double coefficient = parameters.getDouble(NEUROPIL);
        int window = Math.max(1, (int) Math.round(parameters.getDouble(BASELINE_WINDOW) * rate));
        IntStream.range(0, count).parallel().forEach(r -> {
            float[] trace = fluorescence.roi()[r];
            for (int t = 0; t < trace.length; t++) {
                trace[t] -= (float) (coefficient * fluorescence.ring()[r][t]);
            }
            dff[r] = EventDetector.deltaFOverF(trace, window, parameters.getDouble(BASELINE_PERCENTILE));
            active[r] = EventDetector.activeFrames(dff[r], parameters.getDouble(NARROW) * rate,
                    parameters.getDouble(WIDE) * rate, parameters.getDouble(THRESHOLD));
            crossings[r] = ActivityEvidence.crossings(dff[r], parameters, rate);
        });
        context.monitor().checkCanceled();
        int[] ids = rois.rois().stream().mapToInt(Roi::id).toArray();
        EventDetector.Verdict[] verdicts = Arrays.stream(crossings)
                .map(roi -> ActivityEvidence.verdict(roi, parameters)).toArray(EventDetector.Verdict[]::new);
        List<Integer> keptRows = IntStream.range(0, count).filter(r -> verdicts[r].kept()).boxed().toList();
        Set<Integer> keptIds = new HashSet<>();
        keptRows.forEach(r -> keptIds.add(ids[r]));
        int[] keptIdArray = keptRows.stream().mapToInt(r -> ids[r]).toArray();
        Raster raster = new Raster(ids, video.shape().frames(), List.of(active));
        ValidationYield.hint(rois, keptRows.size()).ifPresent(context::warn);
        context.monitor().setProgress(1, null);
        return PortValues.of(TRACES, new Traces(keptIdArray, keptRows.stream().map(r -> dff[r])
                .toArray(float[][]::new)))
                .with(RASTER, new Raster(keptIdArray, raster.frames(), keptRows.stream().map(r -> active[r])
                        .toList()))
                .with(VALIDATED_ROIS, new RoiSet(rois.height(), rois.width(), keptRows.stream()
                        .map(r -> rois.rois().get(r)).toList()))
                .with(RASTER_PLOT, RasterPlot.draw(raster, keptIds))
                .with(OVERLAY, Pictures.toPicture(Pictures.outlines(mean, rois.height(), rois.width(), rois,
                        id -> keptIds.contains(id) ? 0x00FF00 : 0xFF3030)))
                .with(EVIDENCE, ActivityEvidence.table(ids, crossings, verdicts));
    }
}
