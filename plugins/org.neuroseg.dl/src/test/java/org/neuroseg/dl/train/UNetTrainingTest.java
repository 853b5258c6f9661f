package org.neuroseg.dl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.infer.UNetInference;
import org.neuroseg.dl.infer.UNetPredictorStage;
import org.neuroseg.dl.model.InputNormalization;
import org.neuroseg.dl.model.UNet;
import org.neuroseg.dl.model.UNetConfig;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.synthetic.SyntheticParams;
import org.neuroseg.synthetic.SyntheticResult;
import org.neuroseg.synthetic.SyntheticVideoGenerator;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoStore;

/** A tiny U-Net learns cell masks from small synthetic videos within seconds. */
class UNetTrainingTest {

    private static final UNetConfig TINY = new UNetConfig(2, 4, List.of(1, 2));

    @TempDir
    static Path folder;

    private static List<LabeledVideo> data;

    @BeforeAll
    static void generateVideos() throws Exception {
        data = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            // cells, background and noise only: the learner, not how hard the calibrated preset's cells are to see
            SyntheticParams params = SyntheticParams.epifluorescence().toBuilder().size(64, 64, 40).neuronCount(14)
                    .baselinePhotons(2000).cellPhotons(500).outOfFocus(0, 0).vessels(0, 0, 8).noiseCorrelationPx(0)
                    .motionAmplitudePx(0).jumpProbability(0).jumpSizePx(0).seed(seed).build();
            SyntheticResult result = SyntheticVideoGenerator.generate(params, folder.resolve("v" + seed),
                    ProgressMonitor.NONE);
            data.add(new LabeledVideo("video " + seed, VideoStore.open(result.videoFile()),
                    VideoStore.open(result.labelsFile())));
        }
    }

    private static UNetTrainingConfig config(int epochs) {
        return config(TINY, epochs);
    }

    private static UNetTrainingConfig config(UNetConfig network, int epochs) {
        return new UNetTrainingConfig(network, 120, 0.2, 0.2, 32, 4, 1e-2, LossKind.BCE, epochs, 50, false, 7, 0);
    }

    @Test
    void lossFallsAndTrainedNetworkBeatsUntrainedOnUnseenVideo() throws Exception {
        assertLearns(TINY, 6);
    }

    @Test
    void networkOnPixelPatchesLearnsToo() throws Exception {
        // a pixel patch folds 4 pixels into one, so the first layers see a quarter as many positions to learn from
        assertLearns(new UNetConfig(2, 8, List.of(1, 2), 1, 2), 8);
    }

    @Test
    void meanNetworkOfTheLastEpochsLearnsToo() throws Exception {
        UNetTrainingConfig averaged = new UNetTrainingConfig(TINY, 120, 0.2, 0.2, 32, 4, 1e-2, LossKind.BCE, 6, 50,
                true, 7, 0);
        UNetTraining.Result result = assertLearns(averaged);
        assertEquals(3, result.summary().get("epochsAveraged").getAsInt());
    }

    private static void assertLearns(UNetConfig network, int epochCount) throws Exception {
        assertLearns(config(network, epochCount));
    }

    /** @return the run, after checking that its validation loss fell and it beats an untrained network on test */
    private static UNetTraining.Result assertLearns(UNetTrainingConfig config) throws Exception {
        UNetTraining.Result result = UNetTraining.run(config, data, ProgressMonitor.NONE);
        JsonArray epochs = result.summary().getAsJsonArray("epochs");
        assertEquals(config.maxEpochs(), epochs.size());
        double first = epochs.get(0).getAsJsonObject().get("validationLoss").getAsDouble();
        double best = result.summary().get("bestValidationLoss").getAsDouble();
        assertTrue(best < 0.8 * first, "validation loss fell only from " + first + " to " + best);
        double trained = result.summary().get("testDice").getAsDouble();
        double untrained = untrainedTestDice(result);
        assertTrue(trained > 0.5 && trained > untrained + 0.2,
                "test Dice trained " + trained + " vs untrained " + untrained);
        return result;
    }

    @Test
    void modelFileRoundTripGivesIdenticalPredictions() throws Exception {
        UNetTraining.Result result = UNetTraining.run(config(1), data, ProgressMonitor.NONE);
        Path file = folder.resolve("tiny" + UNetModelFile.EXTENSION);
        UNetModelFile.write(file, result.config(), org.neuroseg.dl.model.UNetInput.ACTIVITY, result.parameters(), result.summary());
        float[] frame = new float[64 * 64];
        data.get(0).frames().readFrame(5, frame);
        try (NDManager manager = NDManager.newBaseManager()) {
            UNet original = new UNet(result.config());
            original.loadParameters(manager, new java.io.DataInputStream(
                    new java.io.ByteArrayInputStream(result.parameters())));
            UNetModelFile.Loaded loaded = UNetModelFile.read(file, manager);
            assertEquals(TINY, loaded.network().config());
            assertEquals(7, loaded.info().getAsJsonObject("training").get("seed").getAsLong());
            float[] expected = new UNetInference(original, InputNormalization.FOR_TRAINING, manager, 64, 0)
                    .predict(new float[][] {frame}, 64, 64)[0];
            float[] actual = new UNetInference(loaded.network(), loaded.normalization(), manager, 64, 0)
                    .predict(new float[][] {frame}, 64, 64)[0];
            assertArrayEquals(expected, actual, 0f);
        }
        Path older = folder.resolve("before-patches" + UNetModelFile.EXTENSION);
        java.nio.file.Files.copy(file, older);
        try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(older)) {
            Path json = zip.getPath("model.json");
            com.google.gson.JsonObject info = com.google.gson.JsonParser.parseString(
                    java.nio.file.Files.readString(json)).getAsJsonObject();
            info.getAsJsonObject("unet").remove("patchSize");
            java.nio.file.Files.writeString(json, info.toString());
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            assertEquals(TINY, UNetModelFile.read(older, manager).network().config(),
                    "a file written before pixel patches reads as patch 1");
        }
    }

    @Test
    void modelRecordsItsCellSizesAndResizesFramesOfOtherSizesToThem() throws Exception {
        UNetTraining.Result result = UNetTraining.run(config(1), data, ProgressMonitor.NONE);
        Path file = folder.resolve("sizes" + UNetModelFile.EXTENSION);
        UNetModelFile.write(file, result.config(), org.neuroseg.dl.model.UNetInput.ACTIVITY, result.parameters(),
                result.summary());
        double learned = data.get(0).frames().recording().cellDiameterPxOrDefault();
        float[] frame = new float[64 * 64];
        data.get(0).frames().readFrame(5, frame);
        try (NDManager manager = NDManager.newBaseManager()) {
            UNetModelFile.Loaded loaded = UNetModelFile.read(file, manager);
            JsonArray range = loaded.info().getAsJsonObject("training").getAsJsonArray(UNetModelFile.CELL_DIAMETERS);
            assertEquals(learned, range.get(0).getAsDouble());
            assertEquals(learned, range.get(1).getAsDouble());
            assertEquals(1, loaded.inputScale(learned));
            assertEquals(0.5, loaded.inputScale(2 * learned), 1e-12);
            assertEquals(2, loaded.inputScale(learned / 2), 1e-12);
            UNetInference asRecorded = UNetInference.forRecording(loaded, manager, 64, 0,
                    data.get(0).frames().recording());
            UNetInference larger = UNetInference.forRecording(loaded, manager, 64, 0,
                    new org.neuroseg.video.RecordingInfo(10, 0, 2 * learned));
            float[] direct = asRecorded.predict(new float[][] {frame}, 64, 64)[0];
            float[] resized = larger.predict(new float[][] {frame}, 64, 64)[0];
            assertEquals(64 * 64, resized.length);
            double difference = 0;
            for (int i = 0; i < direct.length; i++) {
                assertTrue(resized[i] >= 0 && resized[i] <= 1, "probability " + resized[i]);
                difference += Math.abs(direct[i] - resized[i]);
            }
            assertTrue(difference / direct.length > 1e-3, "the resized frame gave the same probabilities");
        }
    }

    @Test
    void twoChannelNetworkTrainsPredictsAndKeepsItsChannelsInTheModelFile() throws Exception {
        List<LabeledVideo> twoChannels = new ArrayList<>();
        for (LabeledVideo pair : data) {
            twoChannels.add(new LabeledVideo(pair.name(), withSquaredChannel(pair.frames()), pair.labels()));
        }
        UNetConfig network = TINY.withInputChannels(2);
        UNetTrainingConfig config = new UNetTrainingConfig(network, 120, 0.2, 0.2, 32, 4, 1e-2, LossKind.BCE, 1, 50,
                false, 7, 0);
        UNetTraining.Result result = UNetTraining.run(config, twoChannels, ProgressMonitor.NONE);
        assertEquals(2, result.config().inputChannels());
        Path file = folder.resolve("two-channels" + UNetModelFile.EXTENSION);
        UNetModelFile.write(file, result.config(), org.neuroseg.dl.model.UNetInput.ACTIVITY, result.parameters(), result.summary());
        assertEquals(2, UNetModelFile.readInfo(file).getAsJsonObject("unet").get("inputChannels").getAsInt());
        float[] frame = new float[2 * 64 * 64];
        twoChannels.get(0).frames().readFrame(5, frame);
        try (NDManager manager = NDManager.newBaseManager()) {
            UNetModelFile.Loaded loaded = UNetModelFile.read(file, manager);
            assertEquals(network, loaded.network().config());
            UNetInference inference = new UNetInference(loaded.network(), loaded.normalization(), manager, 64, 0);
            float[] probability = inference.predict(new float[][] {frame}, 64, 64)[0];
            assertEquals(64 * 64, probability.length);
            for (float value : probability) {
                assertTrue(value >= 0 && value <= 1, "probability " + value);
            }
            NeurosegException wrong = assertThrows(NeurosegException.class,
                    () -> inference.checkInput(data.get(0).frames().shape(), "video 1"));
            assertTrue(wrong.getMessage().contains("takes 2 channel(s) a frame but video 1 has 1"),
                    wrong.getMessage());
        }
        NeurosegException mismatch = assertThrows(NeurosegException.class,
                () -> UNetTraining.run(config(1), twoChannels, ProgressMonitor.NONE));
        assertTrue(mismatch.getMessage().contains("have 2 channel(s) but the U-Net to train takes 1"),
                mismatch.getMessage());
    }

    @Test
    void networkWithContextReadsTheNeighbouringFramesItWasTrainedWith() throws Exception {
        Parameters learner = UNetLearnerStage.INSTANCE.defaults().with(UNetLearnerStage.CONTEXT.key(), 1)
                .with(UNetLearnerStage.BASE_CHANNELS.key(), 4).with(UNetLearnerStage.DEPTH.key(), 2)
                .with(UNetLearnerStage.PATCH.key(), 1).with(UNetLearnerStage.SAMPLE_FRAMES.key(), 60)
                .with(UNetLearnerStage.CROP.key(), 32).with(UNetLearnerStage.EPOCHS.key(), 1);
        LabeledVideo pair = data.get(0);
        ModelFile model = UNetLearnerStage.INSTANCE.run(PortValues.of(UNetLearnerStage.VIDEO, pair.frames())
                .with(UNetLearnerStage.LABELS, pair.labels()), learner, StageContext.inDirectory(
                        folder.resolve("context-model"), ProgressMonitor.NONE)).get(UNetLearnerStage.MODEL);
        JsonObject info = UNetModelFile.readInfo(model.file());
        assertEquals(1, UNetModelFile.contextFrames(info));
        assertEquals(3, UNetModelFile.inputChannels(info));

        // Frame 6 changed: the probabilities of frames 5 to 7, which read it, change; frame 3's do not.
        VideoShape shape = pair.frames().shape();
        float[][] frames = new float[shape.frames()][shape.pixelsPerFrame()];
        for (int t = 0; t < shape.frames(); t++) {
            pair.frames().readFrame(t, frames[t]);
        }
        float[][] changed = new float[shape.frames()][];
        for (int t = 0; t < shape.frames(); t++) {
            changed[t] = frames[t].clone();
        }
        for (int i = 0; i < changed[6].length; i++) {
            changed[6][i] = frames[6][i] + (i % 7) * 50;
        }
        float[][] plain = probabilities(model, new ArrayVideo(shape.withPixelType(PixelType.FLOAT32),
                pair.frames().recording(), frames), "plain");
        float[][] altered = probabilities(model, new ArrayVideo(shape.withPixelType(PixelType.FLOAT32),
                pair.frames().recording(), changed), "altered");
        assertEquals(shape.frames(), plain.length);
        for (int t = 5; t <= 7; t++) {
            assertTrue(!java.util.Arrays.equals(plain[t], altered[t]), "frame " + t + " did not read frame 6");
        }
        assertArrayEquals(plain[3], altered[3]);
    }

    private static float[][] probabilities(ModelFile model, Video video, String name) throws Exception {
        try (Video predicted = UNetPredictorStage.INSTANCE.run(PortValues.of(UNetPredictorStage.VIDEO, video)
                .with(UNetPredictorStage.MODEL, model), UNetPredictorStage.INSTANCE.defaults(),
                StageContext.inDirectory(folder.resolve(name), ProgressMonitor.NONE))
                .get(UNetPredictorStage.PROBABILITIES)) {
            float[][] frames = new float[predicted.shape().frames()][predicted.shape().pixelsPerFrame()];
            for (int t = 0; t < frames.length; t++) {
                predicted.readFrame(t, frames[t]);
            }
            return frames;
        }
    }

    /** The video with a second channel: each pixel's square, scaled, so the channels differ. */
    private static Video withSquaredChannel(Video video) throws Exception {
        VideoShape shape = video.shape();
        float[][] frames = new float[shape.frames()][2 * shape.pixelsPerPlane()];
        float[] plane = new float[shape.pixelsPerPlane()];
        for (int t = 0; t < shape.frames(); t++) {
            video.readFrame(t, plane);
            for (int i = 0; i < plane.length; i++) {
                frames[t][i] = plane[i];
                frames[t][plane.length + i] = plane[i] * plane[i] / 1000f;
            }
        }
        return new ArrayVideo(shape.withChannels(2).withPixelType(PixelType.FLOAT32), video.recording(), frames);
    }

    @Test
    void sameSeedSameModel() throws Exception {
        byte[] first = UNetTraining.run(config(1), data, ProgressMonitor.NONE).parameters();
        byte[] second = UNetTraining.run(config(1), data, ProgressMonitor.NONE).parameters();
        assertArrayEquals(first, second);
    }

    /** Dice of a freshly initialised network on the same test video, scored the same way as training scores. */
    private static double untrainedTestDice(UNetTraining.Result result) throws Exception {
        FrameSplit split = FrameSplit.of(new int[] {40, 40, 40}, config(1));
        try (NDManager manager = NDManager.newBaseManager()) {
            UNet untrained = new UNet(result.config());
            untrained.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 32, 32));
            double sum = 0;
            for (FrameSplit.FrameRef ref : split.test()) {
                LabeledVideo pair = data.get(ref.video());
                float[] frame = new float[64 * 64];
                float[] label = new float[64 * 64];
                pair.frames().readFrame(ref.frame(), frame);
                pair.labels().readFrame(0, label);
                UNetInference inference = new UNetInference(untrained, InputNormalization.FOR_TRAINING, manager, 64,
                        0);
                sum += Masks.dice(inference.predict(new float[][] {frame}, 64, 64)[0], label);
            }
            return sum / split.test().size();
        }
    }
}
