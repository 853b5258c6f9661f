package org.neuroseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.dl.DjlEngine;
import org.neuroseg.dl.model.CgruModelFile;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.metrics.PixelMetrics;
import org.neuroseg.roi.RoiFiles;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.VideoStore;

/**
 * {@code neuroseg train} on three small synthetic videos writes two models that load, and the self-trained pipeline
 * (preprocess, U-Net, CGRU) finds the functional cells of a fourth video better than the same CGRU untrained.
 */
class TrainCommandTest {

    private static final int SIDE = 128;

    @TempDir
    Path dir;

    @Test
    void selfTrainedModelsLoadAndFindFunctionalCellsBetterThanUntrained() throws Exception {
        for (int seed = 1; seed <= 4; seed++) {
            assertEquals(0, NeurosegCommand.execute("--no-progress", "generate", "--width", "" + SIDE, "--height",
                    "" + SIDE, "--frames", "150", "--neuron-count", "40", "--spike-rate-hz", "1.5", "--motion",
                    "false", "--seed", "" + seed, "-o", dir.resolve("g" + seed).toString()));
        }
        Path out = dir.resolve("trained");
        assertEquals(0, NeurosegCommand.execute("--no-progress", "train", video(1), video(2), video(3), "-o",
                out.toString(), "--unet-learner-depth", "2", "--base-channels", "4", "--unet-learner-crop-size", "32",
                "--batch-size", "4", "--sample-frames", "300", "--unet-learner-learning-rate", "0.01",
                "--unet-learner-max-epochs", "8", "--hidden-channels", "4", "--cgru-learner-crop-size", "32",
                "--chunk-frames", "25", "--cgru-learner-learning-rate", "0.003", "--cgru-learner-max-epochs", "10",
                "--cgru-learner-patience", "4"));
        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            assertEquals(2, UNetModelFile.read(out.resolve("unet.nsmodel"), manager).network().config().depth());
            assertEquals(4, CgruModelFile.read(out.resolve("cgru.nsmodel"), manager).info().getAsJsonObject("cgru")
                    .get("hiddenChannels").getAsInt());
        }
        assertTrue(Files.readString(out.resolve("training_report.txt")).contains("validation loss"));
        try (var leftovers = Files.list(out)) {
            assertTrue(leftovers.noneMatch(f -> f.getFileName().toString().startsWith(".")), "scratch folder left");
        }

        Path heldOut = dir.resolve("heldout");
        assertEquals(0, NeurosegCommand.execute("--no-progress", "preprocess", video(4), "-o", heldOut.toString()));
        Path probabilities = heldOut.resolve("unet.nsv");
        assertEquals(0, NeurosegCommand.execute("--no-progress", "predict-unet",
                heldOut.resolve("corrected.nsv").toString(), "-m", out.resolve("unet.nsmodel").toString(), "-o",
                probabilities.toString()));
        // The untrained CGRU: the same architecture and seed after one epoch at a learning rate of 1e-7.
        Path untrained = dir.resolve("untrained.nsmodel");
        assertEquals(0, NeurosegCommand.execute("--no-progress", "train-cgru", probabilities.toString(),
                dir.resolve("g4/synthetic/ground_truth_labels.nsv").toString(), "--hidden-channels", "4",
                "--crop-size", "32", "--chunk-frames", "25", "--learning-rate", "1e-7", "--max-epochs", "1", "-o",
                untrained.toString()));
        double trainedDice = functionalDice(probabilities, out.resolve("cgru.nsmodel"));
        double untrainedDice = functionalDice(probabilities, untrained);
        assertTrue(trainedDice >= untrainedDice + 0.1 && trainedDice >= 0.3, "Dice against the functional cells: "
                + "self-trained " + trainedDice + ", untrained " + untrainedDice);
    }

    private String video(int seed) {
        return dir.resolve("g" + seed + "/synthetic/video.nsv").toString();
    }

    /** @return pixel Dice of the CGRU's mask (probability above 0.5) against the functional cells of video 4 */
    private double functionalDice(Path probabilities, Path model) throws Exception {
        Path output = dir.resolve("functional-" + model.getFileName());
        assertEquals(0, NeurosegCommand.execute("--no-progress", "predict-cgru", probabilities.toString(), "-m",
                model.toString(), "-o", output.toString()));
        boolean[] reference = RoiFiles.read(dir.resolve("g4/synthetic/functional_regions.json"), SIDE, SIDE)
                .toMask();
        try (FileVideo result = VideoStore.open(output)) {
            float[] probability = new float[SIDE * SIDE];
            result.readFrame(0, probability);
            boolean[] predicted = new boolean[probability.length];
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = probability[i] > 0.5f;
            }
            return PixelMetrics.of(predicted, reference).dice();
        }
    }
}
