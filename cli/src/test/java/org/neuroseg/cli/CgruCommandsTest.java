package org.neuroseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.dl.model.CgruModelFile;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.VideoWriter;

class CgruCommandsTest {

    @TempDir
    Path dir;

    @Test
    void trainThenPredictWritesModelAndOneFrameProbability() throws Exception {
        Path probabilities = dir.resolve("p.nsv");
        Path mask = dir.resolve("mask.nsv");
        writeExample(probabilities, mask);
        Path model = dir.resolve("tiny.nsmodel");
        assertEquals(0, NeurosegCommand.execute("--no-progress", "train-cgru", probabilities.toString(),
                mask.toString(), "--hidden-channels", "2", "--crop-size", "16", "--chunk-frames", "5",
                "--max-epochs", "2", "--learning-rate", "0.01", "-o", model.toString()));
        assertEquals(2, CgruModelFile.readInfo(model).getAsJsonObject("training").get("epochsRun").getAsInt());

        Path output = dir.resolve("functional.nsv");
        assertEquals(0, NeurosegCommand.execute("--no-progress", "predict-cgru", probabilities.toString(), "-m",
                model.toString(), "-o", output.toString()));
        try (FileVideo result = VideoStore.open(output)) {
            assertEquals(new VideoShape(1, 32, 32, PixelType.FLOAT32), result.shape());
        }
        try (var leftovers = Files.list(dir)) {
            assertTrue(leftovers.noneMatch(f -> f.getFileName().toString().startsWith(".")), "temporary folders left");
        }
    }

    @Test
    void badInputsGiveExitCodes() throws Exception {
        Path probabilities = dir.resolve("p.nsv");
        Path mask = dir.resolve("mask.nsv");
        writeExample(probabilities, mask);
        assertEquals(1, NeurosegCommand.execute("--no-progress", "predict-cgru", probabilities.toString(), "-m",
                dir.resolve("none.nsmodel").toString(), "-o", dir.resolve("o.nsv").toString()));
        assertEquals(1, NeurosegCommand.execute("--no-progress", "train-cgru", probabilities.toString(),
                mask.toString(), "--kernel-size", "4", "-o", dir.resolve("m.nsmodel").toString()));
        assertEquals(2, NeurosegCommand.execute("train-cgru", probabilities.toString()));
    }

    /** A 20-frame 32 x 32 probability video: two squares, one flashing (the mask), one steady. */
    private static void writeExample(Path probabilities, Path mask) throws Exception {
        Random random = new Random(1);
        try (VideoWriter writer = VideoStore.create(probabilities, 32, 32, PixelType.FLOAT32, 10, null)) {
            for (int t = 0; t < 20; t++) {
                float[] frame = new float[32 * 32];
                for (int y = 4; y < 12; y++) {
                    for (int x = 4; x < 12; x++) {
                        frame[y * 32 + x] = t % 5 == 0 ? 0.95f : 0.45f;
                        frame[(y + 16) * 32 + x + 16] = 0.45f;
                    }
                }
                for (int i = 0; i < frame.length; i++) {
                    frame[i] = Math.min(1, Math.max(0, frame[i] + 0.05f * (float) random.nextGaussian()));
                }
                writer.append(frame);
            }
            writer.commit();
        }
        float[] target = new float[32 * 32];
        for (int y = 4; y < 12; y++) {
            for (int x = 4; x < 12; x++) {
                target[y * 32 + x] = 1;
            }
        }
        try (VideoWriter writer = VideoStore.create(mask, 32, 32, PixelType.FLOAT32, 0, null)) {
            writer.append(target);
            writer.commit();
        }
    }
}
