package org.neuroseg.dl.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.infer.CgruPredictorStage;
import org.neuroseg.dl.infer.UNetPredictorStage;
import org.neuroseg.dl.model.ModelFiles;
import org.neuroseg.dl.model.ShippedModels;
import org.neuroseg.roi.NeurofinderRegions;
import org.neuroseg.roi.Roi;
import org.neuroseg.segmentation.ActiveCellTrackingStage;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.StageTiming;
import org.neuroseg.synthetic.SyntheticParams;
import org.neuroseg.synthetic.SyntheticResult;
import org.neuroseg.synthetic.SyntheticVideoGenerator;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.VideoWriter;

/**
 * The pipeline's plumbing on a small synthetic video with the shipped models (their accuracy is checked in the
 * command line's tests): what it writes, that it equals the stages run one after the other, progress, cancellation
 * and errors. The video is long enough for neurons to be found, so that the checks on them cannot hold as 0 = 0.
 */
class EndToEndPipelineTest {

    private static final int SIDE = 128;
    private static final int FRAMES = 300;

    @TempDir
    static Path shared;

    private static Path video;
    private static GroundTruth functionalNeurons;
    private static ModelFile cgru;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() throws Exception {
        SyntheticParams params = SyntheticParams.epifluorescence().toBuilder().size(SIDE, SIDE, FRAMES).neuronCount(30)
                .seed(5).build();
        SyntheticResult synthetic = SyntheticVideoGenerator.generate(params, shared, ProgressMonitor.NONE);
        video = synthetic.videoFile();
        functionalNeurons = new GroundTruth(synthetic.functionalRegionsFile(), synthetic.shiftsFile());
        cgru = ShippedModels.cgru();
    }

    @Test
    void writesEveryOutputAndRemovesItsScratchFolder() throws Exception {
        PipelineResult result = EndToEndPipeline.run(settings(), functionalNeurons, dir, ProgressMonitor.NONE);
        for (String name : List.of("neurons_labels.tif", "neurons_regions.json", "neurons_RoiSet.zip",
                "neurons.csv", "candidates_regions.json", PipelineOutputs.TRACES, PipelineOutputs.RASTER,
                PipelineOutputs.ACTIVITY,
                PipelineOutputs.SHIFTS, PipelineOutputs.PROBABILITY, PipelineOutputs.METRICS, PipelineOutputs.OVERLAY,
                PipelineOutputs.RASTER_PLOT, PipelineOutputs.PROBABILITY_PICTURE, PipelineOutputs.MOTION_PICTURE,
                PipelineOutputs.REPORT)) {
            assertTrue(Files.isRegularFile(dir.resolve(name)), name);
        }
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(file -> file.getFileName().toString().startsWith(".")), "scratch left");
        }
        assertTrue(result.neurons().size() >= 3, result.neurons().size() + " neurons");
        assertTrue(result.candidates().size() > result.neurons().size() - 1, "candidates");
        List<Integer> candidateIds = result.candidates().rois().stream().map(Roi::id).toList();
        assertTrue(result.neurons().rois().stream().allMatch(roi -> candidateIds.contains(roi.id())));
        assertEquals(result.neurons().size(), result.traces().neuronIds().length);
        assertEquals(result.neurons().size(), result.raster().neuronIds().length);
        assertEquals(FRAMES, result.raster().frames());
        assertEquals(1 + result.neurons().size(), Files.readAllLines(dir.resolve(PipelineOutputs.RASTER)).size());
        List<String> activity = Files.readAllLines(dir.resolve(PipelineOutputs.ACTIVITY));
        assertEquals(1 + result.candidates().size(), activity.size(), "one evidence row per candidate");
        assertEquals(result.neurons().size(), activity.stream().filter(line -> line.contains(",yes,")).count());
        assertEquals(result.neurons().size(), NeurofinderRegions.read(dir.resolve("neurons_regions.json"), SIDE, SIDE)
                .size());
        String report = Files.readString(dir.resolve(PipelineOutputs.REPORT));
        assertFalse(report.contains("<strong>Warning:"), "the shipped U-Net suits the simulation: no warning");
        assertTrue(report.contains("data:image/png;base64,") && report.contains("Motion Correction")
                && report.contains("pixel Dice") && report.contains(PipelineOutputs.ACTIVITY)
                && !report.contains("src=\"http"), "report");
        // The report counts the candidates by the rule that kept or dropped them, as activity.csv says.
        assertTrue(report.contains("kept: ") && report.contains("Activity Validation's decision"), "decisions");
        assertEquals(List.of("Local Equalization", "Motion Correction", "Apply Shifts", "Activity Frames",
                "U-Net Predictor and active cells", "Cell Outlines", "Activity Validation", "Scoring",
                "Writing the results"),
                result.timings().stream().map(StageTiming::step).toList());
    }

    @Test
    void streamedUNetAndCgruEqualTheTwoStagesRunOneAfterTheOther() throws Exception {
        ModelFile unet = ShippedModels.unet();
        float[] streamed;
        float[] staged = new float[SIDE * SIDE];
        try (Video input = VideoStore.open(video)) {
            streamed = FunctionalProbability.compute(input, CellMap.CGRU, unet, UNetPredictorStage.INSTANCE.defaults()
                    .with(UNetPredictorStage.FRAMES_AVERAGED.key(), 2), cgru, CgruPredictorStage.INSTANCE.defaults(),
                    ActiveCellTrackingStage.INSTANCE.defaults(), 2, ProgressMonitor.NONE).map();
            StageContext context = StageContext.inDirectory(dir, ProgressMonitor.NONE);
            try (Video probabilities = UNetPredictorStage.INSTANCE.run(PortValues.of(UNetPredictorStage.VIDEO, input)
                    .with(UNetPredictorStage.MODEL, unet), UNetPredictorStage.INSTANCE.defaults()
                    .with(UNetPredictorStage.FRAMES_AVERAGED.key(), 2), context).get(UNetPredictorStage.PROBABILITIES);
                    Video functional = CgruPredictorStage.INSTANCE.run(PortValues.of(CgruPredictorStage.PROBABILITIES,
                            probabilities).with(CgruPredictorStage.MODEL, cgru),
                            CgruPredictorStage.INSTANCE.defaults(), context)
                            .get(CgruPredictorStage.FUNCTIONAL_PROBABILITY)) {
                functional.readFrame(0, staged);
            }
        }
        assertArrayEquals(staged, streamed, 1e-5f);
    }

    @Test
    void reportsProgressInOrderUpToOneAndStopsWhenCanceled() throws Exception {
        List<Double> fractions = new ArrayList<>();
        EndToEndPipeline.run(settings(), null, dir.resolve("run"), new ProgressMonitor() {
            @Override
            public void setProgress(double fraction, String message) {
                fractions.add(fraction);
            }

            @Override
            public void checkCanceled() {
                // never
            }
        });
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1) - 1e-9, "progress went back at " + i);
        }
        assertEquals(1, fractions.get(fractions.size() - 1), 1e-9);

        Path canceledRun = dir.resolve("canceled");
        int[] calls = {0};
        assertThrows(CanceledException.class, () -> EndToEndPipeline.run(settings(), null, canceledRun,
                new ProgressMonitor() {
                    @Override
                    public void setProgress(double fraction, String message) {
                        // ignored
                    }

                    @Override
                    public void checkCanceled() throws CanceledException {
                        if (++calls[0] > 20) {
                            throw new CanceledException();
                        }
                    }
                }));
        try (var left = Files.list(canceledRun)) {
            assertEquals(0, left.count(), "nothing may remain of a canceled run");
        }
    }

    @Test
    void missingModelAndUnreadableVideoAreNamed() throws Exception {
        Path missing = dir.resolve("no-such.nsmodel");
        NeurosegException error = assertThrows(NeurosegException.class, () -> EndToEndPipeline.run(
                PipelineSettings.defaults(video, new ModelFile(missing, "unet"), cgru), null, dir,
                ProgressMonitor.NONE));
        assertTrue(error.getMessage().contains(missing.toString()), error.getMessage());
        Path notVideo = Files.writeString(dir.resolve("notes.tif"), "not a TIFF");
        error = assertThrows(NeurosegException.class, () -> EndToEndPipeline.run(
                PipelineSettings.defaults(notVideo, ShippedModels.unet(), cgru), null, dir.resolve("out"),
                ProgressMonitor.NONE));
        assertTrue(error.getMessage().contains(notVideo.toString()), error.getMessage());
    }

    /**
     * A recording whose strong activity is single pixels flashing for a frame, which no cell does: the shipped U-Net
     * marks little of it, and the report says so first, as the log does.
     */
    @Test
    void theReportWarnsWhenTheUNetMarksLittleOfTheStrongActivity() throws Exception {
        Path spikes = dir.resolve("spikes.nsv");
        SplittableRandom random = new SplittableRandom(3);
        try (VideoWriter writer = VideoStore.create(spikes, SIDE, SIDE, PixelType.FLOAT32, 10, "{}")) {
            float[] frame = new float[SIDE * SIDE];
            for (int t = 0; t < 100; t++) {
                for (int i = 0; i < frame.length; i++) {
                    frame[i] = (float) (1000 + 30 * random.nextGaussian() + (random.nextDouble() < 0.01 ? 400 : 0));
                }
                writer.append(frame);
            }
            writer.commit();
        }
        Path output = dir.resolve("run");
        EndToEndPipeline.run(PipelineSettings.defaults(spikes, ShippedModels.unet(), cgru).withUnetWorkers(2), null,
                output, ProgressMonitor.NONE);
        String report = Files.readString(output.resolve(PipelineOutputs.REPORT));
        assertTrue(report.contains("<strong>Warning:</strong> The U-Net marks "), "no warning in the report");
    }

    private static PipelineSettings settings() throws NeurosegException {
        return PipelineSettings.defaults(video, ShippedModels.unet(), cgru).withUnetWorkers(2);
    }
}
