package org.neuroseg.segmentation;

import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.ParamSpec.CellScaling;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Active Cell Tracking: the candidate cells from a per-frame network's probabilities of active cells (the U-Net
 * Predictor's output on activity frames), by following the regions marked in each frame from frame to frame
 * ({@link ActiveCellTracker}). Streams the video once.
 */
public final class ActiveCellTrackingStage implements Stage {

    private static final Logger LOGGER = LoggerFactory.getLogger(ActiveCellTrackingStage.class);

    /** The stage. */
    public static final ActiveCellTrackingStage INSTANCE = new ActiveCellTrackingStage();

    public static final ParamSpec THRESHOLD = ParamSpec.decimal("activeThreshold", "Active above (probability)", 0.5,
            0, 1, "A pixel is active in a frame where its probability exceeds this.");
    public static final ParamSpec MIN_FRAMES = ParamSpec.integer("minActiveFrames", "Fewest active frames", 2, 1,
            1_000_000, "A cell is kept when it is active in at least this many frames; a count, not a share, so that "
                    + "a cell that fires once is found in a long recording as in a short one.");
    public static final ParamSpec MIN_AREA = ParamSpec.integer("minCellAreaPx", "Minimum area (px)", 20, 1,
            1_000_000, "Regions of a frame with fewer pixels are not followed, and cells with fewer are removed.")
            .derivedFromCellDiameter(new CellScaling(0.3125, 2));
    public static final ParamSpec MAX_AREA = ParamSpec.integer("maxCellAreaPx", "Maximum area (px)", 400, 1,
            100_000_000, "Cells with more pixels are too large to be a cell and are removed.")
            .derivedFromCellDiameter(new CellScaling(6.25, 2));

    public static final PortSpec<Video> PROBABILITIES = PortSpec.video("Probabilities",
            "Per frame, the probability that each pixel belongs to a cell active in that frame (the U-Net "
                    + "Predictor's output on activity frames).");
    public static final PortSpec<Video> ACTIVE_FRAMES = PortSpec.image("Active frames",
            "float32: per pixel, the sum of its probabilities, the number of frames in which it is active.");
    public static final PortSpec<Video> LABELS = PortSpec.image("Labels",
            "uint16 label image: each cell's pixels hold its id.");
    public static final PortSpec<RoiSet> ROIS = PortSpec.rois("ROIs",
            "The cells: id, area, centroid, bounding box, pixels.");

    private ActiveCellTrackingStage() {
    }

    @Override
    public String id() {
        return "active-cell-tracking";
    }

    @Override
    public String name() {
        return "Active Cell Tracking";
    }

    @Override
    public StageCategory category() {
        return StageCategory.SEGMENTATION;
    }

    @Override
    public String shortDescription() {
        return "Follows the cells marked active in each frame through the video: the candidate cells.";
    }

    @Override
    public String description() {
        return "Cuts each frame's mask of active cells (probability above the threshold) into connected regions "
                + "and follows them from frame to frame: a region joins the cell whose core it overlaps by half, or "
                + "starts a new one (as SUNS merges its per-frame masks). A cell's core is where it was active in at "
                + "least half of its frames; cells active in enough frames and of a cell's size are the candidates, "
                + "a pixel in two cores going to the cell that covered it more often. Neighbouring cells rarely fire "
                + "together, so they stay apart where a map of all frames merges them. The sizes left at auto derive "
                + "from the cell diameter the probabilities record (the Calcium Video Reader's), or 8 px when they "
                + "record none.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(THRESHOLD, MIN_FRAMES, MIN_AREA, MAX_AREA);
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(PROBABILITIES);
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(ACTIVE_FRAMES, LABELS, ROIS);
    }

    /**
     * @throws IllegalArgumentException when the minimum area exceeds the maximum (checked once both are numbers:
     *         given, or derived from the cell diameter)
     */
    @Override
    public void checkParameters(Parameters parameters) {
        ParamSpec.checkOrder(parameters, MIN_AREA, MAX_AREA);
    }

    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException, CanceledException {
        Video probabilities = inputs.get(PROBABILITIES);
        VideoShape shape = probabilities.shape();
        if (shape.frames() == 0) {
            throw new NeurosegException("The probabilities have no frames to follow cells through");
        }
        parameters = parameters.resolvedFor(probabilities.recording());
        checkParameters(parameters);
        ActiveCellTracker tracker = tracker(shape.height(), shape.width(), parameters);
        float[] frame = new float[shape.pixelsPerFrame()];
        for (int t = 0; t < shape.frames(); t++) {
            context.monitor().checkCanceled();
            probabilities.readFrame(t, frame);
            tracker.push(frame);
            context.monitor().setProgress((t + 1.0) / shape.frames(), null);
        }
        RoiSet cells = cells(tracker, parameters);
        CellSizeHint.of(probabilities.recording(), cells, "the Calcium Video Reader's cell diameter")
                .ifPresent(context::warn);
        if (cells.size() > 65535) {
            throw new NeurosegException(cells.size() + " cells do not fit a 16-bit label image: raise '"
                    + MIN_AREA.label() + "', '" + MIN_FRAMES.label() + "' or '" + THRESHOLD.label() + "'");
        }
        double[] sum = tracker.activeFrames();
        float[] activeFrames = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            activeFrames[i] = (float) sum[i];
        }
        return PortValues.of(ACTIVE_FRAMES, Images.write(context, "active_frames", activeFrames, shape.height(),
                        shape.width(), PixelType.FLOAT32, probabilities.recording().withFrameRateHz(0)))
                .with(LABELS, Images.write(context, "labels", cells.toLabelImage(), shape.height(), shape.width(),
                        PixelType.UINT16, probabilities.recording().withFrameRateHz(0)))
                .with(ROIS, cells);
    }

    /**
     * @param parameters this stage's parameters, {@linkplain Parameters#resolvedFor resolved} (no auto values)
     * @return a tracker for frames of {@code height} x {@code width} with these parameters
     */
    public static ActiveCellTracker tracker(int height, int width, Parameters parameters) {
        return new ActiveCellTracker(height, width, parameters.getDouble(THRESHOLD), parameters.getInt(MIN_AREA));
    }

    /**
     * @param tracker a tracker from {@link #tracker} that has seen every frame
     * @param parameters the same parameters
     * @return the candidate cells
     */
    public static RoiSet cells(ActiveCellTracker tracker, Parameters parameters) {
        RoiSet cells = tracker.cells(parameters.getInt(MIN_FRAMES), parameters.getInt(MIN_AREA),
                parameters.getInt(MAX_AREA));
        LOGGER.info("Active Cell Tracking: {} cells followed, {} active in at least {} frames and of a cell's size",
                tracker.cellCount(), cells.size(), parameters.getInt(MIN_FRAMES));
        return cells;
    }
}
