package org.neuroseg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;

/** Each estimator of {@link RealismStatistics} on a synthetic case whose answer is known. */
class RealismStatisticsTest {

    private static final int SIDE = 64;

    @Test
    void noiseLineRecoversGainAndReadNoiseOfPoissonNoise() throws Exception {
        double gain = 2;
        double read = 10;
        SplittableRandom random = new SplittableRandom(3);
        float[][] frames = new float[200][SIDE * SIDE];
        for (float[] frame : frames) {
            for (int p = 0; p < frame.length; p++) {
                double photons = 50 + 450.0 * (p % SIDE) / (SIDE - 1);
                frame[p] = (float) (gain * poisson(random, photons) + read * random.nextGaussian());
            }
        }
        RealismStatistics.Result result = RealismStatistics.measure(new ArrayVideo(SIDE, SIDE, PixelType.FLOAT32,
                10, frames), 10);
        assertEquals(gain, result.noiseSlope(), 0.1, "gain");
        assertEquals(read * read, result.noiseIntercept(), 25, "read noise squared");
        // at offset 0, the variance that grows with brightness between the 5th and 95th percentile of the mean
        double m5 = gain * (50 + 450 * 3.0 / 63);
        double m95 = gain * (50 + 450 * 60.0 / 63);
        double expected = gain * (m95 - m5) / (gain * m95 + read * read);
        assertEquals(expected, result.shotShare(), 0.05, "shot-noise share");
    }

    /**
     * Where only noise moves, the median pixel peaks a few noise std above its baseline in Activity Frames and hardly
     * a pixel-frame reaches 5; where every pixel sees a transient of 12 noise std for 5 of 300 frames, the peak is near
     * 12 and about that share of pixel-frames is strong.
     */
    @Test
    void activityTellsAFlickeringFieldFromAQuietOne(@TempDir Path work) throws Exception {
        int frames = 300;
        SplittableRandom random = new SplittableRandom(11);
        float[][] quiet = new float[frames][SIDE * SIDE];
        float[][] flickering = new float[frames][SIDE * SIDE];
        for (int t = 0; t < frames; t++) {
            for (int p = 0; p < SIDE * SIDE; p++) {
                float noise = (float) (100 + 10 * random.nextGaussian());
                quiet[t][p] = noise;
                // each pixel's own transient: 12 noise std for 5 frames at a time of its own
                int start = 100 + p % 150;
                flickering[t][p] = noise + (t >= start && t < start + 5 ? 120 : 0);
            }
        }
        RealismStatistics.Activity quietField = RealismStatistics.activity(new ArrayVideo(SIDE, SIDE,
                PixelType.FLOAT32, 10, quiet), 10, work);
        RealismStatistics.Activity flickeringField = RealismStatistics.activity(new ArrayVideo(SIDE, SIDE,
                PixelType.FLOAT32, 10, flickering), 10, work);
        assertTrue(quietField.medianPeak() > 1.5 && quietField.medianPeak() < 5, "quiet field " + quietField);
        assertTrue(flickeringField.medianPeak() > 7, "flickering field " + flickeringField);
        assertTrue(quietField.strongShare() < 1e-3, "quiet field " + quietField);
        assertTrue(flickeringField.strongShare() > 0.01 && flickeringField.strongShare() < 0.05,
                "flickering field " + flickeringField);
    }

    @Test
    void diameterOfScatteredDisksThroughTheHighPass() {
        for (double diameter : new double[] {8, 14}) {
            float[] image = disks(256, diameter, 60, new SplittableRandom(5));
            double measured = RealismStatistics.diameter(RealismStatistics.highPass(image, 256, 256), 256, 256);
            assertEquals(diameter, measured, 0.15 * diameter, "diameter " + diameter);
        }
    }

    @Test
    void coverageOfDisksOnNoise() {
        SplittableRandom random = new SplittableRandom(7);
        float[] image = disks(256, 10, 80, random);
        int inside = 0;
        for (int p = 0; p < image.length; p++) {
            inside += image[p] > 0 ? 1 : 0;
            image[p] = image[p] * 10 + (float) random.nextGaussian();
        }
        boolean[] everyPixel = new boolean[image.length];
        Arrays.fill(everyPixel, true);
        boolean[] above = RealismStatistics.aboveRobust(RealismStatistics.highPass(image, 256, 256), 3, everyPixel);
        int count = 0;
        for (boolean a : above) {
            count += a ? 1 : 0;
        }
        assertEquals(inside / (double) image.length, count / (double) image.length, 0.02);
    }

    @Test
    void coverageCountsCellsThatVaryNotBrightPixelsWithMoreShotNoise() throws Exception {
        // bright disks that never change (their shot noise is larger than the background's) and as many dim disks
        // whose brightness drifts slowly: only the drifting ones are cells that vary
        SplittableRandom random = new SplittableRandom(17);
        float[] bright = disks(SIDE, 8, 6, random);
        float[] drifting = disks(SIDE, 8, 6, random);
        int driftingPixels = 0;
        for (int p = 0; p < drifting.length; p++) {
            if (drifting[p] > 0 && bright[p] == 0) {
                driftingPixels++;
            } else {
                drifting[p] = 0;
            }
        }
        float[][] frames = new float[300][SIDE * SIDE];
        for (int t = 0; t < frames.length; t++) {
            double level = 30 * Math.sin(2 * Math.PI * t / 100.0);
            for (int p = 0; p < SIDE * SIDE; p++) {
                double photons = 100 + 900 * bright[p] + level * drifting[p];
                frames[t][p] = (float) poisson(random, photons);
            }
        }
        RealismStatistics.Result result = RealismStatistics.measure(new ArrayVideo(SIDE, SIDE, PixelType.FLOAT32,
                10, frames), 10);
        assertEquals(driftingPixels / (double) (SIDE * SIDE), result.coverage(), 0.03);
    }

    /**
     * A quiet field (noise only) with a few dim disks whose brightness varies: most pixels' signal std is 0, and
     * coverage is still about the disks' share (0.05; counting the zeros in the robust spread gave twice that).
     */
    @Test
    void coverageOfDimCellsOnAQuietField() throws Exception {
        SplittableRandom random = new SplittableRandom(23);
        float[] cells = disks(SIDE, 8, 4, random);
        int cellPixels = 0;
        for (float value : cells) {
            cellPixels += value > 0 ? 1 : 0;
        }
        float[][] frames = new float[400][SIDE * SIDE];
        for (int t = 0; t < frames.length; t++) {
            double level = 8 * Math.sin(2 * Math.PI * t / 80.0);
            for (int p = 0; p < SIDE * SIDE; p++) {
                frames[t][p] = (float) (100 + level * cells[p] + 10 * random.nextGaussian());
            }
        }
        RealismStatistics.Result result = RealismStatistics.measure(new ArrayVideo(SIDE, SIDE, PixelType.FLOAT32,
                10, frames), 10);
        assertEquals(cellPixels / (double) (SIDE * SIDE), result.coverage(), 0.03);
    }

    @Test
    void spectrumExponentOfAPowerLawField() {
        int side = 96;
        double beta = 2;
        SplittableRandom random = new SplittableRandom(11);
        float[] image = new float[side * side];
        for (int u = -side / 2 + 1; u < side / 2; u++) {
            for (int v = 0; v < side / 2; v++) {
                double f = Math.hypot(u, v);
                if (f == 0 || f > side / 2.0 - 1) {
                    continue;
                }
                double amplitude = Math.pow(f, -beta / 2) * random.nextGaussian();
                double phase = 2 * Math.PI * random.nextDouble();
                for (int r = 0; r < side; r++) {
                    for (int c = 0; c < side; c++) {
                        image[r * side + c] += (float) (amplitude
                                * Math.cos(2 * Math.PI * (u * r + v * c) / side + phase));
                    }
                }
            }
        }
        assertEquals(-beta, RealismStatistics.spectrumExponent(image, side, side, 0.04, 0.3), 0.3);
    }

    @Test
    void transientsOfKnownAmplitudeAndRate() {
        int frames = 2000;
        double rate = 10;
        SplittableRandom random = new SplittableRandom(13);
        float[] trace = new float[frames];
        int events = 0;
        for (int t = 0; t < frames; t++) {
            trace[t] = 100 + (float) random.nextGaussian();
        }
        for (int t = 50; t < frames - 50; t += 100) {
            events++;
            for (int s = 0; s < 20; s++) {
                trace[t + s] += (float) (20 * Math.exp(-s / 5.0));
            }
        }
        double[] stats = RealismStatistics.transientStats(trace, 1, 0, rate);
        assertEquals(events / (frames / rate), stats[2], 1e-9, "events per second");
        // the largest 3-frame mean, (20 + 20 e^-0.2 + 20 e^-0.4) / 3, over the noise of a 3-frame mean
        double peak = 20 * (1 + Math.exp(-0.2) + Math.exp(-0.4)) / 3;
        assertEquals(peak * Math.sqrt(3), stats[0], 3, "peak SNR");
        assertEquals(peak / 100, stats[1], 0.02, "peak dF/F");
    }

    @Test
    void changeCorrelationOfWhiteAndOfBoxAveragedNoise() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        int width = 5;
        float[][] white = new float[60][SIDE * SIDE];
        float[][] smooth = new float[60][SIDE * SIDE];
        for (int t = 0; t < white.length; t++) {
            for (int p = 0; p < SIDE * SIDE; p++) {
                white[t][p] = (float) (100 + 10 * random.nextGaussian());
            }
            // a 5 x 5 box average, wrapping at the edges: neighbours 2 px apart share 3 of 5 rows or columns
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    double sum = 0;
                    for (int dy = 0; dy < width; dy++) {
                        for (int dx = 0; dx < width; dx++) {
                            sum += white[t][((y + dy) % SIDE) * SIDE + (x + dx) % SIDE];
                        }
                    }
                    smooth[t][y * SIDE + x] = (float) (sum / (width * width));
                }
            }
        }
        double independent = RealismStatistics.measure(new ArrayVideo(SIDE, SIDE, PixelType.FLOAT32, 10, white), 10)
                .changeCorrelation();
        double shared = RealismStatistics.measure(new ArrayVideo(SIDE, SIDE, PixelType.FLOAT32, 10, smooth), 10)
                .changeCorrelation();
        assertEquals(0, independent, 0.03, "independent pixels");
        assertEquals(0.6, shared, 0.05, "box of 5 px at a lag of 2 px");
    }

    /**
     * A fine texture whose brightness follows a gain of 1 + 0.1 x a Gaussian sample per frame, on a background ramp
     * that the high pass removes, with pixel noise: the robust std of the fitted gain is 0.1; with the gain held at 1,
     * only the noise's share of the fit is left (about 0.005 here).
     */
    @Test
    void frameWideChangeOfATextureThatBrightensTogether() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        float[] texture = new float[SIDE * SIDE];
        for (int p = 0; p < texture.length; p++) {
            texture[p] = (float) (20 * random.nextGaussian());
        }
        int frames = 400;
        float[][] shared = new float[frames][SIDE * SIDE];
        float[][] steady = new float[frames][SIDE * SIDE];
        for (int t = 0; t < frames; t++) {
            double gain = 1 + 0.1 * random.nextGaussian();
            for (int p = 0; p < texture.length; p++) {
                double background = 500 + 2 * (p % SIDE) + 5 * random.nextGaussian();
                shared[t][p] = (float) (background + gain * texture[p]);
                steady[t][p] = (float) (background + texture[p]);
            }
        }
        double sharedChange = RealismStatistics.measure(new ArrayVideo(SIDE, SIDE, PixelType.FLOAT32, 10, shared), 10)
                .frameWideChange();
        double steadyChange = RealismStatistics.measure(new ArrayVideo(SIDE, SIDE, PixelType.FLOAT32, 10, steady), 10)
                .frameWideChange();
        assertEquals(0.1, sharedChange, 0.015, "gain std 0.1");
        assertTrue(steadyChange < 0.01, "steady texture " + steadyChange);
    }

    @Test
    void slowFluctuationOfASlowSine() {
        double[] means = new double[5000];
        for (int t = 0; t < means.length; t++) {
            means[t] = 100 + 3 * Math.sin(2 * Math.PI * t / 1000.0);
        }
        assertEquals(3 / Math.sqrt(2), RealismStatistics.slowFluctuation(means, 10), 0.05);
    }

    /** Non-overlapping uniform disks of value 1 on 0. */
    private static float[] disks(int side, double diameter, int count, SplittableRandom random) {
        float[] image = new float[side * side];
        double radius = diameter / 2;
        int placed = 0;
        while (placed < count) {
            double row = radius + 2 + (side - diameter - 4) * random.nextDouble();
            double col = radius + 2 + (side - diameter - 4) * random.nextDouble();
            boolean free = true;
            for (int r = (int) (row - radius - 2); r <= row + radius + 2 && free; r++) {
                for (int c = (int) (col - radius - 2); c <= col + radius + 2; c++) {
                    if (image[r * side + c] > 0) {
                        free = false;
                        break;
                    }
                }
            }
            if (!free) {
                continue;
            }
            for (int r = (int) (row - radius - 1); r <= row + radius + 1; r++) {
                for (int c = (int) (col - radius - 1); c <= col + radius + 1; c++) {
                    if (Math.hypot(r + 0.5 - row, c + 0.5 - col) <= radius) {
                        image[r * side + c] = 1;
                    }
                }
            }
            placed++;
        }
        return image;
    }

    private static int poisson(SplittableRandom random, double mean) {
        return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
}
