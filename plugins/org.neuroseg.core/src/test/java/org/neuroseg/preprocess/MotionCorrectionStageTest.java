package org.neuroseg.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.cv.OpenCvLoader;
import org.neuroseg.metrics.ShiftErrors;
import org.neuroseg.stage.MotionShifts;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.Picture;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.synthetic.SyntheticParams;
import org.neuroseg.synthetic.SyntheticResult;
import org.neuroseg.synthetic.SyntheticVideoGenerator;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.Videos;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Accuracy against the synthetic generator's true shifts at CI size (128 x 128, 200 frames). Shifts are relative
 * to the template, whose position is the mean position of the first frames, so estimates and truth differ by one
 * constant offset; errors are measured after removing it.
 */
class MotionCorrectionStageTest {

    private static final int SIZE = 128;
    private static final int FRAMES = 200;

    @TempDir
    Path dir;

    @Test
    void framesTooSmallForCornerRefinementAreRefusedWithTheSmallestSize() throws Exception {
        // 8 x 8 used to end in OpenCV's assertion inside cornerSubPix
        NeurosegException e = assertThrows(NeurosegException.class, () -> MotionCorrectionStage.correct(
                noise(8, 12), defaults(), dir.resolve("small.nsv"), 1, ProgressMonitor.NONE));
        assertEquals("Motion Correction needs frames of at least 11 x 11 pixels; the video's frames are 8 x 12"
                + " (height x width)", e.getMessage());
        Path corrected = MotionCorrectionStage.correct(noise(11, 11), defaults(), dir.resolve("smallest.nsv"), 1,
                ProgressMonitor.NONE).video();
        try (Video video = VideoStore.open(corrected)) {
            assertEquals(3, video.shape().frames());
        }
    }

    @Test
    void framesWithNothingInCommonAreNeverMovedBeyondTheLargestShift() throws Exception {
        // independent noise frames (as ΔF/F frames of a recording corrected already): the correlation's peak lies
        // anywhere, and before the limit frames were moved by up to 70 px on real miniscope sessions
        Video unrelated = noise(64, 64, 40);
        MotionShifts limited = MotionCorrectionStage.correct(unrelated, defaults().with("maxShiftPx", 3),
                dir.resolve("limited.nsv"), 1, ProgressMonitor.NONE).shifts();
        double largest = 0;
        for (int t = 0; t < limited.dx().length; t++) {
            largest = Math.max(largest, Math.max(Math.abs(limited.dx()[t]), Math.abs(limited.dy()[t])));
        }
        assertTrue(largest <= 3, "moved by " + largest + " px");
        assertTrue(largest > 0.5, "noise frames should still be matched somewhere within the limit: " + largest);
        MotionCorrector.Result still = MotionCorrectionStage.correct(unrelated, defaults().with("maxShiftPx", 0),
                dir.resolve("still.nsv"), 1, ProgressMonitor.NONE);
        for (int t = 0; t < still.shifts().dx().length; t++) {
            assertEquals(0, still.shifts().dx()[t]);
            assertEquals(0, still.shifts().dy()[t]);
        }
        try (Video corrected = VideoStore.open(still.video())) {
            float[] in = new float[64 * 64];
            float[] out = new float[64 * 64];
            for (int t = 0; t < 40; t++) {
                unrelated.readFrame(t, in);
                corrected.readFrame(t, out);
                for (int i = 0; i < in.length; i++) {
                    assertEquals(Math.round(in[i]), out[i], "frame " + t + " pixel " + i + " moved"); // uint16 store
                }
            }
        }
    }

    /** @return 3 frames of uniform noise, in which corners are found */
    private static Video noise(int height, int width) {
        return noise(height, width, 3);
    }

    /** @return frames of independent uniform noise */
    private static Video noise(int height, int width, int count) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        float[][] frames = new float[count][height * width];
        for (float[] frame : frames) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = (float) (1000 + 100 * random.nextDouble());
            }
        }
        return new ArrayVideo(height, width, PixelType.UINT16, 10, frames);
    }

    @Test
    void recoversEpifluorescenceShiftsWithinTarget() throws Exception {
        // 60 cells all visible at rest: at this size the preset's 19 cells, many of them dim, give the tracker too
        // few features (the preset itself is measured at full size in bench/); the background and noise of the
        // preset before its calibration to real recordings (no vessels, out-of-focus cells or shared noise), on
        // which the drift target was set
        SyntheticParams params = SyntheticParams.epifluorescence().toBuilder().size(SIZE, SIZE, FRAMES)
                .neuronCount(60).brightnessSpread(0.2).baselinePhotons(2000).cellPhotons(500).outOfFocus(0, 0)
                .vessels(0, 0, 8).noiseCorrelationPx(0).neuropilFluctuation(0.5).build();
        Accuracy accuracy = correctAndCompare(params, defaults());
        assertTrue(accuracy.rms() <= 0.15, "RMS error " + accuracy.rms() + " px");
        assertTrue(accuracy.drift() <= 0.05, "error drifted by " + accuracy.drift() + " px from start to end");
        assertTrue(accuracy.trackedFrames() >= FRAMES * 9 / 10, "Lucas-Kanade estimated only "
                + accuracy.trackedFrames() + " frames");
        accuracy.assertCorrectionSharpens();
    }

    @Test
    void recoversTwoPhotonShifts() throws Exception {
        SyntheticParams params = brightTwoPhoton().size(SIZE, SIZE, FRAMES).neuronCount(40)
                .build();
        Accuracy accuracy = correctAndCompare(params, defaults());
        assertTrue(accuracy.rms() <= 0.15, "RMS error " + accuracy.rms() + " px");
        assertTrue(accuracy.drift() <= 0.05, "error drifted by " + accuracy.drift() + " px");
        accuracy.assertCorrectionSharpens();
    }

    @Test
    void crossCorrelationAloneRecoversShiftsWhereFeaturesAreTooFew() throws Exception {
        SyntheticParams params = SyntheticParams.epifluorescence().toBuilder().size(SIZE, SIZE, FRAMES)
                .neuronCount(60).build();
        Accuracy accuracy = correctAndCompare(params, defaults().with("minTrackedFeatures", 10_000));
        assertEquals(0, accuracy.trackedFrames());
        assertTrue(accuracy.rms() <= 0.25, "RMS error " + accuracy.rms() + " px");
    }

    @Test
    void piecewiseRigidPatchesKeepRigidMotionAccurate() throws Exception {
        SyntheticParams params = brightTwoPhoton().size(SIZE, SIZE, FRAMES).neuronCount(40)
                .build();
        Accuracy accuracy = correctAndCompare(params, defaults().with("patchGrid", 2));
        accuracy.assertCorrectionSharpens();
    }

    @Test
    void rigidModelRecoversAKnownRotationAndShift() throws Exception {
        OpenCvLoader.ensureLoaded();
        SyntheticParams params = brightTwoPhoton().size(SIZE, SIZE, 1).neuronCount(40)
                .motionAmplitudePx(0).build();
        SyntheticResult scene = SyntheticVideoGenerator.generate(params, dir.resolve("scene"), ProgressMonitor.NONE);
        float[] still = new float[SIZE * SIZE];
        try (FileVideo video = VideoStore.open(scene.videoFile())) {
            video.readFrame(0, still);
        }
        FrameMotion moved = new FrameMotion(1.6, -0.7, 1.5, 1);
        float[][] frames = new float[12][];
        for (int t = 0; t < frames.length; t++) {
            frames[t] = t < 6 ? still : move(still, moved);
        }
        Parameters rigid = defaults().with("transform", "rigid").with("templateFrames", 6);
        MotionShifts shifts = MotionCorrectionStage.correct(new ArrayVideo(SIZE, SIZE, PixelType.FLOAT32, 10,
                frames), rigid, dir.resolve("rigid.nsv"), 2, ProgressMonitor.NONE).shifts();
        for (int t = 6; t < frames.length; t++) {
            assertEquals(1.5, shifts.rotationDegrees()[t], 0.05, "rotation of frame " + t);
            assertEquals(1.6, shifts.dx()[t], 0.05, "dx of frame " + t);
            assertEquals(-0.7, shifts.dy()[t], 0.05, "dy of frame " + t);
        }
        assertEquals(0, shifts.dx()[0], 0.02);
    }

    @Test
    void applyingTheShiftsToAnotherVideoMatchesCorrectingIt() throws Exception {
        SyntheticParams params = brightTwoPhoton().size(SIZE, SIZE, 40).neuronCount(40)
                .build();
        SyntheticResult truth = SyntheticVideoGenerator.generate(params, dir.resolve("g"), ProgressMonitor.NONE);
        try (FileVideo video = VideoStore.open(truth.videoFile())) {
            PortValues outputs = MotionCorrectionStage.INSTANCE.run(PortValues.of(MotionCorrectionStage.VIDEO, video),
                    defaults(),
                    StageContext.inDirectory(dir, ProgressMonitor.NONE));
            MotionShifts shifts = outputs.get(MotionCorrectionStage.SHIFTS);
            assertTrue(outputs.get(MotionCorrectionStage.PICTURE) instanceof Picture);
            // With Motion Correction's interpolation, applying its shifts gives its corrected frames.
            Path applied = ApplyShiftsStage.apply(video, shifts, ApplyShiftsStage.INSTANCE.defaults()
                    .with(ApplyShiftsStage.INTERPOLATION.key(), "linear"), dir.resolve("applied.nsv"), 1,
                    ProgressMonitor.NONE);
            try (Video corrected = outputs.get(MotionCorrectionStage.CORRECTED_VIDEO); FileVideo again =
                    VideoStore.open(applied)) {
                float[] a = new float[SIZE * SIZE];
                float[] b = new float[SIZE * SIZE];
                for (int t = 0; t < 40; t++) {
                    corrected.readFrame(t, a);
                    again.readFrame(t, b);
                    assertArrayEquals(a, b, "frame " + t);
                }
            }
            // By default frames move by whole pixels: inside the frame every pixel is a recorded one.
            Path whole = ApplyShiftsStage.apply(video, shifts, ApplyShiftsStage.INSTANCE.defaults(),
                    dir.resolve("whole.nsv"), 1, ProgressMonitor.NONE);
            try (FileVideo moved = VideoStore.open(whole)) {
                float[] recorded = new float[SIZE * SIZE];
                float[] b = new float[SIZE * SIZE];
                int t = 0;
                for (int f = 1; f < 40; f++) {
                    if (Math.hypot(shifts.dx()[f], shifts.dy()[f]) > Math.hypot(shifts.dx()[t], shifts.dy()[t])) {
                        t = f;
                    }
                }
                video.readFrame(t, recorded);
                moved.readFrame(t, b);
                int dx = (int) Math.round(shifts.dx()[t]);
                int dy = (int) Math.round(shifts.dy()[t]);
                assertTrue(dx != 0 || dy != 0, "the test needs a frame that moved");
                // The frame moved by (dx, dy) from the template; correcting moves it back.
                assertTrue(movedBy(recorded, b, -dx, -dy), "frame " + t + " is not the recorded frame moved back "
                        + "by whole pixels (" + -dx + ", " + -dy + ")");
                assertFalse(movedBy(recorded, b, dx, dy), "frame " + t + " moved the wrong way");
            }
            MotionShifts shorter = new MotionShifts(new double[3], new double[3], new double[3], new int[3],
                    new double[3], new double[3]);
            NeurosegException error = assertThrows(NeurosegException.class, () -> ApplyShiftsStage.apply(video,
                    shorter, ApplyShiftsStage.INSTANCE.defaults(), dir.resolve("x.nsv"), 1, ProgressMonitor.NONE));
            assertTrue(error.getMessage().contains("3 frames") && error.getMessage().contains("40"));
        }
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws Exception {
        SyntheticParams params = SyntheticParams.epifluorescence().toBuilder().size(SIZE, SIZE, 60).neuronCount(60)
                .build();
        SyntheticResult truth = SyntheticVideoGenerator.generate(params, dir.resolve("g"), ProgressMonitor.NONE);
        Parameters refreshing = defaults().with("templateFrames", 20).with("templateRefreshFrames", 25);
        try (FileVideo video = VideoStore.open(truth.videoFile())) {
            MotionShifts one = MotionCorrectionStage.correct(video, refreshing, dir.resolve("1.nsv"), 1,
                    ProgressMonitor.NONE).shifts();
            MotionShifts three = MotionCorrectionStage.correct(video, refreshing, dir.resolve("3.nsv"), 3,
                    ProgressMonitor.NONE).shifts();
            assertArrayEquals(one.dx(), three.dx());
            assertArrayEquals(one.dy(), three.dy());
            assertArrayEquals(one.correlationAfter(), three.correlationAfter());
            assertEquals(-1, Files.mismatch(dir.resolve("1.nsv"), dir.resolve("3.nsv")));
        }
    }

    private static Parameters defaults() {
        return MotionCorrectionStage.INSTANCE.defaults().with("maxShiftPx", 10);
    }

    /**
     * Error statistics of one corrected synthetic video.
     *
     * @param meanCorrelation of the corrected video's mean image with that of the same scene without motion
     * @param uncorrectedCorrelation the same for the video before correction
     */
    record Accuracy(double rms, double drift, int trackedFrames, double meanCorrelation,
            double uncorrectedCorrelation) {

        /** Asserts that the corrected mean image is sharp and that correcting improved it. */
        void assertCorrectionSharpens() {
            assertTrue(meanCorrelation >= 0.99, "mean image correlation " + meanCorrelation);
            assertTrue(1 - meanCorrelation <= 0.5 * (1 - uncorrectedCorrelation), "correction must at least halve "
                    + "the mismatch of the mean image: correlation " + uncorrectedCorrelation + " before, "
                    + meanCorrelation + " after");
        }
    }

    private Accuracy correctAndCompare(SyntheticParams params, Parameters parameters) throws Exception {
        SyntheticResult truth = SyntheticVideoGenerator.generate(params, dir.resolve("moving"),
                ProgressMonitor.NONE);
        SyntheticResult still = SyntheticVideoGenerator.generate(params.toBuilder().motionAmplitudePx(0)
                .jumpProbability(0).jumpSizePx(0).build(), dir.resolve("still"), ProgressMonitor.NONE);
        try (FileVideo video = VideoStore.open(truth.videoFile());
                FileVideo reference = VideoStore.open(still.videoFile())) {
            MotionCorrector.Result result = MotionCorrectionStage.correct(video, parameters,
                    dir.resolve("corrected.nsv"), 2, ProgressMonitor.NONE);
            ShiftErrors errors = ShiftErrors.of(result.shifts(), truth.shifts());
            int tracked = 0;
            for (int count : result.shifts().trackedFeatures()) {
                tracked += count > 0 ? 1 : 0;
            }
            try (FileVideo corrected = VideoStore.open(result.video())) {
                float[] correctedMean = Videos.mean(corrected, ProgressMonitor.NONE);
                float[] stillMean = Videos.mean(reference, ProgressMonitor.NONE);
                double correlation = ShiftErrors.meanImageCorrelation(correctedMean,
                        shift(stillMean, errors.offsetX(), errors.offsetY()), SIZE, SIZE, 12);
                double uncorrected = ShiftErrors.meanImageCorrelation(Videos.mean(video, ProgressMonitor.NONE),
                        stillMean, SIZE, SIZE, 12);
                System.out.printf("mean image correlation: %.5f uncorrected, %.5f corrected%n", uncorrected,
                        correlation);
                return new Accuracy(errors.rms(), errors.drift(), tracked, correlation, uncorrected);
            }
        }
    }

    /** @return {@code image} moved so that (x, y) appears at (x - dx, y - dy): into the template's position */
    private static float[] shift(float[] image, double dx, double dy) throws Exception {
        OpenCvLoader.ensureLoaded();
        Mat source = new Mat(SIZE, SIZE, CvType.CV_32F);
        Mat target = new Mat();
        Mat matrix = FrameMotion.translation(-dx, -dy).templateToFrame(SIZE, SIZE);
        try {
            source.put(0, 0, image);
            Imgproc.warpAffine(source, target, matrix, source.size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
            float[] moved = new float[SIZE * SIZE];
            target.get(0, 0, moved);
            return moved;
        } finally {
            Mats.release(source, target, matrix);
        }
    }

    /** @return {@code image} after {@code motion}: the feature at p appears at q = M p */
    private static float[] move(float[] image, FrameMotion motion) {
        Mat source = new Mat(SIZE, SIZE, CvType.CV_32F);
        Mat target = new Mat();
        Mat matrix = motion.templateToFrame(SIZE, SIZE);
        try {
            source.put(0, 0, image);
            Imgproc.warpAffine(source, target, matrix, source.size(), Imgproc.INTER_CUBIC, Core.BORDER_REPLICATE);
            float[] moved = new float[SIZE * SIZE];
            target.get(0, 0, moved);
            return moved;
        } finally {
            Mats.release(source, target, matrix);
        }
    }

    /** @return whether {@code moved} equals {@code recorded} moved by (dx, dy), away from the borders */
    private static boolean movedBy(float[] recorded, float[] moved, int dx, int dy) {
        int margin = 10;
        for (int y = margin; y < SIZE - margin; y++) {
            for (int x = margin; x < SIZE - margin; x++) {
                if (moved[y * SIZE + x] != recorded[(y - dy) * SIZE + x - dx]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The two-photon preset at the photon levels of a typical recording (the preset is calibrated to a dim one, a
     * few photons a pixel): these tests measure the motion correction, not how little a dim recording shows.
     */
    private static SyntheticParams.Builder brightTwoPhoton() {
        return SyntheticParams.twoPhoton().toBuilder().baselinePhotons(100).cellPhotons(300).cameraGain(1);
    }
}
