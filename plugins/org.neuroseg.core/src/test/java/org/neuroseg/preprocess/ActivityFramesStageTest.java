package org.neuroseg.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuroseg.metrics.Auc;
import org.neuroseg.roi.Roi;
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

class ActivityFramesStageTest {

    @TempDir
    Path dir;

    @Test
    void restingPixelsAreNoiseOfUnitSizeAndFiringCellsStandOut() throws Exception {
        // cells, background and noise only (no out-of-focus cells, vessels or shared noise)
        SyntheticParams params = SyntheticParams.epifluorescence().toBuilder().size(96, 96, 600).neuronCount(24)
                .baselinePhotons(2000).cellPhotons(500).outOfFocus(0, 0).vessels(0, 0, 8).noiseCorrelationPx(0)
                .motionAmplitudePx(0).jumpProbability(0).jumpSizePx(0).seed(21).build();
        SyntheticResult truth = SyntheticVideoGenerator.generate(params, dir.resolve("g"), ProgressMonitor.NONE);
        boolean[] inCell = new boolean[96 * 96];
        truth.rois().rois().forEach(roi -> markDilated(roi, inCell, 3));
        List<double[]> cellPeaks = new ArrayList<>();
        double sum = 0;
        double sumOfSquares = 0;
        long count = 0;
        try (FileVideo video = VideoStore.open(truth.videoFile());
                Video activity = ActivityFramesStage.INSTANCE.run(PortValues.of(ActivityFramesStage.VIDEO, video),
                        ActivityFramesStage.INSTANCE.defaults(), StageContext.inDirectory(dir,
                                ProgressMonitor.NONE)).get(ActivityFramesStage.ACTIVITY)) {
            assertEquals(PixelType.FLOAT32, activity.shape().pixelType());
            assertEquals(600, activity.shape().frames());
            float[] frame = new float[96 * 96];
            double[] peak = new double[truth.rois().size()];
            for (int t = 0; t < 600; t++) {
                activity.readFrame(t, frame);
                for (int i = 0; i < frame.length; i++) {
                    if (!inCell[i]) {
                        sum += frame[i];
                        sumOfSquares += frame[i] * frame[i];
                        count++;
                    }
                }
                for (int r = 0; r < peak.length; r++) {
                    Roi roi = truth.rois().rois().get(r);
                    double mean = 0;
                    for (int k = 0; k < roi.area(); k++) {
                        mean += frame[roi.rows()[k] * 96 + roi.cols()[k]] / roi.area();
                    }
                    peak[r] = Math.max(peak[r], mean);
                }
            }
            for (int r = 0; r < peak.length; r++) {
                int id = truth.rois().rois().get(r).id();
                boolean fires = truth.functional()[id - 1] && truth.cells().get(id - 1).spikeCount() > 0;
                cellPeaks.add(new double[] {peak[r], fires ? 1 : 0});
            }
        }
        double mean = sum / count;
        double sd = Math.sqrt(sumOfSquares / count - mean * mean);
        System.out.printf("activity of resting pixels: mean %.3f, sd %.3f%n", mean, sd);
        // Measured: mean 0.00, sd 0.97 (with running means started at 0: 1.25, the noise read low).
        assertEquals(0, mean, 0.3, "resting pixels sit at 0");
        assertTrue(sd > 0.7 && sd < 1.3, "resting pixels vary by about one noise unit: " + sd);
        double auc = auc(cellPeaks);
        System.out.printf("AUC of the peak ROI activity, firing against silent cells: %.3f%n", auc);
        // Measured: 0.94.
        assertTrue(auc >= 0.85, "AUC " + auc);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {5, 30})
    void noiseReadsOneUnitInAVideoShorterThanTheBaselineWindow(double frameRateHz) throws Exception {
        // 300 frames of white noise: at 30 Hz a tenth of a second is 3 frames and the 30 s window 900 frames, three
        // times the video. The activity's scale must not depend on how much of a window the video fills: running
        // means started at 0 read the noise low and the activity 3 to 7 times too large at 30 Hz.
        Random random = new Random(7);
        int frames = 300;
        int side = 24;
        float[][] pixels = new float[frames][side * side];
        for (float[] frame : pixels) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = (float) (500 + 20 * random.nextGaussian());
            }
        }
        Video video = new ArrayVideo(side, side, PixelType.FLOAT32, frameRateHz, pixels);
        double[] sumOfSquares = new double[2];
        try (Video activity = ActivityFramesStage.INSTANCE.run(PortValues.of(ActivityFramesStage.VIDEO, video),
                ActivityFramesStage.INSTANCE.defaults(), StageContext.inDirectory(dir, ProgressMonitor.NONE))
                .get(ActivityFramesStage.ACTIVITY)) {
            float[] frame = new float[side * side];
            for (int t = 0; t < frames; t++) {
                activity.readFrame(t, frame);
                for (float value : frame) {
                    sumOfSquares[t < 10 ? 0 : 1] += value * value;
                }
            }
        }
        double first = Math.sqrt(sumOfSquares[0] / (10.0 * side * side));
        double rest = Math.sqrt(sumOfSquares[1] / ((frames - 10.0) * side * side));
        System.out.printf("%.0f Hz: activity of white noise, RMS %.3f over the first 10 frames, %.3f after%n",
                frameRateHz, first, rest);
        assertEquals(1, rest, 0.2, "noise in noise units");
        assertTrue(first < 1.4, "the first frames are no noisier than the rest: " + first);
    }

    @Test
    void theBaselineFollowsASlowDrift() throws Exception {
        Random random = new Random(3);
        int frames = 3000;
        float[][] pixels = new float[frames][16];
        for (int t = 0; t < frames; t++) {
            for (int i = 0; i < 16; i++) {
                pixels[t][i] = (float) (1000 + 0.05 * t + 10 * random.nextGaussian());
            }
        }
        // 10 Hz, noise 10, a drift of 0.05 a frame: 1.5 noise units over the 30 s baseline window, 15 in all.
        Video video = new ArrayVideo(4, 4, PixelType.FLOAT32, 10, pixels);
        try (Video activity = ActivityFramesStage.INSTANCE.run(PortValues.of(ActivityFramesStage.VIDEO, video),
                ActivityFramesStage.INSTANCE.defaults(), StageContext.inDirectory(dir, ProgressMonitor.NONE))
                .get(ActivityFramesStage.ACTIVITY)) {
            float[] frame = new float[16];
            double late = 0;
            double early = 0;
            for (int t = 0; t < frames; t++) {
                activity.readFrame(t, frame);
                for (float value : frame) {
                    if (t >= frames - 500) {
                        late += value / (500.0 * 16);
                    } else if (t < 500) {
                        early += value / (500.0 * 16);
                    }
                }
            }
            System.out.printf("mean activity under drift: first 500 frames %.3f, last 500 %.3f%n", early, late);
            assertEquals(0, late, 0.5);
            assertEquals(0, early, 0.5);
        }
    }

    @Test
    void resultsDoNotDependOnTheThreads() throws Exception {
        SyntheticParams params = SyntheticParams.epifluorescence().toBuilder().size(48, 72, 80).neuronCount(6)
                .seed(4).build();
        SyntheticResult truth = SyntheticVideoGenerator.generate(params, dir.resolve("t"), ProgressMonitor.NONE);
        byte[][] outputs = new byte[2][];
        int[] threads = {1, 3};
        try (FileVideo video = VideoStore.open(truth.videoFile())) {
            for (int k = 0; k < threads.length; k++) {
                Path target = dir.resolve("activity" + threads[k] + VideoStore.EXTENSION);
                // parallel streams run in the pool of the task that starts them
                ForkJoinPool pool = new ForkJoinPool(threads[k]);
                try {
                    pool.submit(() -> ActivityFramesStage.compute(video, ActivityFramesStage.INSTANCE.defaults(),
                            target, ProgressMonitor.NONE)).get();
                } finally {
                    pool.shutdown();
                }
                outputs[k] = Files.readAllBytes(target);
            }
        }
        assertArrayEquals(outputs[0], outputs[1]);
    }

    private static void markDilated(Roi roi, boolean[] mask, int radius) {
        for (int k = 0; k < roi.area(); k++) {
            for (int dy = -radius; dy <= radius; dy++) {
                for (int dx = -radius; dx <= radius; dx++) {
                    int y = roi.rows()[k] + dy;
                    int x = roi.cols()[k] + dx;
                    if (y >= 0 && y < 96 && x >= 0 && x < 96) {
                        mask[y * 96 + x] = true;
                    }
                }
            }
        }
    }

    /** @return the probability that a firing cell's score exceeds a silent cell's ({value, 1 if firing}) */
    private static double auc(List<double[]> scored) {
        return Auc.of(scored.stream().filter(cell -> cell[1] == 1).mapToDouble(cell -> cell[0]).toArray(),
                scored.stream().filter(cell -> cell[1] == 0).mapToDouble(cell -> cell[0]).toArray());
    }
}
