package org.neuroseg.dl.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.dl.model.ShippedModels;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;

/** The U-Net Predictor's warning when its network misses most of a recording's strong activity. */
class UNetPredictorStageTest {

    @TempDir
    Path folder;

    /**
     * Activity frames of unit noise in which one pixel in a hundred spikes to 9 noise units on its own, as no cell
     * does: the shipped network marks few of those spikes, and the stage says that it may not suit the recording.
     */
    @Test
    void warnsWhenTheNetworkMarksLittleOfTheStrongActivity() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        float[][] frames = new float[20][64 * 64];
        for (float[] frame : frames) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = random.nextDouble() < 0.01 ? 9 : (float) random.nextGaussian();
            }
        }
        List<String> warnings = new ArrayList<>();
        StageContext context = new StageContext(StageContext.inDirectory(folder, ProgressMonitor.NONE).outputFiles(),
                ProgressMonitor.NONE, warnings::add);
        try (Video predicted = UNetPredictorStage.INSTANCE.run(PortValues.of(UNetPredictorStage.VIDEO,
                (Video) new ArrayVideo(64, 64, PixelType.FLOAT32, 10, frames))
                .with(UNetPredictorStage.MODEL, ShippedModels.unet()), UNetPredictorStage.INSTANCE.defaults(), context)
                .get(UNetPredictorStage.PROBABILITIES)) {
            assertEquals(20, predicted.shape().frames());
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).matches("The U-Net marks \\d+ % of the strongly active pixels .*neuroseg train.*"),
                warnings.get(0));
    }
}
