package org.neuroseg.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroseg.testing.Stats.standardDeviation;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.roi.Roi;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.VideoStore;

/** What the synthetic video shows: cells, spikes, calcium, motion, background and noise. */
class SyntheticVideoContentTest {

    @TempDir
    Path dir;

    private static SyntheticParams.Builder base() {
        return SyntheticParams.epifluorescence().toBuilder().size(128, 128, 100).neuronCount(40).seed(5);
    }

    /** A scene without background, out-of-focus cells, vessels, vignetting, motion or noise: counts = photons. */
    private static SyntheticParams.Builder clean() {
        return base().baselinePhotons(0).neuropilStrength(0).vignetting(0).shotNoise(false).readNoise(0)
                .cameraOffset(0).cameraGain(1).motionAmplitudePx(0).jumpProbability(0).outOfFocus(0, 0)
                .vessels(0, 0, 8).neuropilTexture(0).noiseCorrelationPx(0);
    }

    @Test
    void cellsKeepMinimumSpacingAndRadiusRange() throws Exception {
        SyntheticParams params = base().minSpacingPx(12).build();
        List<SyntheticCell> cells = SyntheticVideoGenerator.generate(params, dir, ProgressMonitor.NONE).cells();
        assertEquals(40, cells.size());
        for (SyntheticCell a : cells) {
            assertTrue(a.radiusPx() >= params.radiusMinPx() && a.radiusPx() <= params.radiusMaxPx());
            for (SyntheticCell b : cells) {
                double distance = Math.hypot(a.centroidRow() - b.centroidRow(), a.centroidCol() - b.centroidCol());
                assertTrue(a == b || distance >= 12, a + " too close to " + b);
            }
        }
    }

    @Test
    void silentShareIsAsRequestedAndSilentCellsNeverSpike() throws Exception {
        SyntheticResult result = SyntheticVideoGenerator.generate(base().silentFraction(0.3).build(), dir,
                ProgressMonitor.NONE);
        long silent = result.cells().stream().filter(c -> !c.functional()).count();
        assertEquals(12, silent);
        for (SyntheticCell cell : result.cells()) {
            int[] train = result.spikes()[cell.id() - 1];
            assertEquals(cell.spikeCount(), IntStream.of(train).sum());
            assertTrue(cell.functional() || cell.spikeCount() == 0, cell.toString());
        }
    }

    @Test
    void functionalCellsSpikeAtRequestedRate() {
        SyntheticParams poisson = base().size(128, 128, 1000).spikeRateHz(2).burstiness(0).build();
        assertEquals(2.0, meanRateHz(poisson), 0.2);
        SyntheticParams bursty = poisson.toBuilder().neuronCount(200).burstiness(0.5).build();
        assertEquals(2.0, meanRateHz(bursty), 0.6);
    }

    @Test
    void burstsMakeSpikeCountsMoreVariableThanPoisson() {
        SyntheticParams poisson = base().size(128, 128, 2000).neuronCount(50).spikeRateHz(1).burstiness(0).build();
        assertEquals(1.0, fanoFactor(poisson), 0.2);
        assertTrue(fanoFactor(poisson.toBuilder().burstiness(0.8).build()) > 3);
    }

    private static double meanRateHz(SyntheticParams params) {
        boolean[] functional = CellPlacement.functionalFlags(params);
        int[][] spikes = SpikeTrains.spikes(params, functional);
        long total = 0;
        int count = 0;
        for (int i = 0; i < spikes.length; i++) {
            if (functional[i]) {
                total += IntStream.of(spikes[i]).sum();
                count++;
            }
        }
        return total / (count * params.frames() / params.frameRateHz());
    }

    /** Variance over mean of spike counts in one-second windows of functional cells. */
    private static double fanoFactor(SyntheticParams params) {
        boolean[] functional = CellPlacement.functionalFlags(params);
        int[][] spikes = SpikeTrains.spikes(params, functional);
        int window = (int) params.frameRateHz();
        double sum = 0;
        double sumSquares = 0;
        int n = 0;
        for (int i = 0; i < spikes.length; i++) {
            for (int start = 0; functional[i] && start + window <= params.frames(); start += window) {
                int count = IntStream.of(spikes[i]).skip(start).limit(window).sum();
                sum += count;
                sumSquares += (double) count * count;
                n++;
            }
        }
        double mean = sum / n;
        return (sumSquares / n - mean * mean) / mean;
    }

    @Test
    void oneSpikePeaksNearDffPerSpikeAndDecaysWithIndicatorTimeConstant() {
        SyntheticParams params = base().build();
        int[][] spikes = new int[1][100];
        spikes[0][10] = 1;
        float[] trace = SpikeTrains.dffTraces(params, spikes)[0];
        assertEquals(0, trace[9]);
        double peak = Math.max(trace[10], trace[11]);
        assertTrue(peak <= params.dffPerSpike() && peak > 0.8 * params.dffPerSpike(), "peak " + peak);
        double gamma = Math.exp(-1 / (params.decaySeconds() * params.frameRateHz()));
        assertEquals(gamma, trace[21] / trace[20], 1e-3);
    }

    @Test
    void shiftsAreBoundedAndSmoothWithoutJumps() {
        SyntheticParams params = base().size(128, 128, 3000).motionAmplitudePx(1.5).jumpProbability(0).build();
        double[][] shifts = Motion.shifts(params);
        double sumSquares = 0;
        double stepSquares = 0;
        for (int t = 0; t < shifts.length; t++) {
            for (int axis = 0; axis < 2; axis++) {
                assertTrue(Math.abs(shifts[t][axis]) <= params.maxShiftPx());
                sumSquares += shifts[t][axis] * shifts[t][axis];
                if (t > 0) {
                    double step = shifts[t][axis] - shifts[t - 1][axis];
                    stepSquares += step * step;
                }
            }
        }
        double rms = Math.sqrt(sumSquares / (2 * shifts.length));
        double stepRms = Math.sqrt(stepSquares / (2 * (shifts.length - 1)));
        assertEquals(1.5, rms, 0.5);
        assertTrue(stepRms < 0.2 * rms, "frame-to-frame change " + stepRms + " px for motion of " + rms + " px");
    }

    @Test
    void jumpsAreRareLargeStepsWithinTheBound() {
        SyntheticParams params = base().size(128, 128, 3000).motionAmplitudePx(0.5).jumpProbability(0.01)
                .jumpSizePx(4).maxShiftPx(8).build();
        double[][] shifts = Motion.shifts(params);
        int jumps = 0;
        for (int t = 1; t < shifts.length; t++) {
            assertTrue(Math.abs(shifts[t][0]) <= 8 && Math.abs(shifts[t][1]) <= 8);
            if (Math.hypot(shifts[t][0] - shifts[t - 1][0], shifts[t][1] - shifts[t - 1][1]) > 2) {
                jumps++;
            }
        }
        assertTrue(jumps >= 10 && jumps <= 50, jumps + " jumps, expected about 30");
    }

    @Test
    void frameContentMovesByTheReportedShift() throws Exception {
        SyntheticParams params = clean().size(96, 96, 40).neuronCount(6).silentFraction(1).motionAmplitudePx(1.5)
                .maxShiftPx(4).jumpProbability(0.05).jumpSizePx(2).minSpacingPx(20).build();
        SyntheticResult result = SyntheticVideoGenerator.generate(params, dir, ProgressMonitor.NONE);
        double[][] shifts = result.shifts();
        try (FileVideo video = VideoStore.open(result.videoFile())) {
            double[] first = centroid(video, 0, 96);
            for (int t = 1; t < 40; t++) {
                double[] c = centroid(video, t, 96);
                assertEquals(shifts[t][0] - shifts[0][0], c[0] - first[0], 0.1, "dx of frame " + t);
                assertEquals(shifts[t][1] - shifts[0][1], c[1] - first[1], 0.1, "dy of frame " + t);
            }
        }
    }

    /** @return {x, y} intensity centroid of a frame */
    private static double[] centroid(FileVideo video, int t, int width) throws Exception {
        float[] frame = new float[video.shape().pixelsPerFrame()];
        video.readFrame(t, frame);
        double mass = 0;
        double x = 0;
        double y = 0;
        for (int i = 0; i < frame.length; i++) {
            mass += frame[i];
            x += frame[i] * (i % width);
            y += frame[i] * (i / width);
        }
        return new double[] {x / mass, y / mass};
    }

    @Test
    void functionalCellBrightensAfterSpikes() throws Exception {
        SyntheticParams params = base().size(96, 96, 200).neuronCount(20).spikeRateHz(1).burstiness(0).build();
        SyntheticResult result = SyntheticVideoGenerator.generate(params, dir, ProgressMonitor.NONE);
        double riseSum = 0;
        int cells = 0;
        try (FileVideo video = VideoStore.open(result.videoFile())) {
            float[][] means = new float[params.frames()][];
            for (int t = 0; t < params.frames(); t++) {
                means[t] = roiMeans(video, t, result.rois().rois(), params.width());
            }
            for (Roi roi : result.rois().rois()) {
                int[] spikes = result.spikes()[roi.id() - 1];
                double[] afterAndQuiet = afterSpikeAndQuietMeans(spikes, means, roi.id() - 1);
                if (!Double.isNaN(afterAndQuiet[0]) && !Double.isNaN(afterAndQuiet[1])) {
                    riseSum += afterAndQuiet[0] - afterAndQuiet[1];
                    cells++;
                }
            }
        }
        assertTrue(cells >= 8, cells + " cells with spikes and quiet periods");
        assertTrue(riseSum / cells > 50, "mean rise after a spike " + riseSum / cells + " counts");
    }

    private static float[] roiMeans(FileVideo video, int t, List<Roi> rois, int width) throws Exception {
        float[] frame = new float[video.shape().pixelsPerFrame()];
        video.readFrame(t, frame);
        float[] means = new float[rois.size()];
        for (int r = 0; r < rois.size(); r++) {
            Roi roi = rois.get(r);
            double sum = 0;
            for (int p = 0; p < roi.area(); p++) {
                sum += frame[roi.rows()[p] * width + roi.cols()[p]];
            }
            means[r] = (float) (sum / roi.area());
        }
        return means;
    }

    /** @return {mean in frames with a spike, mean in frames with no spike in the previous 20 frames} */
    private static double[] afterSpikeAndQuietMeans(int[] spikes, float[][] means, int cell) {
        double after = 0;
        int afterCount = 0;
        double quiet = 0;
        int quietCount = 0;
        int sinceSpike = Integer.MAX_VALUE / 2;
        for (int t = 0; t < spikes.length; t++) {
            sinceSpike = spikes[t] > 0 ? 0 : sinceSpike + 1;
            if (sinceSpike == 0) {
                after += means[t][cell];
                afterCount++;
            } else if (sinceSpike > 20) {
                quiet += means[t][cell];
                quietCount++;
            }
        }
        return new double[] {after / afterCount, quiet / quietCount};
    }

    @Test
    void flatSceneNoiseMatchesCameraModelForBrightPixels() throws Exception {
        assertNoiseModel(1000, 2.2, 100, 50);
    }

    @Test
    void flatSceneNoiseMatchesCameraModelForDimPixels() throws Exception {
        assertNoiseModel(5, 2.2, 100, 0);
    }

    private void assertNoiseModel(double photons, double gain, double offset, double readNoise) throws Exception {
        SyntheticParams params = clean().size(64, 64, 30).neuronCount(0).baselinePhotons(photons).shotNoise(true)
                .cameraGain(gain).cameraOffset(offset).readNoise(readNoise).build();
        SyntheticResult result = SyntheticVideoGenerator.generate(params, dir, ProgressMonitor.NONE);
        double sum = 0;
        double sumSquares = 0;
        long n = 0;
        try (FileVideo video = VideoStore.open(result.videoFile())) {
            float[] frame = new float[64 * 64];
            for (int t = 0; t < 30; t++) {
                video.readFrame(t, frame);
                for (float value : frame) {
                    sum += value;
                    sumSquares += (double) value * value;
                    n++;
                }
            }
        }
        double mean = sum / n;
        double variance = sumSquares / n - mean * mean;
        double expectedVariance = gain * gain * photons + readNoise * readNoise + 1 / 12.0;
        assertEquals(gain * photons + offset, mean, 0.01 * mean);
        assertEquals(expectedVariance, variance, 0.04 * expectedVariance);
    }

    @Test
    void correlatedNoiseKeepsItsLevelPerPixelAndIsSharedByNeighbours() throws Exception {
        double photons = 1000;
        double gain = 2.2;
        double[] white = noiseStatistics(clean().size(64, 64, 30).neuronCount(0).baselinePhotons(photons)
                .shotNoise(true).cameraGain(gain).build());
        double[] correlated = noiseStatistics(clean().size(64, 64, 30).neuronCount(0).baselinePhotons(photons)
                .shotNoise(true).cameraGain(gain).noiseCorrelationPx(1.5).build());
        double expectedVariance = gain * gain * photons;
        assertEquals(expectedVariance, white[0], 0.05 * expectedVariance);
        assertEquals(expectedVariance, correlated[0], 0.05 * expectedVariance);
        assertTrue(Math.abs(white[1]) < 0.05, "white noise, neighbour correlation " + white[1]);
        assertTrue(correlated[1] > 0.7, "neighbour correlation " + correlated[1]);
    }

    /** @return {variance of the pixels around their mean, correlation of horizontally adjacent pixels} */
    private double[] noiseStatistics(SyntheticParams params) throws Exception {
        SyntheticResult result = SyntheticVideoGenerator.generate(params, dir, ProgressMonitor.NONE);
        double sum = 0;
        double squares = 0;
        double products = 0;
        long n = 0;
        long pairs = 0;
        float[] frame = new float[64 * 64];
        double mean = params.cameraGain() * params.baselinePhotons() + params.cameraOffset();
        try (FileVideo video = VideoStore.open(result.videoFile())) {
            for (int t = 0; t < params.frames(); t++) {
                video.readFrame(t, frame);
                // away from the edges, where the blur repeats edge pixels
                for (int row = 8; row < 56; row++) {
                    for (int col = 8; col < 56; col++) {
                        int i = row * 64 + col;
                        double d = frame[i] - mean;
                        sum += d;
                        squares += d * d;
                        n++;
                        products += d * (frame[i + 1] - mean);
                        pairs++;
                    }
                }
            }
        }
        double variance = squares / n - (sum / n) * (sum / n);
        return new double[] {variance, products / pairs / variance};
    }

    @Test
    void vignettingDarkensTheCorners() throws Exception {
        SyntheticParams params = clean().size(64, 64, 1).neuronCount(0).baselinePhotons(10000).vignetting(0.4)
                .build();
        SyntheticResult result = SyntheticVideoGenerator.generate(params, dir, ProgressMonitor.NONE);
        try (FileVideo video = VideoStore.open(result.videoFile())) {
            float[] frame = new float[64 * 64];
            video.readFrame(0, frame);
            assertEquals(6000, frame[0], 1);
            assertEquals(6000, frame[64 * 64 - 1], 1);
            assertEquals(10000, frame[32 * 64 + 32], 10);
        }
    }

    @Test
    void neuropilBackgroundIsStructuredAndFluctuates() throws Exception {
        SyntheticParams params = clean().size(64, 64, 300).neuronCount(0).baselinePhotons(1000)
                .neuropilStrength(0.3).neuropilFluctuation(0.5).build();
        SyntheticResult result = SyntheticVideoGenerator.generate(params, dir, ProgressMonitor.NONE);
        try (FileVideo video = VideoStore.open(result.videoFile())) {
            float[] first = new float[64 * 64];
            float[] last = new float[64 * 64];
            video.readFrame(0, first);
            video.readFrame(299, last);
            double spatialStd = standardDeviation(first);
            assertTrue(spatialStd > 100 && spatialStd < 600, "spatial std " + spatialStd);
            float[] change = new float[first.length];
            for (int i = 0; i < change.length; i++) {
                change[i] = last[i] - first[i];
            }
            assertTrue(standardDeviation(change) > 20, "change over 30 s " + standardDeviation(change));
        }
    }
}
