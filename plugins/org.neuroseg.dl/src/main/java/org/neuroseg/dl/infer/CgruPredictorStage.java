package org.neuroseg.dl.infer;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.DjlEngine;
import org.neuroseg.dl.model.CgruModelFile;
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
 * CGRU Predictor: streams a probability video through a model written by the CGRU Learner ({@link CgruInference})
 * and writes the probability that each pixel belongs to a functional neuron as a one-frame float32 image. Memory
 * does not depend on the number of frames.
 */
public final class CgruPredictorStage implements Stage {

    /** The stage. */
    public static final CgruPredictorStage INSTANCE = new CgruPredictorStage();

    public static final ParamSpec TILE = ParamSpec.integer("tileSize", "Tile size (px)", 1024, 16, 8192,
            "Frames larger than this are cut into square tiles of this side, each with its own memory, to bound "
                    + "memory on very large frames.");
    public static final ParamSpec OVERLAP = ParamSpec.integer("tileOverlap", "Tile overlap (px)", 32, 0, 4096,
            "Smallest overlap of neighbouring tiles; seams fall in the middle of it.");

    public static final PortSpec<Video> PROBABILITIES = PortSpec.video("Probabilities",
            "Cell probability video, e.g. from the U-Net Predictor, values in [0, 1].");
    public static final PortSpec<ModelFile> MODEL = PortSpec.model("Model", "A CGRU model file from the CGRU Learner.");
    public static final PortSpec<Video> FUNCTIONAL_PROBABILITY = PortSpec.image("Functional probability",
            "Probability that each pixel belongs to a functional neuron, one float32 frame in [0, 1].");

    private CgruPredictorStage() {
    }

    @Override
    public String id() {
        return "cgru-predictor";
    }

    @Override
    public String name() {
        return "CGRU Predictor";
    }

    @Override
    public StageCategory category() {
        return StageCategory.SEGMENTATION;
    }

    @Override
    public String shortDescription() {
        return "Keeps the cells that flash: a probability mask of functional neurons from a probability video.";
    }

    @Override
    public String description() {
        return "Feeds a cell probability video (the U-Net Predictor's output) frame by frame through a "
                + "convolutional GRU trained by the CGRU Learner; after the last frame its classifier turns the "
                + "memory into the probability, from 0 to 1, that each pixel belongs to a functional (flashing) "
                + "neuron. Silent cells, present in every frame but never changing, fade out. Streams the video: "
                + "memory stays the same for any number of frames. Threshold the output at 0.5 for a mask, or "
                + "pass it to the refinement.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(TILE, OVERLAP);
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(PROBABILITIES, MODEL);
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(FUNCTIONAL_PROBABILITY);
    }

    /** @throws IllegalArgumentException when the tiles overlap by half their size or more */
    @Override
    public void checkParameters(Parameters parameters) {
        Tiling.checkOverlap(parameters, TILE, OVERLAP);
    }

    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException, CanceledException {
        checkParameters(parameters);
        Video video = inputs.get(PROBABILITIES);
        ModelFile model = inputs.get(MODEL);
        VideoShape shape = video.shape();
        if (shape.frames() == 0) {
            throw new NeurosegException("CGRU Predictor: the probability video has no frames");
        }
        Path target = context.outputFiles().newFile("cgru_probability" + VideoStore.EXTENSION);
        float[] probability;
        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            CgruModelFile.Loaded loaded = CgruModelFile.read(model.file(), manager);
            try (CgruInference inference = inference(loaded, manager, shape, parameters)) {
                float[] frame = new float[shape.pixelsPerFrame()];
                for (int t = 0; t < shape.frames(); t++) {
                    context.monitor().checkCanceled();
                    video.readFrame(t, frame);
                    inference.push(frame);
                    context.monitor().setProgress((t + 1.0) / shape.frames(), null);
                }
                probability = inference.probability();
            }
        }
        // the image keeps the video's pixel size and cell diameter (Refinement's auto sizes), not its frame rate
        try (VideoWriter writer = VideoStore.create(target, new VideoShape(0, shape.height(), shape.width(),
                PixelType.FLOAT32), video.recording().withFrameRateHz(0), "{\"stage\":\"cgru-predictor\",\"frames\":"
                + shape.frames() + "}")) {
            writer.append(probability);
            writer.commit();
        }
        return PortValues.of(FUNCTIONAL_PROBABILITY, VideoStore.open(target));
    }

    private static CgruInference inference(CgruModelFile.Loaded loaded, NDManager manager, VideoShape shape,
            Parameters parameters) throws NeurosegException {
        try {
            return new CgruInference(loaded.network(), manager, shape.height(), shape.width(),
                    parameters.getInt(TILE), parameters.getInt(OVERLAP));
        } catch (IllegalArgumentException e) {
            throw new NeurosegException("CGRU Predictor: " + e.getMessage(), e);
        }
    }
}
