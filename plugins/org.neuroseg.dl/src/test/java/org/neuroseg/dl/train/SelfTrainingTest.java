package org.neuroseg.dl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.segmentation.BlobLabelerStage;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.synthetic.SyntheticParams;
import org.neuroseg.synthetic.SyntheticVideoGenerator;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;

/** Self-training refuses to run without videos and stops on cancellation without writing a model. */
class SelfTrainingTest {

    @TempDir
    Path dir;

    @Test
    void noVideoIsAnError() {
        NeurosegException error = assertThrows(NeurosegException.class, () -> SelfTraining.run(List.of(),
                SelfTraining.Settings.defaults(), dir, StageContext.inDirectory(dir, ProgressMonitor.NONE)));
        assertTrue(error.getMessage().contains("at least one video"), error.getMessage());
    }

    @Test
    void cancelingAfterPreprocessingStopsWithoutModelsOrIntermediateVideos() throws Exception {
        SyntheticParams params = SyntheticParams.epifluorescence().toBuilder().size(64, 64, 20).neuronCount(8)
                .motionAmplitudePx(0).jumpProbability(0).jumpSizePx(0).build();
        Path video = SyntheticVideoGenerator.generate(params, dir.resolve("synthetic"), ProgressMonitor.NONE)
                .videoFile();
        ProgressMonitor cancelsLater = new ProgressMonitor() {
            private int checks;

            @Override
            public void setProgress(double fraction, String message) {
                // not shown
            }

            @Override
            public void checkCanceled() throws CanceledException {
                // Equalization and motion correction check at least once per frame each: stop after both.
                if (++checks > 60) {
                    throw new CanceledException();
                }
            }
        };
        Path scratch = Files.createDirectory(dir.resolve("scratch"));
        Path models = Files.createDirectory(dir.resolve("models"));
        try (FileVideo frames = VideoStore.open(video)) {
            assertThrows(CanceledException.class, () -> SelfTraining.run(List.of(new SelfTraining.Input("v",
                    frames)), SelfTraining.Settings.defaults(), scratch, StageContext.inDirectory(models,
                    cancelsLater)));
        }
        try (var files = Files.list(models)) {
            assertEquals(0, files.count(), "no model file after cancellation");
        }
        try (var files = Files.walk(scratch)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().matches("(equalized|corrected|shifted)"
                    + "\\.nsv")), "intermediate videos of the canceled video are deleted");
        }
    }

    @Test
    void labelsThatCoverMuchOfTheFrameOrNothingAreWarnedAbout() {
        BlobLabelerStage.BlobSizes cellSized = new BlobLabelerStage.BlobSizes(4, 8, 5.04);
        assertEquals(List.of(), SelfTraining.labelWarnings(0.01, 0.12, 0.3, cellSized));
        List<String> background = SelfTraining.labelWarnings(0.8, 0.95, 0.3, cellSized);
        assertEquals(2, background.size(), background.toString());
        assertTrue(background.get(0).contains("blobs cover 80 % of the average frame"), background.get(0));
        assertTrue(background.get(1).contains("the video mask covers 95 % of the frame"), background.get(1));
        List<String> nothing = SelfTraining.labelWarnings(0, 0, 0.3, new BlobLabelerStage.BlobSizes(4, 8,
                Double.NaN));
        assertEquals(1, nothing.size());
        assertTrue(nothing.get(0).contains("found no blob"), nothing.get(0));
    }

    @Test
    void blobsAtTheLargestRadiusTriedAskForTheCellDiameter() {
        List<String> large = SelfTraining.labelWarnings(0.01, 0.12, 0.3, new BlobLabelerStage.BlobSizes(4, 8, 8));
        assertEquals(1, large.size(), large.toString());
        assertTrue(large.get(0).contains("larger than 16 px across"), large.get(0));
        // with blobs of one size every blob is at the largest radius, which says nothing about the cells
        assertEquals(List.of(), SelfTraining.labelWarnings(0.01, 0.12, 0.3, new BlobLabelerStage.BlobSizes(4, 4,
                4)));
    }

    @Test
    void cropsShrinkToTheSmallestVideo() {
        UNetTrainingConfig unet = UNetLearnerStage.toConfig(UNetLearnerStage.INSTANCE.defaults(), 1);
        CgruTrainingConfig cgru = CgruLearnerStage.toConfig(CgruLearnerStage.INSTANCE.defaults());
        int step = unet.network().sizeMultiple();
        // An Inscopix movie of 108 x 123 pixels: the largest multiple of the step that fits.
        UNetTrainingConfig fitted = SelfTraining.cropFitting(unet, 108);
        assertEquals(108 / step * step, fitted.cropSize());
        assertEquals(unet.sampleFrames(), fitted.sampleFrames());
        assertEquals(unet.seed(), fitted.seed());
        assertEquals(unet, SelfTraining.cropFitting(unet, unet.cropSize()));
        assertEquals(unet, SelfTraining.cropFitting(unet, 512));
        assertEquals(Math.min(cgru.cropSize(), 20), SelfTraining.cropFitting(cgru, 20).cropSize());
        assertEquals(cgru, SelfTraining.cropFitting(cgru, 512));
    }
}
