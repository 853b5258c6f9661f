package org.neuroseg.dl.infer;

import ai.djl.ndarray.NDManager;
import org.neuroseg.dl.DjlEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.segmentation.StrongActivityCoverage;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.VideoWriter;

/**
 * U-Net Predictor: applies a model written by the U-Net Learner to every frame of a video and writes the cell
 * probability of each pixel as a float32 video of the same size and frame count. Streams: memory does not depend on
 * the number of frames.
 */
public final class UNetPredictorStage implements Stage {

    /** The stage. */
    public static final UNetPredictorStage INSTANCE = new UNetPredictorStage();

    public static final ParamSpec BATCH = ParamSpec.integer("batchSize", "Frames per batch", 1, 1, 64,
            "Frames sent through the network together. On a CPU one frame at a time is fastest.");
    public static final ParamSpec TILE = ParamSpec.integer("tileSize", "Tile size (px)", 512, 16, 8192,
            "Frames larger than this are cut into overlapping tiles of at most this side (a multiple of 2 to the "
                    + "power of the model's levels): as few as cover the frame, each as short as that allows.");
    public static final ParamSpec OVERLAP = ParamSpec.integer("tileOverlap", "Tile overlap (px)", 32, 0, 4096,
            "Smallest overlap of neighbouring tiles; seams fall in the middle of it.");
    /** Consecutive frames averaged into one U-Net input (temporal binning). */
    public static final ParamSpec FRAMES_AVERAGED = ParamSpec.integer("framesAveraged", "Frames averaged", 1, 1,
            1000,
            "Predicts once for the mean of this many consecutive frames and gives every frame of the group that "
                    + "prediction: k times faster, less noise, blurs fast changes.");

    public static final PortSpec<Video> VIDEO = PortSpec.video("Video",
            "Preprocessed frames of the kind the model was trained on: Activity Frames for the shipped model.");
    public static final PortSpec<ModelFile> MODEL = PortSpec.model("Model",
            "A U-Net model file from the U-Net Learner.");
    public static final PortSpec<Video> PROBABILITIES = PortSpec.video("Probabilities",
            "Cell probability of every pixel, float32 in [0, 1], one frame per input frame.");

    private UNetPredictorStage() {
    }

    @Override
    public String id() {
        return "unet-predictor";
    }

    @Override
    public String name() {
        return "U-Net Predictor";
    }

    @Override
    public StageCategory category() {
        return StageCategory.SEGMENTATION;
    }

    @Override
    public String shortDescription() {
        return "Finds cell bodies in every frame with a trained U-Net: a probability video.";
    }

    @Override
    public String description() {
        return "Applies a U-Net written by the U-Net Learner to each frame, normalised as the model records it "
                + "was trained (median 0 and unit noise; models trained before 2026-12-07, the shipped one "
                + "among them, mean 0 and standard deviation 1). Large frames are cut into overlapping tiles and "
                + "stitched. When "
                + "the video's cell diameter (set in the Calcium Video Reader) lies outside the cell sizes of the "
                + "videos the model learned from (recorded in the model), each frame is resized so that its cells "
                + "have a size the model knows, and the probabilities are resized back. The "
                + "output has one float32 frame per input frame: the probability, from 0 to 1, that each pixel "
                + "belongs to a cell body that is active in that frame (a model trained on activity frames, as the "
                + "shipped one) or visible in it (a model trained on equalized frames). The model's card says "
                + "which frames it reads: give it the output of Activity Frames or of Motion Correction "
                + "accordingly. Feed the probabilities to the CGRU Predictor, or threshold them at 0.5 for a mask. A "
                + "model that reads activity frames warns when it marks under a fifth of the pixels they show "
                + "strongly active (5 noise units or more): it may not suit that kind of recording, and models "
                + "trained on your own recordings (the workflow train-on-my-videos) will find more.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(BATCH, TILE, OVERLAP, FRAMES_AVERAGED);
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(VIDEO, MODEL);
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(PROBABILITIES);
    }

    /** @throws IllegalArgumentException when the tiles overlap by half their size or more */
    @Override
    public void checkParameters(Parameters parameters) {
        Tiling.checkOverlap(parameters, TILE, OVERLAP);
    }

    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException, CanceledException {
        Prediction prediction = predict(inputs.get(VIDEO), inputs.get(MODEL), parameters, context);
        prediction.coverage().flatMap(StrongActivityCoverage::hint).ifPresent(context::warn);
        return PortValues.of(PROBABILITIES, prediction.probabilities());
    }

    /**
     * What the stage computes, with how much of the strong activity the U-Net marked.
     *
     * @param probabilities per frame, the probability of each pixel
     * @param coverage for a U-Net that reads Activity Frames, how much of their strong activity it marked; empty
     *        for other U-Nets
     */
    public record Prediction(Video probabilities, Optional<StrongActivityCoverage> coverage) {
    }

    /**
     * Runs the U-Net over every frame of {@code video}, as the stage does, without warning: the caller decides what
     * a low coverage means to its user.
     *
     * @throws NeurosegException when the model cannot be read or does not fit the video or the parameters
     */
    public static Prediction predict(Video video, ModelFile model, Parameters parameters, StageContext context)
            throws NeurosegException, CanceledException {
        INSTANCE.checkParameters(parameters);
        Path target = context.outputFiles().newFile("unet_probabilities" + VideoStore.EXTENSION);
        StrongActivityCoverage coverage;
        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            UNetModelFile.Loaded loaded = UNetModelFile.read(model.file(), manager);
            UNetInference inference;
            try {
                inference = UNetInference.forRecording(loaded, manager, parameters.getInt(TILE),
                        parameters.getInt(OVERLAP), video.recording());
            } catch (IllegalArgumentException e) {
                throw new NeurosegException("U-Net Predictor: " + e.getMessage(), e);
            }
            coverage = loaded.readsActivity() ? new StrongActivityCoverage() : null;
            predict(loaded.framesToRead(video), inference, parameters.getInt(BATCH),
                    parameters.getInt(FRAMES_AVERAGED), target, coverage, context);
        }
        return new Prediction(VideoStore.open(target), Optional.ofNullable(coverage));
    }

    /**
     * Writes the probabilities of every frame to {@code target}; {@code coverage}, when not null, meets each group's
     * input with its probabilities.
     */
    private static void predict(Video video, UNetInference inference, int batchSize, int bin, Path target,
            StrongActivityCoverage coverage, StageContext context) throws NeurosegException, CanceledException {
        VideoShape shape = video.shape();
        inference.checkInput(shape, "the input video");
        FrameGroups groups = new FrameGroups(shape.frames(), bin);
        try (VideoWriter writer = VideoStore.create(target, new VideoShape(0, shape.height(), shape.width(),
                PixelType.FLOAT32), video.recording(), "{\"stage\":\"unet-predictor\",\"framesAveraged\":" + bin
                + "}")) {
            float[] frame = new float[shape.pixelsPerFrame()];
            for (int first = 0; first < groups.count(); first += batchSize) {
                context.monitor().checkCanceled();
                int count = Math.min(batchSize, groups.count() - first);
                float[][] means = new float[count][shape.pixelsPerFrame()];
                for (int g = 0; g < count; g++) {
                    groups.mean(video, first + g, frame, means[g]);
                }
                float[][] probabilities = inference.predict(means, shape.height(), shape.width());
                for (int g = 0; g < count; g++) {
                    if (coverage != null) {
                        coverage.push(means[g], shape.channels(), probabilities[g]);
                    }
                    for (int t = 0; t < groups.length(first + g); t++) {
                        writer.append(probabilities[g]);
                    }
                }
                context.monitor().setProgress((first + count) / (double) groups.count(), null);
            }
            writer.commit();
        }
    }
}
