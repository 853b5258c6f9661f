package org.neuroseg.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.StageTiming;
import org.neuroseg.synthetic.SyntheticParams;
import org.neuroseg.synthetic.SyntheticResult;
import org.neuroseg.synthetic.SyntheticVideoGenerator;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;

class PreprocessingTest {

    @TempDir
    Path dir;

    @Test
    void equalsTheThreeStagesRunOneAfterTheOtherAndLeavesNoEqualizedVideo() throws Exception {
        SyntheticParams params = SyntheticParams.epifluorescence().toBuilder().size(96, 96, 30).neuronCount(20)
                .seed(8).build();
        SyntheticResult synthetic = SyntheticVideoGenerator.generate(params, dir.resolve("g"), ProgressMonitor.NONE);
        Path scratch = Files.createDirectory(dir.resolve("scratch"));
        Path out = Files.createDirectory(dir.resolve("out"));
        Path stages = Files.createDirectory(dir.resolve("stages"));
        try (FileVideo recorded = VideoStore.open(synthetic.videoFile());
                Preprocessing.Result result = Preprocessing.run(recorded, Preprocessing.Settings.defaults(),
                        Preprocessing.Extent.RECORDED_CORRECTED,
                        scratch, StageContext.inDirectory(out, ProgressMonitor.NONE))) {
            StageContext context = StageContext.inDirectory(stages, ProgressMonitor.NONE);
            try (Video equalized = LocalEqualizationStage.INSTANCE.run(PortValues.of(LocalEqualizationStage.VIDEO,
                    recorded), LocalEqualizationStage.INSTANCE.defaults(), context)
                    .get(LocalEqualizationStage.EQUALIZED_VIDEO)) {
                PortValues motion = MotionCorrectionStage.INSTANCE.run(PortValues.of(MotionCorrectionStage.VIDEO,
                        equalized), MotionCorrectionStage.INSTANCE.defaults(), context);
                try (Video corrected = motion.get(MotionCorrectionStage.CORRECTED_VIDEO);
                        Video shifted = ApplyShiftsStage.INSTANCE.run(PortValues.of(ApplyShiftsStage.VIDEO, recorded)
                                .with(ApplyShiftsStage.SHIFTS, motion.get(MotionCorrectionStage.SHIFTS)),
                                ApplyShiftsStage.INSTANCE.defaults(), context).get(ApplyShiftsStage.CORRECTED_VIDEO)) {
                    assertArrayEquals(motion.get(MotionCorrectionStage.SHIFTS).dx(), result.shifts().dx());
                    assertSameFrames(corrected, result.corrected());
                    assertSameFrames(shifted, result.recordedCorrected());
                }
            }
            try (var left = Files.list(scratch)) {
                assertEquals(0, left.count(), "the equalized video must be deleted");
            }
            assertEquals(java.util.List.of("Local Equalization", "Motion Correction", "Apply Shifts"),
                    result.timings().stream().map(StageTiming::step).toList());
            assertTrue(result.motionPicture().png().length > 100);
        }
    }

    @Test
    void correctsTheRecordedVideoOnlyWhenAsked() throws Exception {
        SyntheticParams params = SyntheticParams.twoPhoton().toBuilder().size(64, 64, 10).neuronCount(8).build();
        SyntheticResult synthetic = SyntheticVideoGenerator.generate(params, dir.resolve("g"), ProgressMonitor.NONE);
        try (FileVideo recorded = VideoStore.open(synthetic.videoFile());
                Preprocessing.Result result = Preprocessing.run(recorded, Preprocessing.Settings.defaults(),
                        Preprocessing.Extent.CORRECTED,
                        Files.createDirectory(dir.resolve("scratch")), StageContext.inDirectory(
                                Files.createDirectory(dir.resolve("out")), ProgressMonitor.NONE))) {
            assertNull(result.recordedCorrected());
            assertEquals(10, result.corrected().shape().frames());
            assertEquals(2, result.timings().size());
        }
    }

    private static void assertSameFrames(Video expected, Video actual) throws Exception {
        assertEquals(expected.shape(), actual.shape());
        float[] a = new float[expected.shape().pixelsPerFrame()];
        float[] b = new float[a.length];
        for (int t = 0; t < expected.shape().frames(); t++) {
            expected.readFrame(t, a);
            actual.readFrame(t, b);
            assertArrayEquals(a, b, "frame " + t);
        }
    }
}
