package org.neuroseg.dl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.ProbabilityVideos;
import org.neuroseg.dl.infer.CgruInference;
import org.neuroseg.dl.model.CgruModelFile;
import org.neuroseg.dl.model.ConvGruBlock;
import org.neuroseg.dl.model.ConvGruConfig;
import org.neuroseg.metrics.Auc;
import org.neuroseg.roi.Roi;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;

/**
 * A small CGRU learns, from probability videos in which silent and functional cells look alike in every single
 * frame, to keep the cells that flash and drop the silent ones.
 */
class CgruTrainingTest {

    private static final ConvGruConfig SMALL = new ConvGruConfig(4, 3);
    private static final int FRAMES = 100;

    @TempDir
    static Path folder;

    private static final List<LabeledVideo> TRAINING = new ArrayList<>();
    private static final List<ProbabilityVideos.Sample> HELD_OUT = new ArrayList<>();
    private static final List<Video> OPENED = new ArrayList<>();
    private static CgruTraining.Result trained;

    @BeforeAll
    static void train() throws Exception {
        for (int seed = 1; seed <= 5; seed++) {
            ProbabilityVideos.Sample sample = ProbabilityVideos.generate(folder, FRAMES, seed);
            TRAINING.add(new LabeledVideo("video " + seed, open(sample.probabilities()), open(sample.mask())));
        }
        for (int seed = 11; seed <= 12; seed++) {
            HELD_OUT.add(ProbabilityVideos.generate(folder, FRAMES, seed));
        }
        trained = CgruTraining.run(config(12), TRAINING, ProgressMonitor.NONE);
    }

    @AfterAll
    static void close() throws Exception {
        for (Video video : OPENED) {
            video.close();
        }
    }

    private static Video open(Path file) throws Exception {
        Video video = VideoStore.open(file);
        OPENED.add(video);
        return video;
    }

    private static CgruTrainingConfig config(int epochs) {
        return config(epochs, LossKind.BCE);
    }

    private static CgruTrainingConfig config(int epochs, LossKind loss) {
        return config(epochs, loss, false);
    }

    private static CgruTrainingConfig config(int epochs, LossKind loss, boolean average) {
        return new CgruTrainingConfig(SMALL, 20, 32, 4, 0.2, 1e-2, loss, epochs, 4, average, 5, 1);
    }

    @Test
    void validationLossFalls() {
        JsonArray epochs = trained.summary().getAsJsonArray("epochs");
        double first = epochs.get(0).getAsJsonObject().get("validationLoss").getAsDouble();
        double best = trained.summary().get("bestValidationLoss").getAsDouble();
        assertTrue(best < 0.7 * first, "validation loss fell only from " + first + " to " + best);
        assertEquals(4, trained.summary().get("trainingVideos").getAsInt());
        assertEquals(1, trained.summary().get("validationVideos").getAsInt());
    }

    @Test
    void separatesFlashingFromSilentCellsOnUnseenVideos() throws Exception {
        for (ProbabilityVideos.Sample sample : HELD_OUT) {
            float[] probability = predict(trained.parameters(), sample.probabilities());
            List<Float> flashing = new ArrayList<>();
            List<Float> silent = new ArrayList<>();
            for (Roi roi : sample.rois().rois()) {
                List<Float> into = sample.flashing()[roi.id() - 1] ? flashing : silent;
                for (int k = 0; k < roi.rows().length; k++) {
                    into.add(probability[roi.rows()[k] * 64 + roi.cols()[k]]);
                }
            }
            double auc = Auc.of(doubles(flashing), doubles(silent));
            double gap = mean(flashing) - mean(silent);
            assertTrue(auc > 0.75 && gap > 0.25, "AUC " + auc + ", mean probability flashing - silent " + gap);
        }
    }

    @Test
    void beatsTheAllCellsMaskInDice() throws Exception {
        assertBeatsTheAllCellsMask(trained.parameters());
    }

    /** The shipped CGRU learns with the Dice loss: it too learns which cells flash, and the model file says so. */
    @Test
    void learnsWithTheDiceLossToo() throws Exception {
        CgruTraining.Result dice = CgruTraining.run(config(12, LossKind.DICE), TRAINING, ProgressMonitor.NONE);
        assertEquals("dice", dice.summary().get("loss").getAsString());
        assertEquals("bce", trained.summary().get("loss").getAsString());
        assertBeatsTheAllCellsMask(dice.parameters());
    }

    /** The mean network of the last half of the epochs learns which cells flash too, and the summary says so. */
    @Test
    void meanNetworkOfTheLastEpochsLearnsToo() throws Exception {
        CgruTraining.Result averaged = CgruTraining.run(config(12, LossKind.DICE, true), TRAINING,
                ProgressMonitor.NONE);
        assertTrue(averaged.summary().get("averageLateEpochs").getAsBoolean());
        assertEquals(6, averaged.summary().get("epochsAveraged").getAsInt());
        assertEquals(12, averaged.summary().get("epochsRun").getAsInt());
        assertBeatsTheAllCellsMask(averaged.parameters());
    }

    private static void assertBeatsTheAllCellsMask(byte[] parameters) throws Exception {
        for (ProbabilityVideos.Sample sample : HELD_OUT) {
            float[] probability = predict(parameters, sample.probabilities());
            float[] mask = new float[64 * 64];
            try (Video video = VideoStore.open(sample.mask())) {
                video.readFrame(0, mask);
            }
            float[] allCells = new float[64 * 64];
            for (Roi roi : sample.rois().rois()) {
                for (int k = 0; k < roi.rows().length; k++) {
                    allCells[roi.rows()[k] * 64 + roi.cols()[k]] = 1;
                }
            }
            double dice = Masks.dice(probability, mask);
            double baseline = Masks.dice(allCells, mask);
            assertTrue(dice > baseline + 0.08, "Dice " + dice + " vs all cells " + baseline);
        }
    }

    @Test
    void labelsNeedOneFrameOrOnePerVideoFrame() throws Exception {
        LabeledVideo first = TRAINING.get(0);
        Video twoFrames = new ArrayVideo(64, 64, PixelType.FLOAT32, 10, new float[64 * 64], new float[64 * 64]);
        NeurosegException error = assertThrows(NeurosegException.class, () -> CgruTraining.run(config(1),
                List.of(new LabeledVideo("short labels", first.frames(), twoFrames)), ProgressMonitor.NONE));
        assertEquals("Labels of short labels have 2 frames; expected 1 (one mask for all frames) or " + FRAMES
                + " (one per frame)", error.getMessage());
    }

    @Test
    void sameSeedSameModel() throws Exception {
        byte[] first = CgruTraining.run(config(1), TRAINING.subList(0, 2), ProgressMonitor.NONE).parameters();
        byte[] second = CgruTraining.run(config(1), TRAINING.subList(0, 2), ProgressMonitor.NONE).parameters();
        assertArrayEquals(first, second);
    }

    @Test
    void modelFileRoundTripGivesIdenticalPredictions() throws Exception {
        Path file = folder.resolve("small" + CgruModelFile.EXTENSION);
        CgruModelFile.write(file, trained.config(), trained.parameters(), trained.summary());
        assertEquals(5, CgruModelFile.readInfo(file).getAsJsonObject("training").get("seed").getAsLong());
        Path video = HELD_OUT.get(0).probabilities();
        float[] expected = predict(trained.parameters(), video);
        try (NDManager manager = NDManager.newBaseManager()) {
            CgruModelFile.Loaded loaded = CgruModelFile.read(file, manager);
            assertEquals(SMALL, loaded.network().config());
            assertArrayEquals(expected, predict(loaded.network(), manager, video), 0f);
        }
    }

    private static float[] predict(byte[] parameters, Path video) throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            ConvGruBlock network = new ConvGruBlock(SMALL);
            network.loadParameters(manager, new java.io.DataInputStream(new java.io.ByteArrayInputStream(
                    parameters)));
            return predict(network, manager, video);
        }
    }

    private static float[] predict(ConvGruBlock network, NDManager manager, Path file) throws Exception {
        try (Video video = VideoStore.open(file);
                CgruInference inference = new CgruInference(network, manager, 64, 64, 64, 0)) {
            float[] frame = new float[64 * 64];
            for (int t = 0; t < video.shape().frames(); t++) {
                video.readFrame(t, frame);
                inference.push(frame);
            }
            return inference.probability();
        }
    }

    private static double mean(List<Float> values) {
        return values.stream().mapToDouble(Float::doubleValue).average().orElse(Double.NaN);
    }

    private static double[] doubles(List<Float> values) {
        return values.stream().mapToDouble(Float::doubleValue).toArray();
    }
}
