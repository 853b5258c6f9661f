package org.neuroseg.dl.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.model.CgruModelFile;
import org.neuroseg.dl.model.ConvGruConfig;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.ParamSpec.PathKind;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.settings.KeyMigration;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;

/**
 * CGRU Learner: trains the convolutional GRU and its classifier on probability videos and one mask per video or one
 * label frame per video frame ({@link CgruTraining}) and writes a model file ({@link CgruModelFile}).
 */
public final class CgruLearnerStage implements Stage {

    /** The stage. */
    public static final CgruLearnerStage INSTANCE = new CgruLearnerStage();

    /** Suffix that pairs a probability video {@code NAME.nsv} with its mask {@code NAME.mask.nsv} in a folder. */
    public static final String MASK_SUFFIX = ".mask" + VideoStore.EXTENSION;

    public static final ParamSpec HIDDEN = ParamSpec.integer("hiddenChannels", "Hidden channels", 8, 1, 64,
            "Channels of the cell's memory at each pixel (the paper used 8). More remember more but run slower.");
    public static final ParamSpec KERNEL = ParamSpec.integer("kernelSize", "Kernel size (px)", 3, 1, 15,
            "Side of the convolution kernels of the gates, the candidate and the classifier; odd.");
    public static final ParamSpec CHUNK = ParamSpec.integer("chunkFrames", "Frames per chunk", 50, 1, 100_000,
            "Each video is cut into chunks of this many frames; the weights are updated after each chunk and the "
                    + "memory carries over to the next chunk without gradient (truncated back-propagation through "
                    + "time). Longer chunks learn longer dependencies but need more memory.");
    public static final ParamSpec CROP = ParamSpec.integer("cropSize", "Crop size (px)", 64, 8, 4096,
            "Side of the square windows, spanning the whole video in time, that the network trains on.");
    public static final ParamSpec CROPS = ParamSpec.integer("cropsPerVideo", "Windows per video", 4, 1, 256,
            "Windows taken at random from each training video in every epoch, trained together as one batch.");
    public static final ParamSpec VALIDATION = ParamSpec.decimal("validationFraction", "Validation share", 0.2,
            0.01, 0.5, "Share of the videos used to decide when to stop (the paper: 20 %). With a single video, "
                    + "fixed windows of that video validate.");
    public static final ParamSpec LEARNING_RATE = ParamSpec.decimal("learningRate", "Learning rate", 1e-3, 1e-7, 1,
            "Step size of the Adam optimiser (the paper used 0.001).");
    public static final ParamSpec LOSS = ParamSpec.choice("loss", "Loss", LossKind.BCE.key(),
            LossKind.keys(),
            "bce: binary cross-entropy (the paper's); dice: soft Dice, insensitive to how rare cell pixels are. "
                    + "The shipped CGRU learned with dice: trained on the same U-Net outputs, with cross-entropy it "
                    + "gave probabilities below one half over most cells it had seen fire (alone it found a quarter "
                    + "of the firing cells of held-out simulations, with dice three quarters).");
    public static final ParamSpec EPOCHS = ParamSpec.integer("maxEpochs", "Most epochs", 30, 1, 10_000,
            "Most passes over the training videos (about 15 s each for a 600-frame video on 2 cores). With 10, "
                    + "self-training's CGRU alone found the firing cells of held-out simulations at F1 0.50; with "
                    + "30, 0.73.");
    public static final ParamSpec PATIENCE = ParamSpec.integer("patience", "Early-stopping patience (epochs)", 10, 1,
            10_000, "Training stops when the validation loss has not fallen for this many epochs; the best epoch's "
                    + "network is kept. Not used when the late epochs are averaged.");
    public static final ParamSpec AVERAGE = ParamSpec.bool("averageLateEpochs", "Average the late epochs", false,
            "On: train every epoch and keep the mean of the networks of the last half of the epochs (weight "
                    + "averaging, as the U-Net Learner does by default), its batch normalisation statistics then "
                    + "measured on one pass of the training videos. Off: keep the network of the epoch with the "
                    + "lowest validation loss.");
    public static final ParamSpec SEED = ParamSpec.seed("seed", "Random seed", 1L,
            "Seed of the split, the windows and mirrors and the initial weights.");
    public static final ParamSpec MIN_LABELLED_FRAMES = ParamSpec.integer("minLabelledFrames",
            "Frames labelled to count", 1, 1, 1_000_000, "For a mask with one frame per video frame: a pixel counts "
                    + "as a functional cell once it was labelled in at least this many of the frames so far. 1 for "
                    + "labels of the cells active in each frame; for the Blob Labeler's blob masks, its 'Frames for "
                    + "the video mask', so that the target at the end is its video mask. A one-frame mask ignores "
                    + "it.");
    public static final ParamSpec MORE_DATA = ParamSpec.path("moreTrainingData", "Folder of more training videos",
            "", PathKind.FOLDER_TO_READ,
                    "Optional: every NAME.nsv probability video in this folder with a NAME.mask.nsv beside it is added "
                    + "to the training data, so that whole videos can validate.");

    public static final PortSpec<Video> PROBABILITIES = PortSpec.video("Probabilities",
            "Cell probability video, e.g. from the U-Net Predictor, values in [0, 1].");
    public static final PortSpec<Video> MASK = PortSpec.video("Mask",
            "The functional cells of that video: one frame (e.g. the Blob Labeler's video mask), or one frame per "
            + "video frame marking the cells active in it, so that the target after each chunk is what was labelled "
            + "so far; pixels above 0.5 are cells.");
    public static final PortSpec<ModelFile> MODEL = PortSpec.model("Model",
            "The trained CGRU (architecture \"cgru\").");

    private CgruLearnerStage() {
    }

    @Override
    public String id() {
        return "cgru-learner";
    }

    @Override
    public String name() {
        return "CGRU Learner";
    }

    @Override
    public StageCategory category() {
        return StageCategory.SEGMENTATION;
    }

    @Override
    public String shortDescription() {
        return "Trains a convolutional GRU to keep the cells that flash in a U-Net probability video.";
    }

    @Override
    public String description() {
        return "Trains the temporal model of González-Colín et al.: one convolutional GRU cell (update and reset "
                + "gates and candidate are convolutions over the frame and the memory; 8 memory channels by "
                + "default) reads the U-Net's probability video frame by frame, and a classifier (convolution, "
                + "batch norm, sigmoid) turns its final memory into the probability that each pixel belongs to a "
                + "functional neuron. A single frame shows every cell; only the history shows which ones flash. "
                + "Beside its learned memory the cell keeps each pixel's highest probability so far, which the "
                + "gates and the classifier read, so a cell that flashed once early in a long video is not "
                + "forgotten. The target is one mask per video (the Blob Labeler's video mask, the paper's "
                + "self-training, or ground truth of the functional cells) or a label video with the cells active "
                + "in each frame. "
                + "Each video is cut into chunks without overlap; after each chunk the loss (binary cross-entropy, "
                + "the paper's, or soft Dice) against the target is back-propagated and Adam updates the weights, "
                + "and the next chunk starts from the last memory with the gradient cut. With a label video the "
                + "target after a chunk is what was labelled up to its end: the network learns to remember a cell "
                + "it has seen fire, instead of being asked after every chunk for cells that fire only later. "
                + "Training uses random square "
                + "windows over the whole duration of each video, mirrored at random, and stops early when the "
                + "loss on the validation videos stops falling. Canceling after the first epoch keeps the best "
                + "network so far. The model file holds the parameters and a JSON of the architecture, the "
                + "hyperparameters and the losses of every epoch.";
    }

    @Override
    public List<KeyMigration> settingsMigrations() {
        return List.of(new KeyMigration.Added(MIN_LABELLED_FRAMES.key(), "0.2", 1),
                new KeyMigration.Added(LOSS.key(), "0.2", LossKind.BCE.key()),
                new KeyMigration.Added(AVERAGE.key(), "0.2", false));
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(HIDDEN, KERNEL, CHUNK, CROP, CROPS, VALIDATION, LEARNING_RATE, LOSS, EPOCHS, PATIENCE, AVERAGE,
                SEED, MIN_LABELLED_FRAMES, MORE_DATA);
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(PROBABILITIES, MASK);
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(MODEL);
    }

    /**
     * @return the training configuration the parameters describe
     * @throws IllegalArgumentException when a value is out of range (e.g. an even kernel size)
     */
    public static CgruTrainingConfig toConfig(Parameters parameters) {
        ConvGruConfig network = new ConvGruConfig(parameters.getInt(HIDDEN), parameters.getInt(KERNEL));
        return new CgruTrainingConfig(network, parameters.getInt(CHUNK), parameters.getInt(CROP),
                parameters.getInt(CROPS), parameters.getDouble(VALIDATION), parameters.getDouble(LEARNING_RATE),
                LossKind.fromKey(parameters.getString(LOSS)), parameters.getInt(EPOCHS), parameters.getInt(PATIENCE),
                parameters.getBoolean(AVERAGE), parameters.getLong(SEED), parameters.getInt(MIN_LABELLED_FRAMES));
    }

    /** @throws IllegalArgumentException when the training settings do not fit together (see {@link #toConfig}) */
    @Override
    public void checkParameters(Parameters parameters) {
        toConfig(parameters);
    }

    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException, CanceledException {
        CgruTrainingConfig config = toConfig(parameters);
        List<LabeledVideo> data = new ArrayList<>();
        data.add(new LabeledVideo("the input probability video", inputs.get(PROBABILITIES), inputs.get(MASK)));
        List<Video> opened = new ArrayList<>();
        try {
            TrainingFolder.addPairs(parameters.getPath(MORE_DATA), MASK_SUFFIX, "Folder of more training videos "
                    + "(moreTrainingData)", data, opened);
            CgruTraining.Result result = CgruTraining.run(config, data, context.monitor());
            Path file = context.outputFiles().newFile("cgru" + CgruModelFile.EXTENSION);
            return PortValues.of(MODEL, CgruModelFile.write(file, result.config(), result.parameters(),
                    result.summary()));
        } finally {
            TrainingFolder.closeAll(opened);
        }
    }
}
