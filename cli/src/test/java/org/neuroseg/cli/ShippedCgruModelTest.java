package org.neuroseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.metrics.Auc;
import org.neuroseg.roi.RoiFiles;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.VideoStore;

/**
 * The shipped U-Net and CGRU, applied as {@code neuroseg run} applies them (preprocess with activity frames,
 * predict-unet, predict-cgru), rank the cells that fire above the cells that never do in a video they never saw (a
 * seed not used in training): pixel AUC, firing cells' pixels against silent cells' pixels.
 */
class ShippedCgruModelTest {

    private static final Path MODELS = Path.of("../models");
    private static final int SIDE = 256;

    @TempDir
    Path dir;

    @Test
    void shippedModelsRankFiringCellsAboveSilentOnes() throws Exception {
        assertEquals(0, NeurosegCommand.execute("--no-progress", "generate", "--width", "" + SIDE, "--height",
                "" + SIDE, "--frames", "200", "--neuron-count", "75", "--indicator", "jGCaMP8m", "--motion", "false",
                "--seed", "221", "-o", dir.toString()));
        assertEquals(0, NeurosegCommand.execute("--no-progress", "preprocess", "--activity",
                dir.resolve("synthetic/video.nsv").toString(), "-o", dir.resolve("pre").toString()));
        assertEquals(0, NeurosegCommand.execute("--no-progress", "predict-unet",
                dir.resolve("pre/activity.nsv").toString(), "-m",
                MODELS.resolve("unet-default/unet-default.nsmodel").toString(), "-o", dir.resolve("u.nsv").toString()));
        Path functional = dir.resolve("functional.nsv");
        assertEquals(0, NeurosegCommand.execute("--no-progress", "predict-cgru", dir.resolve("u.nsv").toString(),
                "-m", MODELS.resolve("cgru-default/cgru-default.nsmodel").toString(), "-o", functional.toString()));
        boolean[] firing = RoiFiles.read(dir.resolve("synthetic/functional_regions.json"), SIDE, SIDE).toMask();
        boolean[] every = RoiFiles.read(dir.resolve("synthetic/regions.json"), SIDE, SIDE).toMask();
        float[] probability = new float[SIDE * SIDE];
        try (FileVideo result = VideoStore.open(functional)) {
            result.readFrame(0, probability);
        }
        DoubleStream.Builder firingPixels = DoubleStream.builder();
        DoubleStream.Builder silentPixels = DoubleStream.builder();
        for (int i = 0; i < probability.length; i++) {
            if (firing[i]) {
                firingPixels.add(probability[i]);
            } else if (every[i]) {
                silentPixels.add(probability[i]);
            }
        }
        double auc = Auc.of(firingPixels.build().toArray(), silentPixels.build().toArray());
        assertTrue(auc >= 0.6, "pixel AUC, firing against silent cells " + auc);
    }
}
