package org.neuroseg.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.roi.Roi;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.VideoStore;

/** Files, determinism, cancellation and the ground-truth files of the generator. */
class SyntheticVideoGeneratorTest {

    @TempDir
    Path dir;

    static SyntheticParams small() {
        return SyntheticParams.epifluorescence().toBuilder().size(64, 64, 60).neuronCount(12).seed(42).build();
    }

    private static final List<String> FILES = List.of(SyntheticVideoGenerator.VIDEO, SyntheticVideoGenerator.LABELS,
            SyntheticVideoGenerator.REGIONS, SyntheticVideoGenerator.FUNCTIONAL_REGIONS,
            SyntheticVideoGenerator.FIRING_REGIONS,
            SyntheticVideoGenerator.CELLS, SyntheticVideoGenerator.SPIKES, SyntheticVideoGenerator.TRACES,
            SyntheticVideoGenerator.SHIFTS);

    @Test
    void writesEveryOutputAndNothingElse() throws Exception {
        SyntheticVideoGenerator.generate(small(), dir, ProgressMonitor.NONE);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(FILES.stream().sorted().toList(),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void videoIsUint16WithRequestedShapeAndParamsInMetadata() throws Exception {
        SyntheticResult result = SyntheticVideoGenerator.generate(small(), dir, ProgressMonitor.NONE);
        try (FileVideo video = VideoStore.open(result.videoFile())) {
            assertEquals(60, video.shape().frames());
            assertEquals(64, video.shape().height());
            assertEquals(PixelType.UINT16, video.shape().pixelType());
            assertEquals(10, video.frameRateHz());
            JsonObject params = JsonParser.parseString(video.metadataJson()).getAsJsonObject().getAsJsonObject(
                    "params");
            assertEquals(42, params.get("seed").getAsLong());
            assertEquals(12, params.get("neuronCount").getAsInt());
        }
    }

    @Test
    void sameSeedGivesByteIdenticalFiles() throws Exception {
        SyntheticVideoGenerator.generate(small(), dir.resolve("a"), ProgressMonitor.NONE);
        SyntheticVideoGenerator.generate(small(), dir.resolve("b"), ProgressMonitor.NONE);
        for (String name : FILES) {
            assertEquals(-1, Files.mismatch(dir.resolve("a").resolve(name), dir.resolve("b").resolve(name)), name);
        }
    }

    @Test
    void outputDoesNotDependOnThreadCount() throws Exception {
        SyntheticVideoGenerator.generate(small(), dir.resolve("parallel"), ProgressMonitor.NONE);
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            single.submit(() -> SyntheticVideoGenerator.generate(small(), dir.resolve("single"),
                    ProgressMonitor.NONE)).get();
        } finally {
            single.shutdown();
        }
        assertEquals(-1, Files.mismatch(dir.resolve("parallel").resolve(SyntheticVideoGenerator.VIDEO),
                dir.resolve("single").resolve(SyntheticVideoGenerator.VIDEO)));
    }

    @Test
    void differentSeedGivesDifferentVideoAndCells() throws Exception {
        SyntheticVideoGenerator.generate(small(), dir.resolve("a"), ProgressMonitor.NONE);
        SyntheticVideoGenerator.generate(small().toBuilder().seed(43).build(), dir.resolve("b"),
                ProgressMonitor.NONE);
        for (String name : List.of(SyntheticVideoGenerator.VIDEO, SyntheticVideoGenerator.CELLS,
                SyntheticVideoGenerator.SHIFTS)) {
            assertNotEquals(-1, Files.mismatch(dir.resolve("a").resolve(name), dir.resolve("b").resolve(name)),
                    name);
        }
    }

    @Test
    @Tag("bounded-heap")
    void streamsVideosLargerThanTheHeap() throws Exception {
        long heap = Runtime.getRuntime().maxMemory();
        SyntheticParams params = SyntheticParams.epifluorescence().toBuilder().size(256, 256, 1500).neuronCount(80)
                .build();
        assertTrue(heap < params.frames() * 256L * 256 * 2, "run with a heap smaller than the video");
        SyntheticResult result = SyntheticVideoGenerator.generate(params, dir, ProgressMonitor.NONE);
        try (FileVideo video = VideoStore.open(result.videoFile())) {
            assertEquals(1500, video.shape().frames());
        }
    }

    @Test
    void cancelingLeavesNoOutput() {
        ProgressMonitor cancelAfterTenFrames = new ProgressMonitor() {
            private int checks;

            @Override
            public void setProgress(double fraction, String message) {
                // ignored
            }

            @Override
            public void checkCanceled() throws CanceledException {
                if (++checks > 10) {
                    throw new CanceledException();
                }
            }
        };
        assertThrows(CanceledException.class,
                () -> SyntheticVideoGenerator.generate(small(), dir, cancelAfterTenFrames));
        assertTrue(dir.toFile().list().length == 0, String.join(", ", dir.toFile().list()));
    }

    @Test
    void tooManyCellsForTheSpacingFailNamingTheParameters() {
        SyntheticParams crowded = small().toBuilder().neuronCount(200).minSpacingPx(10).build();
        NeurosegException e = assertThrows(NeurosegException.class,
                () -> SyntheticVideoGenerator.generate(crowded, dir, ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("neuronCount") && e.getMessage().contains("minSpacingPx"),
                e.getMessage());
        assertEquals(0, dir.toFile().list().length);
    }

    @Test
    void labelImageMatchesRois() throws Exception {
        SyntheticResult result = SyntheticVideoGenerator.generate(small(), dir, ProgressMonitor.NONE);
        try (FileVideo labels = VideoStore.open(result.labelsFile())) {
            assertEquals(1, labels.shape().frames());
            float[] image = new float[64 * 64];
            labels.readFrame(0, image);
            assertArrayEquals(result.rois().toLabelImage(), image);
        }
        assertEquals(12, result.rois().size());
        for (Roi roi : result.rois().rois()) {
            SyntheticCell cell = result.cells().get(roi.id() - 1);
            assertEquals(cell.centroidRow(), roi.centroidRow(), 0.5);
            assertEquals(cell.centroidCol(), roi.centroidCol(), 0.5);
            assertEquals(Math.PI * cell.radiusPx() * cell.radiusPx(), roi.area(), 0.25 * roi.area());
        }
    }

    @Test
    void regionsJsonParsesBackToTheRois() throws Exception {
        SyntheticResult result = SyntheticVideoGenerator.generate(small(), dir, ProgressMonitor.NONE);
        assertRegions(result.rois().rois(), result.regionsFile());
        assertRegions(result.functionalRois().rois(), result.functionalRegionsFile());
        assertTrue(result.functionalRois().size() < result.rois().size());
    }

    private static void assertRegions(List<Roi> expected, Path file) throws IOException {
        JsonArray regions = JsonParser.parseString(Files.readString(file)).getAsJsonArray();
        assertEquals(expected.size(), regions.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonObject region = regions.get(i).getAsJsonObject();
            Roi roi = expected.get(i);
            assertEquals(roi.id(), region.get("id").getAsInt());
            JsonArray coordinates = region.getAsJsonArray("coordinates");
            assertEquals(roi.area(), coordinates.size());
            for (int p = 0; p < roi.area(); p++) {
                JsonArray pair = coordinates.get(p).getAsJsonArray();
                assertEquals(roi.rows()[p], pair.get(0).getAsInt());
                assertEquals(roi.cols()[p], pair.get(1).getAsInt());
            }
        }
    }

    @Test
    void csvFilesAgreeWithTheResult() throws Exception {
        SyntheticResult result = SyntheticVideoGenerator.generate(small(), dir, ProgressMonitor.NONE);
        List<String> cells = Files.readAllLines(result.cellsFile());
        assertEquals("id,functional,centroid_row,centroid_col,radius_px,spike_count,visible_frames,snr_per_dff",
                cells.get(0));
        assertEquals(13, cells.size());
        for (int i = 1; i < cells.size(); i++) {
            String[] fields = cells.get(i).split(",");
            SyntheticCell cell = result.cells().get(i - 1);
            assertEquals(cell.id(), Integer.parseInt(fields[0]));
            assertEquals(cell.functional(), Boolean.parseBoolean(fields[1]));
            assertEquals(cell.radiusPx(), Double.parseDouble(fields[4]), 1e-3);
            assertEquals(cell.spikeCount(), Integer.parseInt(fields[5]));
            assertEquals(cell.visibleFrames(), Integer.parseInt(fields[6]));
            assertEquals(cell.snrPerDff(), Double.parseDouble(fields[7]), 1e-3);
        }
        List<String> spikes = Files.readAllLines(result.spikesFile());
        assertEquals(13, spikes.size());
        assertEquals(61, spikes.get(1).split(",").length);
        List<String> traces = Files.readAllLines(result.tracesFile());
        assertEquals(61, traces.get(12).split(",").length);
        List<String> shifts = Files.readAllLines(result.shiftsFile());
        assertEquals("frame,dx,dy", shifts.get(0));
        String[] last = shifts.get(60).split(",");
        assertEquals(59, Integer.parseInt(last[0]));
        assertEquals(result.shifts()[59][0], Double.parseDouble(last[1]), 1e-4);
        assertEquals(result.shifts()[59][1], Double.parseDouble(last[2]), 1e-4);
    }

    @Test
    void plainNumberFormatHasNoExponent() {
        assertEquals("0.00001", GroundTruthWriter.appendFixed(new StringBuilder(), 1e-5, 5).toString());
        assertEquals("-2.500", GroundTruthWriter.appendFixed(new StringBuilder(), -2.5, 3).toString());
        assertEquals("0.000", GroundTruthWriter.appendFixed(new StringBuilder(), -1e-9, 3).toString());
    }

    @Test
    void activeLabelsMarkACellExactlyInTheFramesItsTransientIsVisible() throws Exception {
        // jGCaMP8m: GCaMP6f's transients rarely stand out of the one-photon preset's noise in 60 frames
        SyntheticParams params = small().toBuilder().spikeRateHz(2).indicator(Indicator.JGCAMP8M).build();
        SyntheticResult result = SyntheticVideoGenerator.generate(params, dir, ProgressMonitor.NONE);
        Path file = dir.resolve("active.nsv");
        SyntheticVideoGenerator.writeActiveLabels(params, result, file, ProgressMonitor.NONE);
        boolean[] functional = result.functional();
        int activeFrames = 0;
        int[] activeFramesOfCell = new int[result.rois().size()];
        try (FileVideo labels = VideoStore.open(file)) {
            assertEquals(params.frames(), labels.shape().frames());
            float[] frame = new float[64 * 64];
            for (int t = 0; t < params.frames(); t++) {
                labels.readFrame(t, frame);
                for (Roi roi : result.rois().rois()) {
                    double snr = result.cells().get(roi.id() - 1).snrPerDff() * result.dff()[roi.id() - 1][t];
                    boolean active = snr >= SyntheticVideoGenerator.ACTIVE_SNR;
                    assertEquals(active ? roi.id() : 0, frame[roi.rows()[0] * 64 + roi.cols()[0]], 0,
                            "cell " + roi.id() + " frame " + t);
                    if (active) {
                        assertTrue(functional[roi.id() - 1], "silent cell " + roi.id() + " marked active");
                        activeFrames++;
                        activeFramesOfCell[roi.id() - 1]++;
                    }
                }
            }
        }
        assertTrue(activeFrames > 0 && activeFrames < params.frames() * result.rois().size() / 2,
                activeFrames + " active cell-frames");
        // cells.csv and firing_regions.json tell the same: the cells that are active in at least one frame.
        for (SyntheticCell cell : result.cells()) {
            assertEquals(activeFramesOfCell[cell.id() - 1], cell.visibleFrames(), "cell " + cell.id());
        }
        List<Roi> firing = result.rois().rois().stream().filter(roi -> activeFramesOfCell[roi.id() - 1] > 0)
                .toList();
        assertFalse(firing.isEmpty());
        assertRegions(firing, result.firingRegionsFile());
    }

    /**
     * The visibility rule's signal-to-noise ratio is the one a method measures in the video: per cell, the counts
     * summed over its region are regressed on its true ΔF/F; the slope over the residual's standard deviation must
     * match {@code snrPerDff}. With vignetting, vessel shadows, dim nuclei and noise spread over neighbouring pixels,
     * where a sum's noise grows faster than the square root of its pixels (the rule that ignored this put the SNR
     * about three times too high).
     */
    @Test
    void aCellsSignalToNoiseRatioIsTheOneMeasuredInTheVideo() throws Exception {
        assertSignalToNoiseAsMeasured(SyntheticParams.epifluorescence().toBuilder().size(96, 96, 600).neuronCount(12)
                .silentFraction(0).spikeRateHz(1).neuropilFluctuation(0).outOfFocus(0, 0).vessels(2, 0.5, 10)
                .motionAmplitudePx(0).jumpProbability(0).seed(7).build());
    }

    /** The same with independent pixels, ring somata, neuropil texture and a few photons a pixel (two-photon). */
    @Test
    void aTwoPhotonCellsSignalToNoiseRatioIsTheOneMeasuredInTheVideo() throws Exception {
        assertSignalToNoiseAsMeasured(SyntheticParams.twoPhoton().toBuilder().size(96, 96, 600).neuronCount(12)
                .silentFraction(0).spikeRateHz(1).indicator(Indicator.JGCAMP8S).neuropilFluctuation(0)
                .motionAmplitudePx(0).seed(8).build());
    }

    private void assertSignalToNoiseAsMeasured(SyntheticParams params) throws Exception {
        SyntheticResult result = SyntheticVideoGenerator.generate(params, dir, ProgressMonitor.NONE);
        List<Roi> rois = result.rois().rois();
        double[][] sums = new double[rois.size()][params.frames()];
        try (FileVideo video = VideoStore.open(result.videoFile())) {
            float[] frame = new float[params.height() * params.width()];
            for (int t = 0; t < params.frames(); t++) {
                video.readFrame(t, frame);
                for (Roi roi : rois) {
                    for (int k = 0; k < roi.area(); k++) {
                        sums[roi.id() - 1][t] += frame[roi.rows()[k] * params.width() + roi.cols()[k]];
                    }
                }
            }
        }
        int cellsChecked = 0;
        double ratioSum = 0;
        for (SyntheticCell cell : result.cells()) {
            double measured = measuredSnrPerDff(result.dff()[cell.id() - 1], sums[cell.id() - 1]);
            if (Double.isNaN(measured)) {
                continue;
            }
            // The slope's own error is about 1 / (snrPerDff * sqrt(dffVariance)): 5-15 % here.
            assertEquals(1, measured / cell.snrPerDff(), 0.35, "cell " + cell.id() + ": measured " + measured
                    + ", rule " + cell.snrPerDff());
            ratioSum += measured / cell.snrPerDff();
            cellsChecked++;
        }
        assertTrue(cellsChecked >= 8, cellsChecked + " cells with spikes");
        assertEquals(1, ratioSum / cellsChecked, 0.1, "mean of measured over rule");
    }

    /**
     * @return the slope of {@code sum} regressed on {@code dff} over the residual's standard deviation; NaN when the
     *         cell barely spiked (too little ΔF/F variance for a slope)
     */
    private static double measuredSnrPerDff(float[] dff, double[] sum) {
        double meanDff = 0;
        double meanSum = 0;
        for (int t = 0; t < dff.length; t++) {
            meanDff += dff[t] / dff.length;
            meanSum += sum[t] / dff.length;
        }
        double covariance = 0;
        double dffVariance = 0;
        for (int t = 0; t < dff.length; t++) {
            covariance += (dff[t] - meanDff) * (sum[t] - meanSum);
            dffVariance += (dff[t] - meanDff) * (dff[t] - meanDff);
        }
        if (dffVariance < 1e-3) {
            return Double.NaN;
        }
        double slope = covariance / dffVariance;
        double residual = 0;
        for (int t = 0; t < dff.length; t++) {
            double r = sum[t] - meanSum - slope * (dff[t] - meanDff);
            residual += r * r / (dff.length - 2);
        }
        return slope / Math.sqrt(residual);
    }

    @Test
    void theStageSetsCellDiameterFrameRateAndIndicator() {
        SyntheticParams params = SyntheticVideoStage.toSyntheticParams(SyntheticVideoStage.INSTANCE.defaults()
                .with(SyntheticVideoStage.CELL_DIAMETER.key(), 17.0).with(SyntheticVideoStage.FRAME_RATE.key(), 30.0)
                .with(SyntheticVideoStage.INDICATOR.key(), "jGCaMP8m"));
        assertEquals(Indicator.JGCAMP8M.dffPerSpike(), params.dffPerSpike());
        assertEquals(Indicator.JGCAMP8M.decaySeconds(), params.decaySeconds());
        SyntheticParams preset = SyntheticParams.epifluorescence();
        assertEquals(17, params.radiusMinPx() + params.radiusMaxPx(), 1e-9);
        assertEquals(2 * preset.minSpacingPx(), params.minSpacingPx(), 1e-9);
        assertEquals(preset.radiusMaxPx() / preset.radiusMinPx(), params.radiusMaxPx() / params.radiusMinPx(), 1e-9);
        assertEquals(30, params.frameRateHz());
        assertEquals(preset.radiusMinPx(), SyntheticVideoStage.toSyntheticParams(SyntheticVideoStage.INSTANCE
                .defaults()).radiusMinPx());
    }
}
