package org.neuroseg.segmentation;

import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.imaging.ConnectedComponents;
import org.neuroseg.imaging.GaussianFilter;
import org.neuroseg.imaging.Morphology;
import org.neuroseg.imaging.Watershed;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.ParamSpec.CellScaling;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.settings.KeyMigration;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;

/**
 * Morphological Refinement: from a probability mask to labelled cells. Threshold, closing with a disk, hole filling,
 * connected components (8-connectivity), an optional watershed split of touching cells ({@link Watershed}) by shape
 * (after removing regions larger than the largest cell: a smear is not a clump of cells) or by the image's own
 * peaks, and removal of the pieces outside the
 * cell-size bounds; the kept cells are numbered 1..n in row-major order of their first pixel.
 */
public final class RefinementStage implements Stage {

    /** The stage. */
    public static final RefinementStage INSTANCE = new RefinementStage();

    public static final ParamSpec THRESHOLD = ParamSpec.decimal("threshold", "Probability threshold", 0.5, 0,
            65535, "Pixels above this value are foreground (0.5 for probabilities; masks of 0 and 1 pass as they "
                    + "are).");
    public static final ParamSpec CLOSING = ParamSpec.decimal("closingRadiusPx", "Closing radius (px)", 1, 0, 50,
            "Radius of the disk of the morphological closing that bridges small gaps; 0 skips it.")
            .derivedFromCellDiameter(new CellScaling(0.125, 1));
    public static final ParamSpec FILL_HOLES = ParamSpec.bool("fillHoles", "Fill holes", true,
            "Fill background enclosed by a region (a dim nucleus inside a bright cytosol).");
    public static final ParamSpec SPLIT = ParamSpec.bool("splitTouching", "Split touching cells", true,
            "Separate touching cells by a watershed on the distance to the background.");
    /** Split along the valleys of the distance to the background. */
    public static final String BY_SHAPE = "shape";
    /** Split along the valleys of the (slightly smoothed) input image. */
    public static final String BY_IMAGE = "image";
    public static final ParamSpec SPLIT_BY = ParamSpec.choice("splitBy", "Split by", BY_SHAPE,
            List.of(BY_SHAPE, BY_IMAGE), "Shape: touching cells are split where the region narrows (the distance "
                    + "to the background). Image: where the input dips between two peaks, for maps in which "
                    + "touching cells merge into broad regions but keep a peak each (e.g. the number of frames in "
                    + "which each pixel is active); regions larger than the maximum area are then split before "
                    + "they are judged.");
    public static final ParamSpec SEPARATION = ParamSpec.decimal("minSeparationPx", "Cell separation (px)", 6, 1,
            500, "For the split: centres closer than this are one cell (about the cell radius plus a little).")
            .derivedFromCellDiameter(new CellScaling(0.75, 1));
    public static final ParamSpec MIN_AREA = ParamSpec.integer("minAreaPx", "Minimum area (px)", 20, 1, 1_000_000,
            "Regions with fewer pixels are too small to be a cell and are removed.")
            .derivedFromCellDiameter(new CellScaling(0.3125, 2));
    public static final ParamSpec MAX_AREA = ParamSpec.integer("maxAreaPx", "Maximum area (px)", 400, 1, 100_000_000,
            "Regions with more pixels are too large to be a cell and are removed (before and after the split).")
            .derivedFromCellDiameter(new CellScaling(6.25, 2));

    public static final PortSpec<Video> MASK = PortSpec.image("Mask",
            "A probability mask (CGRU output) or a binary mask; its recorded cell diameter sets the size "
                    + "parameters left at auto.");
    public static final PortSpec<Video> LABELS = PortSpec.image("Labels",
            "uint16 label image: each cell's pixels hold its id.");
    public static final PortSpec<RoiSet> ROIS = PortSpec.rois("ROIs",
            "The cells: id, area, centroid, bounding box, pixels.");

    private RefinementStage() {
    }

    @Override
    public String id() {
        return "morphological-refinement";
    }

    @Override
    public String name() {
        return "Morphological Refinement";
    }

    @Override
    public StageCategory category() {
        return StageCategory.SEGMENTATION;
    }

    @Override
    public String shortDescription() {
        return "Turns a probability mask into labelled cells with mathematical morphology.";
    }

    @Override
    public String description() {
        return "The paper's refinement step. Thresholds a probability mask, closes small gaps with a disk, fills "
                + "holes, optionally splits touching cells with a watershed on the distance transform, labels the "
                + "connected regions and removes those smaller or larger than a cell. The label image and the ROI "
                + "table hold the same cells. The sizes left at auto derive from the cell diameter the mask records "
                + "(the Calcium Video Reader's, carried through the predictors), or 8 px when it records none.";
    }

    @Override
    public List<KeyMigration> settingsMigrations() {
        return List.of(new KeyMigration.Added(SPLIT_BY.key(), "0.2", BY_SHAPE));
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(THRESHOLD, CLOSING, FILL_HOLES, SPLIT, SPLIT_BY, SEPARATION, MIN_AREA, MAX_AREA);
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(MASK);
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(LABELS, ROIS);
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
            throws NeurosegException {
        Video image = inputs.get(MASK);
        parameters = parameters.resolvedFor(image.recording());
        checkParameters(parameters);
        int height = image.shape().height();
        int width = image.shape().width();
        RoiSet cells = refine(Images.read(image, "Mask"), height, width, parameters);
        if (cells.size() > 65535) {
            throw new NeurosegException(cells.size() + " cells do not fit a 16-bit label image: raise '"
                    + MIN_AREA.label() + "' or the '" + THRESHOLD.label() + "'");
        }
        context.monitor().setProgress(1, null);
        return PortValues.of(LABELS, Images.write(context, "labels", cells.toLabelImage(), height, width,
                PixelType.UINT16, image.recording())).with(ROIS, cells);
    }

    /** The image is smoothed by a Gaussian of the separation over this, so that noise makes no extra peaks. */
    private static final double SEPARATIONS_PER_SIGMA = 6;

    private static float[] smoothed(float[] image, int height, int width, double sigma) throws NeurosegException {
        float[] result = new float[image.length];
        try (GaussianFilter filter = new GaussianFilter(height, width)) {
            filter.blur(image, sigma, result);
        }
        return result;
    }

    /**
     * The refinement itself.
     *
     * @param probabilities height x width, row-major
     * @param parameters this stage's parameters, {@linkplain Parameters#resolvedFor resolved} (no auto values)
     * @return the kept cells, ids 1..n
     */
    public static RoiSet refine(float[] probabilities, int height, int width, Parameters parameters)
            throws NeurosegException {
        double threshold = parameters.getDouble(THRESHOLD);
        boolean[] mask = new boolean[probabilities.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = probabilities[i] > threshold;
        }
        double closing = parameters.getDouble(CLOSING);
        if (closing > 0) {
            mask = Morphology.close(mask, height, width, closing);
        }
        if (parameters.getBoolean(FILL_HOLES)) {
            mask = Morphology.fillHoles(mask, height, width);
        }
        int minArea = parameters.getInt(MIN_AREA);
        int maxArea = parameters.getInt(MAX_AREA);
        ConnectedComponents regions = ConnectedComponents.of(mask, height, width, true);
        if (parameters.getBoolean(SPLIT)) {
            double separation = parameters.getDouble(SEPARATION);
            if (parameters.getString(SPLIT_BY).equals(BY_IMAGE)) {
                regions = Watershed.split(mask, height, width, separation,
                        smoothed(probabilities, height, width, separation / SEPARATIONS_PER_SIGMA));
            } else {
                int[] areas = regions.areas();
                for (int i = 0; i < mask.length; i++) {
                    mask[i] &= areas[regions.labels()[i]] <= maxArea;
                }
                regions = Watershed.split(mask, height, width, separation);
            }
        }
        return Images.sizedRois(regions.labels(), regions.count(), minArea, maxArea, height, width);
    }
}
