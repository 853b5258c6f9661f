package org.neuroseg.dl.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.model.UNetConfig;
import org.neuroseg.dl.model.UNetInput;
import org.neuroseg.dl.model.UNetModelFile;
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
 * U-Net Learner: trains the U-Net with ASPP bottleneck on videos and label videos ({@link UNetTraining}) and writes
 * a model file ({@link UNetModelFile}).
 */
public final class UNetLearnerStage implements Stage {

    /** The stage. */
    public static final UNetLearnerStage INSTANCE = new UNetLearnerStage();

    /** Suffix that pairs a video {@code NAME.nsv} with its labels {@code NAME.labels.nsv} in a training folder. */
    public static final String LABELS_SUFFIX = ".labels" + VideoStore.EXTENSION;

    public static final ParamSpec INPUT_FRAMES = ParamSpec.choice("inputFrames", "Input frames",
            UNetInput.ACTIVITY.key(), UNetInput.keys(), "What the video on the input port holds, recorded in the "
                    + "model so that the U-Net and CGRU Predictors and `neuroseg run` give it the same kind. activity: "
                    + "the Activity Frames of the motion-corrected recording, with labels of the cells active in "
                    + "each frame (the network then shows when a cell fires); equalized: Local Equalization and "
                    + "Motion Correction, the paper's input, with labels of the cells visible in each frame.");
    public static final ParamSpec CONTEXT = ParamSpec.integer("contextFrames", "Frames of context each side", 0, 0,
            UNetModelFile.MAX_CONTEXT_FRAMES, "The network reads each frame together with this many frames before "
                    + "and after it (as more input channels; the first and last frame stand in beyond the ends) and "
                    + "marks what is active in the frame itself: a transient rises and decays over several frames, "
                    + "which one frame alone cannot show. Recorded in the model, so that the predictors and `neuroseg "
                    + "run` give it the same frames. 0: each frame alone, as the paper's network and the shipped "
                    + "U-Net. With 1, three training runs each marked the real miniscope sessions (one of three "
                    + "without context marked almost nothing there) and scored as well on held-out simulations "
                    + "(bench/RESULTS.md, 2026-12-07).");
    public static final ParamSpec BASE_CHANNELS = ParamSpec.integer("baseChannels", "Base channels",
            UNetConfig.DEFAULT.baseChannels(), 1, 64, "Feature channels of the first level; each deeper level "
                    + "doubles them. More channels learn more but run slower (8 on 2 x 2 pixel patches: about 1 GMAC "
                    + "a 512 x 512 frame; twice the channels, about four times the work).");
    public static final ParamSpec DEPTH = ParamSpec.integer("depth", "Levels", UNetConfig.DEFAULT.depth(), 1, 6,
            "How many times the encoder halves the resolution before the ASPP bottleneck.");
    public static final ParamSpec PATCH = ParamSpec.integer("patchSize", "Pixel patch (px)",
            UNetConfig.DEFAULT.patchSize(), 1,
            UNetConfig.MAX_PATCH_SIZE, "Side of the square pixel patches the network folds into channels before "
                    + "its first level and unfolds after its last: with 2 it runs on a quarter of the pixels "
                    + "(each 2 x 2 patch as 4 channels, no pixel dropped), several times faster on a CPU. 1: every "
                    + "level at the frame's resolution.");
    public static final ParamSpec SAMPLE_FRAMES = ParamSpec.integer("sampleFrames", "Frames sampled", 1500, 3,
            1_000_000, "Frames drawn at random across all videos and split into training, validation and test "
                    + "(the paper used 1500).");
    public static final ParamSpec VALIDATION = ParamSpec.decimal("validationFraction", "Validation share", 0.1,
            0.01, 0.49, "Share of the videos (or, with fewer than three videos, of each video's frames) used to "
                    + "decide when to stop.");
    public static final ParamSpec TEST = ParamSpec.decimal("testFraction", "Test share", 0.1, 0.01, 0.49,
            "Share of the videos (or of each video's last frames) held out to score the final model.");
    public static final ParamSpec CROP = ParamSpec.integer("cropSize", "Crop size (px)", 128, 16, 1024,
            "Side of the square crops the network trains on; a multiple of 2 to the power of the levels.");
    public static final ParamSpec BATCH = ParamSpec.integer("batchSize", "Crops per step", 8, 1, 256,
            "Crops in each training step.");
    public static final ParamSpec CELL_CROPS = ParamSpec.decimal("cellCropShare", "Crops on cells (share)", 0.5, 0,
            1, "Share of the crops placed over a labelled pixel of their frame instead of anywhere. When few cells "
                    + "are active in a frame (a sparse recording, or self-training's blob labels of a quiet one), "
                    + "most crops anywhere hold no cell and the network learns to mark nothing. 0: every crop "
                    + "anywhere (the shipped U-Net was trained so).");
    public static final ParamSpec LEARNING_RATE = ParamSpec.decimal("learningRate", "Learning rate", 1e-3, 1e-7, 1,
            "Step size of the Adam optimiser (the paper used 0.0001, which learned too slowly in the time a CPU "
                    + "has).");
    public static final ParamSpec LOSS = ParamSpec.choice("loss", "Loss", LossKind.DICE.key(),
            LossKind.keys(),
            "dice: soft Dice, insensitive to how rare cell pixels are (cells active in a frame cover well under "
                    + "1 % of it: with cross-entropy the network first spends many epochs learning that most pixels "
                    + "are background); bce: binary cross-entropy (the paper's).");
    public static final ParamSpec EPOCHS = ParamSpec.integer("maxEpochs", "Most epochs", 20, 1, 10_000,
            "Most passes over the training frames (one crop of each frame a pass). On real recordings the validation "
                    + "Dice levels off after about 15 epochs; with 20, self-training a 600-frame 512 x 512 video takes "
                    + "about 10 minutes on 2 cores.");
    public static final ParamSpec PATIENCE = ParamSpec.integer("patience", "Early-stopping patience (epochs)", 10, 1,
            10_000, "Training stops when the validation loss has not fallen for this many epochs; the best epoch's "
                    + "network is kept. Not used when the late epochs are averaged.");
    public static final ParamSpec AVERAGE = ParamSpec.bool("averageLateEpochs", "Average the late epochs", true,
            "On: train every epoch and keep the mean of the networks of the last half of the epochs (weight "
                    + "averaging), its batch normalisation statistics then measured on one pass of the training "
                    + "samples. Off: keep the network of the epoch with the lowest validation loss. The validation "
                    + "loss jumps from epoch to epoch, so which epoch it calls best is partly chance; the mean of the "
                    + "late epochs is not: over three training seeds it scored alike on simulations and found as "
                    + "many or more of the labelled cells of real miniscope sessions as the best epochs did.");
    public static final ParamSpec SEED = ParamSpec.seed("seed", "Random seed", 1L,
            "Seed of the sampling, the split, the crops and flips and the initial weights.");
    public static final ParamSpec MORE_DATA = ParamSpec.path("moreTrainingData", "Folder of more training videos",
            "", PathKind.FOLDER_TO_READ,
                    "Optional: every NAME.nsv in this folder with a NAME.labels.nsv beside it is added to the training "
                    + "data, so the sample spans several videos and the split is by video.");

    public static final PortSpec<Video> VIDEO = PortSpec.video("Video", "Preprocessed frames to learn from, of "
            + "the kind set in 'Input frames'.");
    public static final PortSpec<Video> LABELS = PortSpec.video("Labels",
            "Cell masks: one frame per video frame (the cells active or visible in it), or one frame for all "
                    + "frames; pixels above 0.5 are cells.");
    public static final PortSpec<ModelFile> MODEL = PortSpec.model("Model",
            "The trained U-Net (architecture \"unet\").");

    private UNetLearnerStage() {
    }

    @Override
    public String id() {
        return "unet-learner";
    }

    @Override
    public String name() {
        return "U-Net Learner";
    }

    @Override
    public StageCategory category() {
        return StageCategory.SEGMENTATION;
    }

    @Override
    public String shortDescription() {
        return "Trains a U-Net with an ASPP bottleneck to find cell bodies in single frames.";
    }

    @Override
    public String description() {
        return "Trains the first network of González-Colín et al.: a U-Net (batch norm, skip connections, bilinear "
                + "upsampling) whose bottleneck is an Atrous Spatial Pyramid Pooling block (dilated convolutions "
                + "at rates 1, 2 and 4, a 1 x 1 branch and image pooling). Training pairs are preprocessed frames "
                + "and label masks: a label video with one frame per video frame (e.g. the Blob Labeler's on "
                + "Activity Frames: the cells active in each frame) or a single mask for all frames. By default "
                + "the network reads Activity Frames, each pixel's rise above its own baseline in units of its "
                + "noise, which look alike whatever the microscope; the paper's equalized frames remain a "
                + "choice. Frames are sampled at random across the videos "
                + "and split by video into training, validation and test; the network learns from random crops "
                + "with flips and quarter turns, with Adam and binary cross-entropy (or Dice), for every epoch, "
                + "and keeps the mean of the networks of the last half of the epochs (with 'Average the late "
                + "epochs' off it stops early when the validation loss stops falling and keeps the best epoch's "
                + "network). Canceling after the first epoch keeps the network so far. The model file holds the "
                + "parameters and a JSON of the architecture, the input normalisation (each frame shifted to "
                + "median 0 and scaled to unit noise, 1.4826 times the median absolute deviation, so that the "
                + "cells that fire do not set the scale), the hyperparameters, the loss of every epoch and the Dice "
                + "on the test frames.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(INPUT_FRAMES, CONTEXT, BASE_CHANNELS, DEPTH, PATCH, SAMPLE_FRAMES, VALIDATION, TEST, CROP, BATCH,
                CELL_CROPS, LEARNING_RATE, LOSS, EPOCHS, PATIENCE, AVERAGE, SEED, MORE_DATA);
    }

    @Override
    public List<KeyMigration> settingsMigrations() {
        return List.of(new KeyMigration.Added(INPUT_FRAMES.key(), "0.2", UNetInput.EQUALIZED.key()),
                new KeyMigration.Added(CONTEXT.key(), "0.2", 0),
                new KeyMigration.Added(PATCH.key(), "0.2", 1),
                new KeyMigration.Added(CELL_CROPS.key(), "0.2", 0.0),
                new KeyMigration.Added(AVERAGE.key(), "0.2", false));
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(VIDEO, LABELS);
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(MODEL);
    }

    /**
     * @param parameters the stage's parameters
     * @param inputChannels channels of the videos to learn from
     * @return the training configuration the parameters describe
     */
    public static UNetTrainingConfig toConfig(Parameters parameters, int inputChannels) {
        UNetConfig network = new UNetConfig(parameters.getInt(DEPTH), parameters.getInt(BASE_CHANNELS),
                UNetConfig.DEFAULT.asppRates(), inputChannels, parameters.getInt(PATCH));
        return new UNetTrainingConfig(network, parameters.getInt(SAMPLE_FRAMES), parameters.getDouble(VALIDATION),
                parameters.getDouble(TEST), parameters.getInt(CROP), parameters.getInt(BATCH),
                parameters.getDouble(LEARNING_RATE), LossKind.fromKey(parameters.getString(LOSS)),
                parameters.getInt(EPOCHS), parameters.getInt(PATIENCE), parameters.getBoolean(AVERAGE),
                parameters.getLong(SEED), parameters.getDouble(CELL_CROPS));
    }

    /** @throws IllegalArgumentException when the training settings do not fit together (see {@link #toConfig}) */
    @Override
    public void checkParameters(Parameters parameters) {
        toConfig(parameters, 1);
    }

    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException, CanceledException {
        int contextFrames = parameters.getInt(CONTEXT);
        List<LabeledVideo> data = new ArrayList<>();
        data.add(new LabeledVideo("the input video", inputs.get(VIDEO), inputs.get(LABELS)));
        List<Video> opened = new ArrayList<>();
        try {
            TrainingFolder.addPairs(parameters.getPath(MORE_DATA), LABELS_SUFFIX, "Folder of more training videos "
                    + "(moreTrainingData)", data, opened);
            List<LabeledVideo> withContext = data.stream().map(pair -> pair.withTemporalContext(contextFrames))
                    .toList();
            UNetTrainingConfig config = toConfig(parameters, withContext.get(0).frames().shape().channels());
            UNetTraining.Result result = UNetTraining.run(config, withContext, context.monitor());
            Path file = context.outputFiles().newFile("unet" + UNetModelFile.EXTENSION);
            return PortValues.of(MODEL, UNetModelFile.write(file, result.config(), UNetInput.fromKey(
                    parameters.getString(INPUT_FRAMES)), contextFrames, result.parameters(), result.summary()));
        } finally {
            TrainingFolder.closeAll(opened);
        }
    }
}
