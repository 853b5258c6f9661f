package org.neuroseg.preprocess;

import java.nio.file.Path;
import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.MotionShifts;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.ParamSpec.CellScaling;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.Picture;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.StageMetadata;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;
import org.opencv.imgproc.Imgproc;

/**
 * Motion Correction: registers every frame to a template with pyramidal Lucas-Kanade feature tracking, a robust
 * (RANSAC) transform and sub-pixel warping, with FFT cross-correlation where too few features are tracked, and
 * optional piecewise-rigid patches. The template is the mean of the first aligned frames and is refreshed from recent
 * corrected frames, so no error accumulates over long videos. Outputs the corrected video (same pixel type as the
 * input), the shifts table ({@link org.neuroseg.stage.MotionShifts}: dx, dy relative to the template, rotation,
 * tracked features, correlation with the template before and after) and a picture of the mean image before and
 * after correction with the shift traces.
 */
public final class MotionCorrectionStage implements Stage {

    /** The stage. */
    public static final MotionCorrectionStage INSTANCE = new MotionCorrectionStage();

    public static final ParamSpec TRANSFORM = ParamSpec.choice("transform", "Motion model", "translation",
            List.of("translation", "rigid", "partial-affine"),
            "translation: shifts only; rigid: shifts and rotation; partial-affine: shifts, rotation and uniform "
                    + "scale. Each is fitted to the tracked features by RANSAC.");
    public static final ParamSpec INTERPOLATION = ParamSpec.choice("interpolation", "Interpolation", "linear",
            List.of("linear", "cubic"), "How corrected frames are resampled at sub-pixel positions.");
    public static final ParamSpec TEMPLATE_FRAMES = ParamSpec.integer("templateFrames", "Template frames", 100, 1,
            100_000, "Frames averaged into the reference template (the first ones, then the most recent).");
    public static final ParamSpec TEMPLATE_REFRESH = ParamSpec.integer("templateRefreshFrames",
            "Template refresh (frames)", 500, 0, 1_000_000,
            "Rebuild the template from the last corrected frames every this many frames; 0 = never.");
    public static final ParamSpec MAX_FEATURES = ParamSpec.integer("maxFeatures", "Features to track", 400, 10,
            10_000, "Most features (cell-like corners of the template) tracked in each frame.");
    public static final ParamSpec MIN_FEATURES = ParamSpec.integer("minTrackedFeatures", "Fewest tracked features",
            20, 3, 10_000, "With fewer features tracked consistently, the frame's shift comes from "
                    + "FFT cross-correlation of the whole frame instead.");
    public static final ParamSpec MAX_SHIFT = ParamSpec.integer("maxShiftPx", "Largest shift (px)", 15, 0, 500,
            "Largest motion expected, in pixels: no frame is moved further along either axis (frames that have "
                    + "little in common with the template, such as ΔF/F frames, could otherwise be moved far). "
                    + "0 leaves every frame in place, for recordings that are already motion corrected.");
    public static final ParamSpec SMOOTHING_SIGMA = ParamSpec.decimal("estimationBlurSigmaPx",
            "Estimation blur sigma (px)", 1.0, 0.3, 20,
            "Gaussian blur of the copy used to estimate motion (not of the output), against noise.");
    public static final ParamSpec BACKGROUND_SIGMA = ParamSpec.decimal("estimationBackgroundSigmaPx",
            "Estimation background sigma (px)", 10, 1, 500,
            "Scale of the smooth background removed from the copy used to estimate motion; a few cell diameters.")
            .derivedFromCellDiameter(new CellScaling(1.25, 1));
    public static final ParamSpec PATCH_GRID = ParamSpec.integer("patchGrid", "Patches per side", 1, 1, 32,
            "1 corrects each frame with one transform; more divides it into patches that each get their own "
                    + "shift, interpolated smoothly (piecewise rigid, for non-uniform motion).");

    public static final PortSpec<Video> VIDEO = PortSpec.video("Video", "The video to correct, any pixel type.");
    public static final PortSpec<Video> CORRECTED_VIDEO = PortSpec.video("Corrected video",
            "The video moved back onto the template, in the input's pixel type.");
    public static final PortSpec<MotionShifts> SHIFTS = PortSpec.shifts("Shifts",
            "Per frame: dx, dy and rotation relative to the template, features tracked, correlation with the "
            + "template before and after.");
    public static final PortSpec<Picture> PICTURE = PortSpec.picture("Picture",
            "Mean image before and after correction side by side, and the shift traces.");

    private MotionCorrectionStage() {
    }

    @Override
    public String id() {
        return "motion-correction";
    }

    @Override
    public String name() {
        return "Motion Correction";
    }

    @Override
    public StageCategory category() {
        return StageCategory.PREPROCESSING;
    }

    @Override
    public String shortDescription() {
        return "Compensates the movement of the field of view by Lucas-Kanade tracking against a template.";
    }

    @Override
    public String description() {
        return "Estimates how each frame moved relative to a reference template and moves it back. The template is "
                + "the mean of the first frames after aligning them, refreshed from recent corrected frames, so "
                + "errors do not accumulate along the video. Motion is estimated on a band-passed copy of each "
                + "frame (blurred, smooth background removed): cell-like features of the template are tracked into "
                + "the frame with pyramidal Lucas-Kanade optical flow, a translation, rigid or partial-affine "
                + "transform is fitted by RANSAC, and where too few features are tracked the cross-correlation "
                + "of the whole frame with the template takes over. Frames are warped with sub-pixel accuracy, "
                + "edges replicated. Optionally the frame is "
                + "divided into patches with their own shifts (piecewise rigid). Shifts follow the convention that "
                + "a feature at (x, y) of the template appears at (x + dx, y + dy) in the frame. Run it on the "
                + "equalized video and apply the same shifts to the raw video with Apply Shifts.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(TRANSFORM, INTERPOLATION, TEMPLATE_FRAMES, TEMPLATE_REFRESH, MAX_FEATURES, MIN_FEATURES,
                MAX_SHIFT, SMOOTHING_SIGMA, BACKGROUND_SIGMA, PATCH_GRID);
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(VIDEO);
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(CORRECTED_VIDEO, SHIFTS, PICTURE);
    }

    /** @throws IllegalArgumentException when more features must agree than are tracked */
    @Override
    public void checkParameters(Parameters parameters) {
        ParamSpec.checkOrder(parameters, MIN_FEATURES, MAX_FEATURES);
    }

    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException, CanceledException {
        checkParameters(parameters);
        Video video = inputs.get(VIDEO);
        Path target = context.outputFiles().newFile("corrected" + VideoStore.EXTENSION);
        MotionCorrector.Result result = correct(video, parameters, target, FramePipeline.defaultThreads(),
                context.monitor());
        return PortValues.of(CORRECTED_VIDEO, VideoStore.open(result.video())).with(SHIFTS, result.shifts())
                .with(PICTURE, MotionPictures.beforeAfter(result.meanBefore(), result.meanAfter(), result.meanHeight(),
                        result.meanWidth(), result.shifts()));
    }

    /**
     * Corrects {@code video} into a new store at {@code target}.
     *
     * @param parameters this stage's parameters; auto sizes derive from the video's cell diameter
     * @param threads worker threads; the result does not depend on it
     */
    static MotionCorrector.Result correct(Video video, Parameters parameters, Path target, int threads,
            ProgressMonitor monitor) throws NeurosegException, CanceledException {
        Parameters sized = parameters.resolvedFor(video.recording());
        MotionCorrector corrector = new MotionCorrector(video, settings(sized), threads);
        return corrector.run(target, StageMetadata.of(INSTANCE, sized).toString(), monitor);
    }

    /** @return the checked settings the parameters describe */
    static MotionSettings settings(Parameters parameters) {
        return new MotionSettings(MotionSettings.Transform.ofKey(parameters.getString(TRANSFORM)),
                interpolation(parameters.getString(INTERPOLATION)), parameters.getDouble(SMOOTHING_SIGMA),
                parameters.getDouble(BACKGROUND_SIGMA), parameters.getInt(TEMPLATE_FRAMES),
                parameters.getInt(TEMPLATE_REFRESH), parameters.getInt(MAX_FEATURES),
                parameters.getInt(MIN_FEATURES), parameters.getInt(MAX_SHIFT), parameters.getInt(PATCH_GRID));
    }

    /** @return the OpenCV interpolation flag of an interpolation parameter's value ("nearest", "linear" or "cubic") */
    static int interpolation(String choice) {
        return switch (choice) {
            case "nearest" -> Imgproc.INTER_NEAREST;
            case "cubic" -> Imgproc.INTER_CUBIC;
            default -> Imgproc.INTER_LINEAR;
        };
    }
}
