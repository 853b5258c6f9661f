package org.neuroseg.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroseg.testing.Stats.standardDeviation;
import static org.neuroseg.testing.Stats.variance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;

class LocalEqualizationStageTest {

    private static final int SIZE = 128;

    @TempDir
    Path dir;

    @Test
    void raisesTheContrastOfALowContrastSixteenBitFrame() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        float[] frame = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                frame[y * SIZE + x] = (float) (1000 + 40 * Math.sin(x / 5.0) * Math.cos(y / 7.0)
                        + 5 * random.nextGaussian());
            }
        }
        Parameters parameters = LocalEqualizationStage.INSTANCE.defaults().with("blurSigmaPx", 0.0);
        float[] out = equalizeOne(new ArrayVideo(SIZE, SIZE, PixelType.UINT16, 10, frame), parameters, 1)[0];
        double before = standardDeviation(frame) / 65535;
        double after = standardDeviation(out);
        assertTrue(after > 50 * before, "contrast (std / full range) went from " + before + " to " + after);
        assertTrue(min(out) >= 0 && max(out) <= 1, "without background subtraction values stay in [0, 1]");
        float[] eightBit = equalizeOne(new ArrayVideo(SIZE, SIZE, PixelType.UINT16, 10, frame),
                parameters.with("depth", "8-bit"), 1)[0];
        assertTrue(standardDeviation(eightBit) > 50 * before, "8-bit contrast went from " + before + " to " + standardDeviation(eightBit));
        // Similar, not equal: OpenCV scales the clip limit by tile pixels per histogram level, which differs
        assertTrue(correlation(out, eightBit) > 0.9, "8 and 16 bit agree: " + correlation(out, eightBit));
    }

    private static double correlation(float[] a, float[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void blurReducesWhiteNoiseVarianceByTheKernelsFactor() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        float[] noise = new float[SIZE * SIZE];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (30000 + 3000 * random.nextGaussian());
        }
        ArrayVideo video = new ArrayVideo(SIZE, SIZE, PixelType.UINT16, 10, noise);
        Parameters sharp = LocalEqualizationStage.INSTANCE.defaults().with("blurSigmaPx", 0.0).with("tileGrid", 1);
        double sigma = 2;
        double unblurred = variance(interior(equalizeOne(video, sharp, 1)[0], 10));
        double blurred = variance(interior(equalizeOne(video, sharp.with("blurSigmaPx", sigma), 1)[0], 10));
        // Measured away from the borders, where replicated pixels are correlated. OpenCV's float kernel:
        // 2 * round(4 sigma) + 1 taps; a separable blur scales white-noise variance by
        // (sum of squared 1-D weights)^2.
        int half = (int) Math.round(4 * sigma);
        double sum = 0;
        double squares = 0;
        for (int k = -half; k <= half; k++) {
            double weight = Math.exp(-0.5 * k * k / (sigma * sigma));
            sum += weight;
            squares += weight * weight;
        }
        double expected = Math.pow(squares / (sum * sum), 2);
        assertEquals(expected, blurred / unblurred, 0.1 * expected);
    }

    @Test
    void backgroundSubtractionFlattensAVignette() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        float[] frame = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double r2 = (Math.pow(x - SIZE / 2.0, 2) + Math.pow(y - SIZE / 2.0, 2)) / Math.pow(SIZE / 2.0, 2);
                frame[y * SIZE + x] = (float) ((1 - 0.3 * r2) * (20000 + 2000 * random.nextGaussian()));
            }
        }
        ArrayVideo video = new ArrayVideo(SIZE, SIZE, PixelType.UINT16, 10, frame);
        Parameters global = LocalEqualizationStage.INSTANCE.defaults().with("tileGrid", 1);
        float[] plain = equalizeOne(video, global, 1)[0];
        float[] flat = equalizeOne(video, global.with("subtractBackground", true).with("backgroundSigmaPx", 10.0),
                1)[0];
        double plainStep = centreMinusCorners(plain);
        double flatStep = centreMinusCorners(flat);
        assertTrue(plainStep > 0.2, "the vignette shows without subtraction: " + plainStep);
        // Not exactly 0: near the corners the large blur sees replicated borders.
        assertTrue(Math.abs(flatStep) < 0.1 * plainStep, "background subtraction left " + flatStep
                + " of centre-to-corner difference (was " + plainStep + ")");
    }

    @Test
    void streamsFloatFramesIndependentOfThreadCount() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        float[][] frames = new float[7][SIZE * SIZE];
        for (float[] frame : frames) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = (float) (random.nextDouble() * 4000);
            }
        }
        ArrayVideo video = new ArrayVideo(SIZE, SIZE, PixelType.UINT16, 10, frames);
        Parameters parameters = LocalEqualizationStage.INSTANCE.defaults().with("subtractBackground", true);
        float[][] one = equalizeOne(video, parameters, 1);
        float[][] three = equalizeOne(video, parameters, 3);
        assertEquals(7, one.length);
        for (int t = 0; t < one.length; t++) {
            assertArrayEquals(one[t], three[t], "frame " + t);
        }
        PortValues outputs = LocalEqualizationStage.INSTANCE.run(PortValues.of(LocalEqualizationStage.VIDEO, video),
                parameters,
                StageContext.inDirectory(dir, ProgressMonitor.NONE));
        try (Video out = outputs.get(LocalEqualizationStage.EQUALIZED_VIDEO)) {
            assertEquals(PixelType.FLOAT32, out.shape().pixelType());
            assertEquals(video.shape().frames(), out.shape().frames());
            assertEquals(10, out.frameRateHz());
        }
    }

    @Test
    void nanPixelsAreLeftOutWithAWarningToTheUser() throws Exception {
        float[][] frames = new float[3][16 * 16];
        SplittableRandom random = new SplittableRandom(2);
        for (float[] frame : frames) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = (float) random.nextDouble(100, 200);
            }
        }
        frames[1][5] = Float.NaN;
        List<String> warnings = new ArrayList<>();
        Video video = new ArrayVideo(16, 16, PixelType.FLOAT32, 10, frames);
        PortValues outputs = LocalEqualizationStage.INSTANCE.run(PortValues.of(LocalEqualizationStage.VIDEO, video),
                LocalEqualizationStage.INSTANCE.defaults(), new StageContext(dir::resolve, ProgressMonitor.NONE,
                        warnings::add));
        outputs.get(LocalEqualizationStage.EQUALIZED_VIDEO).close();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith(video.source() + ": 1 of 768 pixels are NaN"), warnings.get(0));
    }

    private float[][] equalizeOne(Video video, Parameters parameters, int threads) throws Exception {
        Path target = Files.createTempFile(dir, "eq", VideoStore.EXTENSION);
        LocalEqualizationStage.equalize(video, parameters, target, threads,
                StageContext.inDirectory(dir, ProgressMonitor.NONE));
        try (FileVideo out = VideoStore.open(target)) {
            float[][] frames = new float[out.shape().frames()][out.shape().pixelsPerFrame()];
            for (int t = 0; t < frames.length; t++) {
                out.readFrame(t, frames[t]);
            }
            return frames;
        }
    }

    private static double centreMinusCorners(float[] image) {
        int block = SIZE / 8;
        double centre = blockMean(image, SIZE / 2 - block / 2, SIZE / 2 - block / 2, block);
        double corners = (blockMean(image, 4, 4, block) + blockMean(image, 4, SIZE - 4 - block, block)
                + blockMean(image, SIZE - 4 - block, 4, block)
                + blockMean(image, SIZE - 4 - block, SIZE - 4 - block, block)) / 4;
        return centre - corners;
    }

    private static double blockMean(float[] image, int top, int left, int block) {
        double sum = 0;
        for (int y = top; y < top + block; y++) {
            for (int x = left; x < left + block; x++) {
                sum += image[y * SIZE + x];
            }
        }
        return sum / (block * block);
    }

    private static float[] interior(float[] image, int margin) {
        int side = SIZE - 2 * margin;
        float[] inside = new float[side * side];
        for (int y = 0; y < side; y++) {
            System.arraycopy(image, (y + margin) * SIZE + margin, inside, y * side, side);
        }
        return inside;
    }

    private static float min(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        for (float value : values) {
            min = Math.min(min, value);
        }
        return min;
    }

    private static float max(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
