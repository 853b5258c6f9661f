package org.neuroseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.dl.train.Masks;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.VideoStore;

/** The shipped U-Net finds the cells of a preprocessed video it never saw (a seed not used in training). */
class ShippedUnetModelTest {

    private static final Path MODEL = Path.of("../models/unet-default/unet-default.nsmodel");

    @TempDir
    Path dir;

    @Test
    void predictUnetWithShippedModelReachesDiceOfPointEightAgainstTheLabels() throws Exception {
        assertEquals(0, NeurosegCommand.execute("--no-progress", "generate", "--width", "256", "--height", "256",
                "--frames", "12", "--neuron-count", "75", "--motion", "false", "--seed", "201", "-o",
                dir.toString()));
        // The model's input in the pipeline: equalized, motion-corrected frames.
        assertEquals(0, NeurosegCommand.execute("--no-progress", "preprocess",
                dir.resolve("synthetic/video.nsv").toString(), "-o", dir.resolve("pre").toString()));
        Path probabilities = dir.resolve("p.nsv");
        assertEquals(0, NeurosegCommand.execute("--no-progress", "predict-unet",
                dir.resolve("pre/corrected.nsv").toString(), "-m", MODEL.toString(), "-o",
                probabilities.toString()));
        try (FileVideo result = VideoStore.open(probabilities);
                FileVideo labels = VideoStore.open(dir.resolve("synthetic/ground_truth_labels.nsv"))) {
            float[] label = new float[256 * 256];
            labels.readFrame(0, label);
            float[] probability = new float[label.length];
            double sum = 0;
            for (int t = 0; t < result.shape().frames(); t++) {
                result.readFrame(t, probability);
                sum += Masks.dice(probability, label);
            }
            double meanDice = sum / result.shape().frames();
            assertTrue(meanDice >= 0.8, "mean per-frame Dice " + meanDice);
        }
    }
}
