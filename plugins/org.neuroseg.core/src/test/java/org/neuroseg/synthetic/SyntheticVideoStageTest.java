package org.neuroseg.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.metrics.ShiftErrors;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.Video;

class SyntheticVideoStageTest {

    @TempDir
    Path dir;

    @Test
    void theVideoIsAnOutputFileOfItsOwnSoKnimeNeedsNoCopy() throws Exception {
        List<Path> allocated = new ArrayList<>();
        StageContext context = new StageContext(name -> {
            Path file = dir.resolve(allocated.size() + "-" + name);
            allocated.add(file);
            return file;
        }, ProgressMonitor.NONE);
        PortValues outputs = SyntheticVideoStage.INSTANCE.run(PortValues.none(), SyntheticVideoStage.INSTANCE
                .defaults().with("width", 64).with("height", 64).with("frames", 5).with("neuronCount", 3), context);
        try (FileVideo video = (FileVideo) outputs.get(SyntheticVideoStage.VIDEO)) {
            assertTrue(allocated.contains(video.file()), video.file() + " is not one of " + allocated);
            assertEquals(5, video.shape().frames());
        }
        assertEquals(3, outputs.get(SyntheticVideoStage.ALL_CELLS).size());
    }

    /**
     * Firing neurons are the functional cells that some frame shows firing: fewer than the functional ones here
     * (jGCaMP8m, as GCaMP6f's transients rarely stand out of the one-photon preset's noise in 300 frames of 128 x 128).
     */
    @Test
    void firingNeuronsAreTheFunctionalCellsWithAVisibleTransient() throws Exception {
        PortValues outputs = SyntheticVideoStage.INSTANCE.run(PortValues.none(), SyntheticVideoStage.INSTANCE
                .defaults().with("width", 128).with("height", 128).with("frames", 300).with("neuronCount", 40)
                .with("motion", false).with("indicator", "jGCaMP8m"), StageContext.inDirectory(dir,
                        ProgressMonitor.NONE));
        outputs.get(SyntheticVideoStage.VIDEO).close();
        RoiSet functional = outputs.get(SyntheticVideoStage.FUNCTIONAL_NEURONS);
        RoiSet firing = outputs.get(SyntheticVideoStage.FIRING_NEURONS);
        assertTrue(functional.rois().containsAll(firing.rois()), "every firing neuron is functional");
        assertTrue(firing.size() > 0 && firing.size() < functional.size(), firing.size() + " firing of "
                + functional.size() + " functional: the one-photon preset hides some transients in noise");
        SyntheticResult truth = SyntheticVideoGenerator.generate(SyntheticVideoStage.toSyntheticParams(
                SyntheticVideoStage.INSTANCE.defaults().with("width", 128).with("height", 128).with("frames", 300)
                        .with("neuronCount", 40).with("motion", false).with("indicator", "jGCaMP8m")),
                dir.resolve("again"), ProgressMonitor.NONE);
        Set<Integer> visible = new HashSet<>();
        for (SyntheticCell cell : truth.cells()) {
            if (cell.functional() && cell.visibleFrames() > 0) {
                visible.add(cell.id());
            }
        }
        assertEquals(visible, firing.rois().stream().map(Roi::id).collect(Collectors.toSet()));
    }

    /**
     * The noise spread sets how alike the frame-to-frame changes of pixels 2 px apart are: for noise spread by a
     * Gaussian of sigma s, exp(-1 / s^2) (0.78 at the one-photon preset's 2 px); 0 px leaves only the background's
     * slow changes in common.
     */
    @ParameterizedTest
    @CsvSource({"0, 0.0, 0.1", "-1, 0.7, 0.85", "3, 0.83, 0.95"})
    void noiseSpreadSetsHowAlikeNeighbouringPixelsChange(double spreadPx, double min, double max) throws Exception {
        PortValues outputs = SyntheticVideoStage.INSTANCE.run(PortValues.none(), SyntheticVideoStage.INSTANCE
                .defaults().with("width", 64).with("height", 64).with("frames", 12).with("neuronCount", 0)
                .with("motion", false).with("noiseSpreadPx", spreadPx), StageContext.inDirectory(dir,
                        ProgressMonitor.NONE));
        try (Video video = outputs.get(SyntheticVideoStage.VIDEO)) {
            double correlation = changeCorrelationTwoPixelsApart(video);
            assertTrue(correlation >= min && correlation <= max, "correlation " + correlation + " outside [" + min
                    + ", " + max + "] at a spread of " + spreadPx + " px");
        }
    }

    /**
     * The background fluctuation sets how much the frame's mean brightness wanders over time; -1 keeps the preset's
     * (two-photon: 0.03, calibrated on a real recording).
     */
    @Test
    void backgroundFluctuationSetsHowMuchTheFrameBrightnessWanders() throws Exception {
        double steady = frameMeanSpread(0);
        double fluctuating = frameMeanSpread(0.5);
        assertTrue(fluctuating > 5 * steady, "spread of the frame mean " + fluctuating + " at 0.5, " + steady
                + " at 0");
        assertEquals(SyntheticParams.twoPhoton().neuropilFluctuation(), SyntheticVideoStage.toSyntheticParams(
                SyntheticVideoStage.INSTANCE.defaults().with("preset", SyntheticVideoStage.TWO_PHOTON)
                        .with("neuronCount", 10)).neuropilFluctuation());
        assertEquals(0.2, SyntheticVideoStage.toSyntheticParams(SyntheticVideoStage.INSTANCE.defaults()
                .with("preset", SyntheticVideoStage.TWO_PHOTON).with("neuronCount", 10)
                .with("backgroundFluctuation", 0.2)).neuropilFluctuation());
    }

    /** The cell blur reaches the generator; -1 keeps the preset's sharp somata. */
    @Test
    void cellBlurSetsHowSoftTheSomataAre() {
        assertEquals(0, SyntheticVideoStage.toSyntheticParams(SyntheticVideoStage.INSTANCE.defaults()).cellBlurPx());
        assertEquals(1.5, SyntheticVideoStage.toSyntheticParams(SyntheticVideoStage.INSTANCE.defaults()
                .with("cellBlurPx", 1.5)).cellBlurPx());
    }

    /** -1 means the preset's; a value between -1 and 0 is neither and is refused, naming the setting. */
    @Test
    void aNegativeValueOtherThanMinusOneIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SyntheticVideoStage
                .INSTANCE.checkParameters(SyntheticVideoStage.INSTANCE.defaults()
                        .with("backgroundFluctuation", -0.5)));
        assertEquals("'Background fluctuation' is -0.5: give -1 to keep the preset's, or 0 or more",
                error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SyntheticVideoStage.INSTANCE.checkParameters(
                SyntheticVideoStage.INSTANCE.defaults().with("noiseSpreadPx", -0.2)));
        assertThrows(IllegalArgumentException.class, () -> SyntheticVideoStage.INSTANCE.checkParameters(
                SyntheticVideoStage.INSTANCE.defaults().with("cellBlurPx", -0.5)));
        SyntheticVideoStage.INSTANCE.checkParameters(SyntheticVideoStage.INSTANCE.defaults()
                .with("noiseSpreadPx", 0.0).with("backgroundFluctuation", -1.0));
    }

    /** @return the std over 100 frames of the mean of a 64 x 64 one-photon video without cells */
    private double frameMeanSpread(double fluctuation) throws Exception {
        Path folder = dir.resolve("fluctuation" + fluctuation);
        PortValues outputs = SyntheticVideoStage.INSTANCE.run(PortValues.none(), SyntheticVideoStage.INSTANCE
                .defaults().with("width", 64).with("height", 64).with("frames", 100).with("neuronCount", 0)
                .with("motion", false).with("backgroundFluctuation", fluctuation), StageContext.inDirectory(
                        Files.createDirectories(folder), ProgressMonitor.NONE));
        try (Video video = outputs.get(SyntheticVideoStage.VIDEO)) {
            float[] frame = new float[video.shape().pixelsPerFrame()];
            double[] means = new double[video.shape().frames()];
            for (int t = 0; t < means.length; t++) {
                video.readFrame(t, frame);
                double total = 0;
                for (float value : frame) {
                    total += value;
                }
                means[t] = total / frame.length;
            }
            double average = Arrays.stream(means).average().orElseThrow();
            return Math.sqrt(Arrays.stream(means).map(m -> (m - average) * (m - average)).average().orElseThrow());
        }
    }

    private static double changeCorrelationTwoPixelsApart(Video video) throws Exception {
        int width = video.shape().width();
        int pixels = video.shape().pixelsPerFrame();
        int pairsPerFrame = pixels / width * (width - 2);
        float[] here = new float[pairsPerFrame * (video.shape().frames() - 1)];
        float[] twoRight = new float[here.length];
        float[] previous = new float[pixels];
        float[] frame = new float[pixels];
        video.readFrame(0, previous);
        int n = 0;
        for (int t = 1; t < video.shape().frames(); t++) {
            video.readFrame(t, frame);
            for (int i = 0; i < pixels; i++) {
                if (i % width < width - 2) {
                    here[n] = frame[i] - previous[i];
                    twoRight[n++] = frame[i + 2] - previous[i + 2];
                }
            }
            float[] swap = previous;
            previous = frame;
            frame = swap;
        }
        return ShiftErrors.meanImageCorrelation(here, twoRight, 1, here.length, 0);
    }
}
