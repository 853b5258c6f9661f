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
import org.neuroseg.stage.settings.KeyMigration;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;

/**
 * Cell Outlines: redraws each candidate cell's outline from the activity frames ({@link CellOutliner}). Streams the
 * video once.
 */
public final class CellOutlineStage implements Stage {

    /** The stage. */
    public static final CellOutlineStage INSTANCE = new CellOutlineStage();

    public static final ParamSpec LEVEL = ParamSpec.decimal("outlineLevel", "Outline level (share of the peak)", 0.5,
            0, 0.95, "An outline keeps the pixels whose activity rises with the cell's by at least this share of "
                    + "the footprint's peak, the 90th percentile over the cell's pixels (0.5: the footprint's half "
                    + "maximum; a percentile, because the very largest values are a few noisy pixels, and half of "
                    + "them drew outlines too small). Lower draws wider outlines; 0 keeps the outlines as they were "
                    + "found.");
    public static final ParamSpec MARGIN = ParamSpec.decimal("outlineMarginPx", "Outline margin (px)", 3, 0, 100,
            "How far an outline may reach beyond the cell's pixels as found, so that a neighbour that fires with "
                    + "the cell is not drawn into it.").derivedFromCellDiameter(new CellScaling(0.375, 1));

    public static final ParamSpec SPLIT_AREA = ParamSpec.decimal("splitAreaPx", "Split outlines larger than (px)", 96,
            0, 1_000_000, "An outline of more pixels than this whose footprint has several hills, each peak at least "
                    + "0.3 of the highest and a cell radius apart (the radius of a disk of half this area) with a "
                    + "valley between them below 0.9 of the lower peak, is cells that fired together and were found "
                    + "as one: it is split at the valleys, one cell per hill (one large cell's footprint is a "
                    + "plateau and stays whole). By default 1.5 d^2, about twice the area of a cell of diameter d. "
                    + "0: never split (workflows saved before this setting load with 0).")
            .derivedFromCellDiameter(new CellScaling(1.5, 2));

    public static final PortSpec<Video> ACTIVITY = PortSpec.video("Activity frames",
            "The activity frames the cells were found in (Activity Frames' output).");
    public static final PortSpec<RoiSet> CELLS = PortSpec.rois("Cells", "The candidate cells, e.g. from Active Cell "
            + "Tracking.");
    public static final PortSpec<RoiSet> OUTLINED = PortSpec.rois("Outlined cells",
            "The same cells (same ids) with their outlines drawn from the activity frames, no pixel in two; a cell "
                    + "found twice is dropped; the parts of a split cell after the first take new ids.");

    private CellOutlineStage() {
    }

    @Override
    public String id() {
        return "cell-outlines";
    }

    @Override
    public String name() {
        return "Cell Outlines";
    }

    @Override
    public StageCategory category() {
        return StageCategory.SEGMENTATION;
    }

    @Override
    public String shortDescription() {
        return "Redraws each cell's outline from how its pixels' activity follows the cell's over the recording.";
    }

    @Override
    public String description() {
        return "A per-frame network marks the pixels of a cell in the frames it fires, and with them noise beside it "
                + "that happens to rise in those frames; on one-photon recordings, whose noise comes in blobs, "
                + "outlines grow too large. This node measures, for every pixel near a cell, how much its activity "
                + "rises with the cell's mean activity over all frames (the slope of a least-squares fit, the cell's "
                + "footprint as CNMF estimates it), smooths it over 1 px and keeps the pixels connected to the cell "
                + "that reach the outline level of the footprint's peak (its 90th percentile over the cell), and "
                + "their convex hull (a cell body is convex: a ring-shaped soma whose footprint is stronger on one "
                + "side of its nucleus keeps its whole body, not a crescent). An outline that overlaps one drawn "
                + "before at IoU above 0.5 is the same cell found twice and is dropped; a pixel two outlines take "
                + "goes to the cell whose footprint there is the larger share of its peak. Cells whose footprint does "
                + "not rise keep their outline where no other takes it. An outline larger than 'Split outlines "
                + "larger than' whose footprint peaks on several cells (neighbours that fired together mix their "
                + "activity, and the footprint of the mix peaks on each) is split into one cell per peak. Sizes left "
                + "at auto derive from the cell "
                + "diameter the frames record, or 8 px.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(LEVEL, MARGIN, SPLIT_AREA);
    }

    @Override
    public List<KeyMigration> settingsMigrations() {
        return List.of(new KeyMigration.Added(SPLIT_AREA.key(), "0.2", 0.0));
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(ACTIVITY, CELLS);
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(OUTLINED);
    }

    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException, CanceledException {
        Video activity = inputs.get(ACTIVITY);
        RoiSet cells = inputs.get(CELLS);
        VideoShape shape = activity.shape();
        if (shape.height() != cells.height() || shape.width() != cells.width()) {
            throw new NeurosegException("The cells were found on frames of " + cells.height() + " x " + cells.width()
                    + " px, the activity frames " + activity.source() + " are " + shape.height() + " x "
                    + shape.width() + " px");
        }
        if (parameters.getDouble(LEVEL) == 0) {
            return PortValues.of(OUTLINED, cells);
        }
        parameters = parameters.resolvedFor(activity.recording());
        CellOutliner outliner = new CellOutliner(cells, parameters.getDouble(MARGIN), parameters.getDouble(LEVEL),
                parameters.getDouble(SPLIT_AREA));
        float[] frame = new float[shape.pixelsPerPlane()];
        for (int t = 0; t < shape.frames(); t++) {
            context.monitor().checkCanceled();
            activity.readChannel(t, 0, frame);
            outliner.push(frame);
            context.monitor().setProgress((t + 1.0) / shape.frames(), null);
        }
        return PortValues.of(OUTLINED, outliner.outlines());
    }
}
