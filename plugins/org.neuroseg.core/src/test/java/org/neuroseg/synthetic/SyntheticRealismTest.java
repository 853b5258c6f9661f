package org.neuroseg.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.VideoStore;

/**
 * The features that make synthetic videos look real: vessels, out-of-focus cells, ring somata, blurred somata, neuropil
 * texture.
 */
class SyntheticRealismTest {

    private static final int SIDE = 64;

    @TempDir
    Path dir;

    /** Without background, vignetting, motion, noise or any of the features under test: counts = photons. */
    private static SyntheticParams.Builder clean(int frames) {
        return SyntheticParams.epifluorescence().toBuilder().size(SIDE, SIDE, frames).neuronCount(0).seed(3)
                .baselinePhotons(0).neuropilStrength(0).vignetting(0).shotNoise(false).readNoise(0).cameraOffset(0)
                .cameraGain(1).motionAmplitudePx(0).jumpProbability(0).outOfFocus(0, 0).vessels(0, 0, 8)
                .neuropilTexture(0);
    }

    @Test
    void vesselsCastDarkStripesOnAnEvenScene() throws Exception {
        float[] frame = firstFrame(clean(1).baselinePhotons(1000).vessels(2, 0.5, 6).build());
        float[] sorted = frame.clone();
        Arrays.sort(sorted);
        assertTrue(sorted[0] < 560, "darkest pixel " + sorted[0]);
        assertEquals(1000, sorted[sorted.length * 3 / 4], 5, "most pixels are outside the vessels");
        // a stripe, not a spot: at least a vessel's length of pixels lies in a shadow deeper than 25 %
        long shaded = IntStreamCount.below(frame, 750);
        assertTrue(shaded >= SIDE * 2, "shaded pixels " + shaded);
    }

    @Test
    void outOfFocusCellsFlashButAreNotInTheGroundTruth() throws Exception {
        SyntheticParams params = clean(100).outOfFocus(10, 3).spikeRateHz(2).build();
        SyntheticResult result = SyntheticVideoGenerator.generate(params, dir, ProgressMonitor.NONE);
        assertEquals(0, result.rois().rois().size());
        double[] std = stdImage(result, 100);
        double max = Arrays.stream(std).max().orElse(0);
        double mean = Arrays.stream(std).average().orElse(0);
        assertTrue(max > 20, "largest std " + max);
        // blurred blobs: the brightest pixel's neighbours vary almost as much (no sharp soma edge)
        assertTrue(mean > 0.05 * max, "mean std " + mean + " vs largest " + max);
    }

    @Test
    void ringSomataAreDarkerAtTheCentre() throws Exception {
        SyntheticParams params = clean(1).neuronCount(5).radiiPx(6, 7).minSpacingPx(16).brightnessSpread(0)
                .spikeRateHz(0).nucleusLevel(0.1).build();
        SyntheticResult result = SyntheticVideoGenerator.generate(params, dir, ProgressMonitor.NONE);
        float[] frame = frame(result);
        for (SyntheticCell cell : result.cells()) {
            int row = (int) Math.round(cell.centroidRow());
            int col = (int) Math.round(cell.centroidCol());
            float centre = frame[row * SIDE + col];
            float cytosol = frame[(int) Math.round(cell.centroidRow() + 0.7 * cell.radiusPx() * 0.9) * SIDE + col];
            assertTrue(centre < 0.2 * cytosol, "cell " + cell.id() + ": centre " + centre + ", cytosol " + cytosol);
        }
    }

    /**
     * Somata blurred by the optics (one-photon sizes, 1.5 px): filled blobs whose dim nucleus no longer shows, their
     * light spread past the region's edge but not lost.
     */
    @Test
    void blurredSomataAreFilledBlobsThatKeepTheirLight() throws Exception {
        SyntheticParams.Builder builder = clean(1).neuronCount(5).minSpacingPx(20).brightnessSpread(0).spikeRateHz(0);
        SyntheticResult sharp = SyntheticVideoGenerator.generate(builder.cellBlurPx(0).build(), dir.resolve("sharp"),
                ProgressMonitor.NONE);
        SyntheticResult blurred = SyntheticVideoGenerator.generate(builder.cellBlurPx(1.5).build(),
                dir.resolve("blurred"), ProgressMonitor.NONE);
        float[] sharpFrame = frame(sharp);
        float[] blurredFrame = frame(blurred);
        assertEquals(sum(sharpFrame), sum(blurredFrame), 1e-3 * sum(sharpFrame), "total light");
        for (SyntheticCell cell : blurred.cells()) {
            int row = (int) Math.round(cell.centroidRow());
            int col = (int) Math.round(cell.centroidCol());
            float centre = blurredFrame[row * SIDE + col];
            float cytosol = blurredFrame[(int) Math.round(cell.centroidRow() + 0.7 * cell.radiusPx()) * SIDE + col];
            assertTrue(centre > 0.8 * cytosol, "cell " + cell.id() + ": centre " + centre + ", cytosol " + cytosol);
            int outside = (int) Math.round(cell.centroidRow() + cell.radiusPx() + 2) * SIDE + col;
            assertEquals(0, sharpFrame[outside], "sharp cell " + cell.id() + " 2 px past its edge");
            assertTrue(blurredFrame[outside] > 0.02 * cytosol, "blurred cell " + cell.id() + " 2 px past its edge");
        }
        assertEquals(sharp.rois().rois().get(0).area(), blurred.rois().rois().get(0).area(),
                "the ground truth is the soma, not its blur");
    }

    /** A blurred cell at the field's corner loses the light that falls outside; none wraps to the other side. */
    @Test
    void aBlurredCellAtTheEdgeStaysInsideTheField() {
        Footprint cell = Footprint.draw(1, 2, SIDE - 3, 5, 0, 1, 2, new SplittableRandom(1), SIDE, SIDE);
        double light = 0;
        for (int k = 0; k < cell.pixels().length; k++) {
            int p = cell.pixels()[k];
            assertTrue(p >= 0 && p < SIDE * SIDE, "pixel " + p);
            assertTrue(p / SIDE < 20 && p % SIDE > SIDE - 20, "pixel at row " + p / SIDE + ", column " + p % SIDE);
            light += cell.weights()[k];
        }
        Footprint inside = Footprint.draw(1, SIDE / 2.0, SIDE / 2.0, 5, 0, 1, 2, new SplittableRandom(1),
                SIDE, SIDE);
        double all = 0;
        for (float weight : inside.weights()) {
            all += weight;
        }
        assertTrue(light < 0.6 * all && light > 0.15 * all, "light kept at the corner " + light + " of " + all);
    }

    private static float[] frame(SyntheticResult result) throws Exception {
        float[] frame = new float[SIDE * SIDE];
        try (FileVideo video = VideoStore.open(result.videoFile())) {
            video.readFrame(0, frame);
        }
        return frame;
    }

    private static double sum(float[] values) {
        double sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum;
    }

    @Test
    void neuropilTextureIsGrainedAndFluctuates() throws Exception {
        SyntheticParams params = clean(200).baselinePhotons(1000).neuropilTexture(0.5).neuropilFluctuation(0.5)
                .build();
        SyntheticResult result = SyntheticVideoGenerator.generate(params, dir, ProgressMonitor.NONE);
        float[] first = new float[SIDE * SIDE];
        float[] later = new float[SIDE * SIDE];
        try (FileVideo video = VideoStore.open(result.videoFile())) {
            video.readFrame(0, first);
            video.readFrame(199, later);
        }
        double neighbourChange = 0;
        for (int p = 0; p + 1 < first.length; p++) {
            neighbourChange += Math.abs(first[p + 1] - first[p]) / first.length;
        }
        assertTrue(neighbourChange > 50, "mean change between neighbouring pixels " + neighbourChange);
        // Where the texture is bright: its dimmest grains are a few photons, which rounding makes noise.
        double ratioSpread = 0;
        double meanRatio = 0;
        int bright = 0;
        for (int p = 0; p < first.length; p++) {
            if (first[p] - 1000 > 300) {
                meanRatio += (later[p] - 1000) / (first[p] - 1000);
                bright++;
            }
        }
        meanRatio /= bright;
        for (int p = 0; p < first.length; p++) {
            if (first[p] - 1000 > 300) {
                double ratio = (later[p] - 1000) / (first[p] - 1000);
                ratioSpread += (ratio - meanRatio) * (ratio - meanRatio) / bright;
            }
        }
        assertTrue(bright > first.length / 10, bright + " bright pixels");
        assertTrue(Math.abs(meanRatio - 1) > 0.05, "texture brightness ratio over 20 s " + meanRatio);
        // the grains keep their places: the whole texture brightens or dims together
        assertTrue(Math.sqrt(ratioSpread) < 0.01, "spread of the ratio " + Math.sqrt(ratioSpread));
    }

    @Test
    void newParametersAreValidated() {
        SyntheticParams.Builder builder = SyntheticParams.twoPhoton().toBuilder();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.nucleusLevel(1.5).build())
                .getMessage().contains("nucleusLevel = 1.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.nucleusLevel(0.1)
                .vessels(3, 1, 8).build()).getMessage().contains("vesselDepth"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.vessels(0, 0, 8)
                .outOfFocus(-1, 2).build()).getMessage().contains("outOfFocusCount"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.outOfFocus(0, 0).cellBlurPx(-1)
                .build()).getMessage().contains("cellBlurPx"));
    }

    private float[] firstFrame(SyntheticParams params) throws Exception {
        return frame(SyntheticVideoGenerator.generate(params, dir, ProgressMonitor.NONE));
    }

    private static double[] stdImage(SyntheticResult result, int frames) throws Exception {
        double[] sum = new double[SIDE * SIDE];
        double[] squares = new double[SIDE * SIDE];
        float[] frame = new float[SIDE * SIDE];
        try (FileVideo video = VideoStore.open(result.videoFile())) {
            for (int t = 0; t < frames; t++) {
                video.readFrame(t, frame);
                for (int p = 0; p < frame.length; p++) {
                    sum[p] += frame[p];
                    squares[p] += (double) frame[p] * frame[p];
                }
            }
        }
        double[] std = new double[sum.length];
        for (int p = 0; p < std.length; p++) {
            double mean = sum[p] / frames;
            std[p] = Math.sqrt(Math.max(0, squares[p] / frames - mean * mean));
        }
        return std;
    }

    /** Counting helper kept apart so the tests read as sentences. */
    private static final class IntStreamCount {
        static long below(float[] values, float limit) {
            long n = 0;
            for (float v : values) {
                n += v < limit ? 1 : 0;
            }
            return n;
        }
    }
}
