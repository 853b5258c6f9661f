package org.neuroseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoStore;

class UnetCommandsTest {

    @TempDir
    Path dir;

    @Test
    void trainThenPredictWritesModelAndProbabilityVideo() throws Exception {
        assertEquals(0, NeurosegCommand.execute("--no-progress", "generate", "--width", "64", "--height", "64",
                "--frames", "30", "--neuron-count", "12", "--motion", "false", "--seed", "3", "-o", dir.toString()));
        Path video = dir.resolve("synthetic/video.nsv");
        Path labels = dir.resolve("synthetic/ground_truth_labels.nsv");
        Path model = dir.resolve("tiny.nsmodel");
        assertEquals(0, NeurosegCommand.execute("--no-progress", "train-unet", video.toString(), labels.toString(),
                "--depth", "2", "--base-channels", "2", "--crop-size", "32", "--batch-size", "4", "--learning-rate",
                "0.01", "--max-epochs", "2", "--sample-frames", "30", "-o", model.toString()));
        assertEquals(2, UNetModelFile.readInfo(model).getAsJsonObject("training").get("epochsRun").getAsInt());

        Path probabilities = dir.resolve("p.nsv");
        assertEquals(0, NeurosegCommand.execute("--no-progress", "predict-unet", video.toString(), "-m",
                model.toString(), "--frames-averaged", "4", "-o", probabilities.toString()));
        try (FileVideo result = VideoStore.open(probabilities)) {
            assertEquals(new VideoShape(30, 64, 64, PixelType.FLOAT32), result.shape());
            float[] last = new float[64 * 64];
            result.readFrame(29, last);
            for (float p : last) {
                assertTrue(p >= 0 && p <= 1, "probability " + p);
            }
        }
        try (var leftovers = Files.list(dir)) {
            assertTrue(leftovers.noneMatch(f -> f.getFileName().toString().startsWith(".")), "temporary folders left");
        }
    }

    @Test
    void missingModelIsAnErrorNamingTheFile() throws Exception {
        assertEquals(0, NeurosegCommand.execute("--no-progress", "generate", "--width", "64", "--height", "64",
                "--frames", "2", "--neuron-count", "3", "-o", dir.toString()));
        assertEquals(1, NeurosegCommand.execute("--no-progress", "predict-unet",
                dir.resolve("synthetic/video.nsv").toString(), "-m", dir.resolve("none.nsmodel").toString(), "-o",
                dir.resolve("p.nsv").toString()));
        assertEquals(2, NeurosegCommand.execute("predict-unet", dir.resolve("synthetic/video.nsv").toString()));
    }
}
