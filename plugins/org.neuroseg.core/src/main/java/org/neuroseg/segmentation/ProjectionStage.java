package org.neuroseg.segmentation;

import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.imaging.ConnectedComponents;
import org.neuroseg.imaging.GaussianFilter;
import org.neuroseg.imaging.Statistics;
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

/**
 * Projection: the baselines of the paper's Table 2. The maximum, mean or standard deviation of every pixel over time
 * (the last, a common one-photon baseline, shows cells that are dim at rest but flash), the background
 * (a wide Gaussian blur of the projection) subtracted, thresholded by Otsu's method or at a percentile; connected
 * components of the mask (8-connectivity) are the ROIs. Streams the video once.
 */
public final class ProjectionStage implements Stage {

    /** The stage. */
    public static final ProjectionStage INSTANCE = new ProjectionStage();

    /** Maximum over time. */
    public static final String MAX = "max";
    /** Mean over time. */
    public static final String MEAN = "mean";
    /** Otsu's threshold. */
    public static final String OTSU = "otsu";
    /** Standard deviation over time. */
    public static final String STD = "std";
    /** Sum over time. */
    public static final String SUM = "sum";
    /** A percentile of the pixel values. */
    public static final String PERCENTILE = "percentile";

    public static final ParamSpec PROJECTION = ParamSpec.choice("projection", "Projection", MAX,
            List.of(MAX, MEAN, STD, SUM), "Max: the brightest value of each pixel over time (cells that flash "
                    + "stand out). Mean: the average (cells that are bright on average stand out). Std: the standard "
                    + "deviation over time (cells whose brightness changes stand out, also those barely visible at "
                    + "rest, as in one-photon recordings). Sum: the total over time; of the U-Net's per-frame "
                    + "probabilities of active cells, the number of frames in which each pixel is active.");
    public static final ParamSpec BACKGROUND_SIGMA = ParamSpec.decimal("backgroundSigmaPx",
            "Background scale (px)", 15, 0, 1000, "The projection blurred with a Gaussian of this sigma is "
                    + "subtracted before thresholding, to remove uneven illumination and neuropil; 0 keeps it.")
            .derivedFromCellDiameter(new CellScaling(1.875, 1));
    public static final ParamSpec METHOD = ParamSpec.choice("thresholdMethod", "Threshold method", OTSU,
            List.of(OTSU, PERCENTILE), "Otsu: the threshold that best separates two classes of pixels. "
                    + "Percentile: pixels above the given percentile.");
    public static final ParamSpec PERCENT = ParamSpec.decimal("percentile", "Percentile (%)", 90, 0, 100,
            "For the percentile method: the share of pixels left out of the mask.");

    public static final PortSpec<Video> VIDEO = PortSpec.video("Video",
            "A calcium-imaging video, preferably preprocessed.");
    public static final PortSpec<Video> PROJECTED_IMAGE = PortSpec.image("Projection",
            "The max, mean or standard-deviation image (float).");
    public static final PortSpec<Video> MASK = PortSpec.image("Mask", "The thresholded projection: uint8, 1 inside.");
    public static final PortSpec<RoiSet> ROIS = PortSpec.rois("ROIs", "The connected components of the mask.");

    private ProjectionStage() {
    }

    @Override
    public String id() {
        return "projection";
    }

    @Override
    public String name() {
        return "Projection";
    }

    @Override
    public StageCategory category() {
        return StageCategory.SEGMENTATION;
    }

    @Override
    public String shortDescription() {
        return "Max or mean projection of a video, thresholded into a mask: the classical baselines.";
    }

    @Override
    public String description() {
        return "Projects the video over time (maximum or mean of every pixel), subtracts a smooth background and "
                + "thresholds the result (Otsu or a percentile) into a mask whose connected components are the "
                + "ROIs. These are the baselines the paper compares its method with: the max projection finds "
                + "nearly every cell that ever fired but also much else (high recall, low precision); the mean "
                + "projection finds cells that are bright on average, silent ones included.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(PROJECTION, BACKGROUND_SIGMA, METHOD, PERCENT);
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(VIDEO);
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(PROJECTED_IMAGE, MASK, ROIS);
    }

    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException, CanceledException {
        Video video = inputs.get(VIDEO);
        VideoShape shape = video.shape();
        if (shape.frames() == 0) {
            throw new NeurosegException("The video has no frames to project");
        }
        parameters = parameters.resolvedFor(video.recording());
        float[] projection = project(video, parameters.getString(PROJECTION), context);
        float[] flattened = flatten(projection, shape, parameters.getDouble(BACKGROUND_SIGMA));
        double threshold = parameters.getString(METHOD).equals(OTSU) ? Statistics.otsu(flattened)
                : Statistics.percentile(flattened, parameters.getDouble(PERCENT));
        boolean[] mask = new boolean[flattened.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = flattened[i] > threshold;
        }
        ConnectedComponents components = ConnectedComponents.of(mask, shape.height(), shape.width(), true);
        String name = parameters.getString(PROJECTION);
        return PortValues.of(PROJECTED_IMAGE, Images.write(context, name + "_projection", projection,
                        shape.height(), shape.width(), PixelType.FLOAT32, video.recording()))
                .with(MASK, Images.write(context, name + "_mask", Images.toFloats(mask), shape.height(),
                        shape.width(), PixelType.UINT8, video.recording()))
                .with(ROIS, Images.toRois(components.labels(), components.count(), shape.height(), shape.width()));
    }

    private static float[] project(Video video, String projection, StageContext context)
            throws NeurosegException, CanceledException {
        VideoShape shape = video.shape();
        float[] frame = new float[shape.pixelsPerFrame()];
        boolean max = projection.equals(MAX);
        double[] sum = new double[max ? 0 : frame.length];
        double[] sumOfSquares = new double[projection.equals(STD) ? frame.length : 0];
        float[] result = new float[frame.length];
        java.util.Arrays.fill(result, Float.NEGATIVE_INFINITY);
        for (int t = 0; t < shape.frames(); t++) {
            context.monitor().checkCanceled();
            video.readFrame(t, frame);
            for (int i = 0; i < frame.length; i++) {
                if (max) {
                    result[i] = Math.max(result[i], frame[i]);
                } else {
                    sum[i] += frame[i];
                }
            }
            for (int i = 0; i < sumOfSquares.length; i++) {
                sumOfSquares[i] += (double) frame[i] * frame[i];
            }
            context.monitor().setProgress((t + 1.0) / shape.frames(), null);
        }
        if (!max) {
            int frames = shape.frames();
            for (int i = 0; i < result.length; i++) {
                double mean = sum[i] / frames;
                result[i] = (float) (projection.equals(SUM) ? sum[i] : sumOfSquares.length == 0 ? mean
                        : Math.sqrt(Math.max(0, sumOfSquares[i] / frames - mean * mean)));
            }
        }
        return result;
    }

    private static float[] flatten(float[] image, VideoShape shape, double sigma) throws NeurosegException {
        if (sigma == 0) {
            return image.clone();
        }
        float[] background = new float[image.length];
        try (GaussianFilter filter = new GaussianFilter(shape.height(), shape.width())) {
            filter.blur(image, sigma, background);
        }
        for (int i = 0; i < image.length; i++) {
            background[i] = image[i] - background[i];
        }
        return background;
    }
}
