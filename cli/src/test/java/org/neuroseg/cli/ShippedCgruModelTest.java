package org.neuroseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.metrics.PixelMetrics;
import org.neuroseg.roi.RoiFiles;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.VideoStore;

/**
 * The shipped U-Net and CGRU, applied as {@code neuroseg run} applies them (preprocess, predict-unet, predict-cgru),
 * find the functional cells of a video they never saw (a seed not used in training).
 */
class ShippedCgruModelTest {

    private static final Path MODELS = Path.of("../models");
    private static final int SIDE = 256;

    @TempDir
    Path dir;

    @Test
    void shippedModelsReachPixelDiceOfPointSevenFiveAgainstTheFunctionalCells() throws Exception {
        assertEquals(0, NeurosegCommand.execute("--no-progress", "generate", "--width", "" + SIDE, "--height",
                "" + SIDE, "--frames", "200", "--neuron-count", "75", "--motion", "false", "--seed", "221", "-o",
                dir.toString()));
        assertEquals(0, NeurosegCommand.execute("--no-progress", "preprocess",
                dir.resolve("synthetic/video.nsv").toString(), "-o", dir.resolve("pre").toString()));
        assertEquals(0, NeurosegCommand.execute("--no-progress", "predict-unet",
                dir.resolve("pre/corrected.nsv").toString(), "-m",
                MODELS.resolve("unet-default/unet-default.nsmodel").toString(), "-o", dir.resolve("u.nsv").toString()));
        Path functional = dir.resolve("functional.nsv");
        assertEquals(0, NeurosegCommand.execute("--no-progress", "predict-cgru", dir.resolve("u.nsv").toString(),
                "-m", MODELS.resolve("cgru-default/cgru-default.nsmodel").toString(), "-o", functional.toString()));
        boolean[] reference = RoiFiles.read(dir.resolve("synthetic/functional_regions.json"), SIDE, SIDE).toMask();
        try (FileVideo result = VideoStore.open(functional)) {
            float[] probability = new float[SIDE * SIDE];
            result.readFrame(0, probability);
            boolean[] predicted = new boolean[probability.length];
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = probability[i] > 0.5f;
            }
            double dice = PixelMetrics.of(predicted, reference).dice();
            assertTrue(dice >= 0.75, "pixel Dice against the functional cells " + dice);
        }
    }
}
