package org.neuroseg.dl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.dl.infer.UNetInference;
import org.neuroseg.dl.model.UNet;
import org.neuroseg.dl.model.UNetConfig;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.synthetic.SyntheticParams;
import org.neuroseg.synthetic.SyntheticResult;
import org.neuroseg.synthetic.SyntheticVideoGenerator;
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
            SyntheticParams params = SyntheticParams.epifluorescence().toBuilder().size(64, 64, 40).neuronCount(14)
                    .motionAmplitudePx(0).jumpProbability(0).jumpSizePx(0).seed(seed).build();
            SyntheticResult result = SyntheticVideoGenerator.generate(params, folder.resolve("v" + seed),
                    ProgressMonitor.NONE);
            data.add(new LabeledVideo("video " + seed, VideoStore.open(result.videoFile()),
                    VideoStore.open(result.labelsFile())));
        }
    }

    private static UNetTrainingConfig config(int epochs) {
        return new UNetTrainingConfig(TINY, 120, 0.2, 0.2, 32, 4, 1e-2, LossKind.BCE, epochs, 50, 7);
    }

    @Test
    void lossFallsAndTrainedNetworkBeatsUntrainedOnUnseenVideo() throws Exception {
        UNetTraining.Result result = UNetTraining.run(config(6), data, ProgressMonitor.NONE);
        JsonArray epochs = result.summary().getAsJsonArray("epochs");
        assertEquals(6, epochs.size());
        double first = epochs.get(0).getAsJsonObject().get("validationLoss").getAsDouble();
        double best = result.summary().get("bestValidationLoss").getAsDouble();
        assertTrue(best < 0.8 * first, "validation loss fell only from " + first + " to " + best);
        double trained = result.summary().get("testDice").getAsDouble();
        double untrained = untrainedTestDice(result);
        assertTrue(trained > 0.5 && trained > untrained + 0.2,
                "test Dice trained " + trained + " vs untrained " + untrained);
    }

    @Test
    void modelFileRoundTripGivesIdenticalPredictions() throws Exception {
        UNetTraining.Result result = UNetTraining.run(config(1), data, ProgressMonitor.NONE);
        Path file = folder.resolve("tiny" + UNetModelFile.EXTENSION);
        UNetModelFile.write(file, result.config(), result.parameters(), result.summary());
        float[] frame = new float[64 * 64];
        data.get(0).frames().readFrame(5, frame);
        try (NDManager manager = NDManager.newBaseManager()) {
            UNet original = new UNet(result.config());
            original.loadParameters(manager, new java.io.DataInputStream(
                    new java.io.ByteArrayInputStream(result.parameters())));
            UNetModelFile.Loaded loaded = UNetModelFile.read(file, manager);
            assertEquals(TINY, loaded.network().config());
            assertEquals(7, loaded.info().getAsJsonObject("training").get("seed").getAsLong());
            float[] expected = new UNetInference(original, manager, 64, 0).predict(new float[][] {frame}, 64, 64)[0];
            float[] actual = new UNetInference(loaded.network(), manager, 64, 0).predict(new float[][] {frame}, 64,
                    64)[0];
            assertArrayEquals(expected, actual, 0f);
        }
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
                sum += Masks.dice(new UNetInference(untrained, manager, 64, 0).predict(new float[][] {frame}, 64,
                        64)[0], label);
            }
            return sum / split.test().size();
        }
    }
}
