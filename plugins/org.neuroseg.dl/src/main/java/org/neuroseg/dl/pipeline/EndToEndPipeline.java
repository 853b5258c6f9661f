package org.neuroseg.dl.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.activity.ActivityValidationStage;
import org.neuroseg.dl.infer.CgruPredictorStage;
import org.neuroseg.dl.infer.UNetPredictorStage;
import org.neuroseg.dl.model.CgruModelFile;
import org.neuroseg.dl.model.UNetInput;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.io.VideoReaderStage;
import org.neuroseg.metrics.SegmentationScorerStage;
import org.neuroseg.metrics.SegmentationScore;
import org.neuroseg.preprocess.ActivityFramesStage;
import org.neuroseg.preprocess.Preprocessing;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.segmentation.ActiveCellTrackingStage;
import org.neuroseg.segmentation.CellOutlineStage;
import org.neuroseg.segmentation.RefinementStage;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.StageTiming;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole method of González-Colín et al. on one video, from the file to the functional neurons, composed of the
 * stages: {@link Preprocessing} (Local Equalization, Motion Correction, Apply Shifts of the recorded video, and the
 * Activity Frames of that corrected recording when the U-Net reads them, {@link UNetInput}), the U-Net Predictor
 * whose per-frame masks become the candidate cells ({@link FunctionalProbability}, {@link CellMap}: the cells
 * marked active followed from frame to frame, or Morphological Refinement of the CGRU's probability), and Activity
 * Validation of the candidates on the recorded video corrected with the estimated
 * shifts (ΔF/F needs the recorded intensities, which equalization changes). Optionally the neurons are scored
 * against a ground truth.
 * {@link PipelineOutputs} lists the files written.
 *
 * <p>Intermediate videos (equalized, corrected, input corrected) go to a hidden scratch folder inside the output
 * folder, each deleted as soon as the next step has read it, and the folder itself at the end, also after a
 * failure or cancellation. Every step streams, so memory does not grow with the number of frames; the scratch
 * folder needs about three times the video's size in float32 at its fullest.
 */
public final class EndToEndPipeline {

    private static final Logger LOGGER = LoggerFactory.getLogger(EndToEndPipeline.class);

    /** Where each step ends on the progress bar: about its share of the time at 512 x 512 on 2 cores. */
    private static final double PREPROCESSED = 0.15;
    private static final double SEGMENTED = 0.93;
    private static final double REFINED = 0.935;
    private static final double OUTLINED = 0.94;
    private static final double VALIDATED = 0.98;

    private EndToEndPipeline() {
    }

    /**
     * Segments the video of {@code settings} and writes the results into {@code outputFolder}.
     *
     * @param settings the models and every stage's parameters; the video is the reader's file parameter
     * @param groundTruth the true neurons to score against, or null
     * @param outputFolder created if missing; files of the same names are replaced
     * @param monitor progress over all steps, cancellation at least once per frame
     * @return what was found, with the time of each step
     * @throws NeurosegException when the video, a model or the ground truth cannot be read (the message names the
     *         file), or a step fails
     * @throws CanceledException when the monitor was canceled; the scratch folder is removed
     */
    public static PipelineResult run(PipelineSettings settings, GroundTruth groundTruth, Path outputFolder,
            ProgressMonitor monitor) throws NeurosegException, CanceledException {
        Path input = settings.of(VideoReaderStage.INSTANCE).getPath(VideoReaderStage.FILE);
        if (input == null) {
            throw new NeurosegException("No video given: set '" + VideoReaderStage.FILE.label() + "'");
        }
        UNetInput unetInput = UNetModelFile.input(UNetModelFile.readInfo(settings.unet().file()));
        CgruModelFile.readInfo(settings.cgru().file());
        Path scratch = scratchFolder(outputFolder);
        try (Video video = VideoReaderStage.open(input, settings.of(VideoReaderStage.INSTANCE))) {
            LOGGER.info("Segmenting {} ({})", input, video.shape());
            if (!(video.frameRateHz() > 0)) {
                LOGGER.warn("{} does not record its frame rate: Activity Frames assume {} Hz and Activity Validation"
                        + " {} Hz; set the frame rate (--frame-rate-hz) if that is wrong", input,
                        settings.of(ActivityFramesStage.INSTANCE).getDouble(ActivityFramesStage.FRAME_RATE),
                        settings.of(ActivityValidationStage.INSTANCE).getDouble(ActivityValidationStage.FRAME_RATE));
            }
            PipelineResult result = new Run(settings, unetInput, scratch, outputFolder, monitor).segment(video,
                    groundTruth);
            LOGGER.info("Found {} functional neurons among {} candidates in {} s", result.neurons().size(),
                    result.candidates().size(), String.format("%.1f", result.totalSeconds()));
            return result;
        } catch (IOException e) {
            throw new NeurosegException("Cannot close " + input + ": " + e.getMessage(), e);
        } finally {
            AtomicFiles.deleteTreeQuietly(scratch);
        }
    }

    private static Path scratchFolder(Path outputFolder) throws NeurosegException {
        try {
            Files.createDirectories(outputFolder);
            return Files.createTempDirectory(outputFolder, ".neuroseg-run-");
        } catch (IOException e) {
            throw new NeurosegException("Cannot create the output folder " + outputFolder + ": " + e.getMessage(), e);
        }
    }

    /** One run: the steps in order, each timed and given its part of the progress bar. */
    private static final class Run {
        private final PipelineSettings settings;
        private final UNetInput unetInput;
        private final Path scratch;
        private final Path outputFolder;
        private final ProgressMonitor monitor;
        private final List<StageTiming> timings = new ArrayList<>();
        private double progress;

        Run(PipelineSettings settings, UNetInput unetInput, Path scratch, Path outputFolder,
                ProgressMonitor monitor) {
            this.settings = settings;
            this.unetInput = unetInput;
            this.scratch = scratch;
            this.outputFolder = outputFolder;
            this.monitor = monitor;
        }

        PipelineResult segment(Video video, GroundTruth groundTruth) throws NeurosegException, CanceledException {
            VideoShape shape = video.shape();
            if (groundTruth != null) {
                groundTruth.check(shape.frames(), shape.height(), shape.width());
            }
            monitor.setProgress(progress, "Preprocessing");
            boolean activity = unetInput == UNetInput.ACTIVITY;
            Preprocessing.Result preprocessed = Preprocessing.run(video, settings.preprocessing(),
                    activity ? Preprocessing.Extent.ACTIVITY : Preprocessing.Extent.RECORDED_CORRECTED, scratch,
                    StageContext.inDirectory(scratch, monitor.subMonitor(progress, PREPROCESSED)));
            timings.addAll(preprocessed.timings());
            progress = PREPROCESSED;
            Parameters tracking = settings.of(ActiveCellTrackingStage.INSTANCE)
                    .resolvedFor(preprocessed.recordedCorrected().recording());
            ActiveCellTrackingStage.INSTANCE.checkParameters(tracking);
            FunctionalProbability.Result map;
            RoiSet candidates;
            try {
                map = step(settings.cellMap() == CellMap.CGRU ? "U-Net and CGRU Predictors"
                        : "U-Net Predictor and active cells", SEGMENTED, context -> FunctionalProbability.compute(
                        activity ? preprocessed.activity() : preprocessed.corrected(), settings.cellMap(),
                        settings.unet(), settings.of(UNetPredictorStage.INSTANCE), settings.cgru(),
                        settings.of(CgruPredictorStage.INSTANCE), tracking, settings.unetWorkers(),
                        context.monitor()));
                candidates = map.candidates() != null ? map.candidates()
                        : refine(shape, preprocessed, map.map());
                if (activity) {
                    candidates = outline(preprocessed.activity(), candidates);
                }
            } catch (NeurosegException | CanceledException | RuntimeException e) {
                discard(preprocessed.recordedCorrected());
                throw e;
            } finally {
                discard(preprocessed.corrected());
                if (activity) {
                    discard(preprocessed.activity());
                }
            }
            GroundTruth.Aligned truth = groundTruth == null ? null : groundTruth.read(shape.height(), shape.width(),
                    preprocessed.shifts());
            try {
                return validate(shape, preprocessed, map, candidates, truth);
            } finally {
                discard(preprocessed.recordedCorrected());
            }
        }

        /** Keeps the candidates that fire in the corrected recorded video. */
        private PipelineResult validate(VideoShape shape, Preprocessing.Result preprocessed,
                FunctionalProbability.Result map, RoiSet candidates, GroundTruth.Aligned truth)
                throws NeurosegException, CanceledException {
            // the report shows Activity Validation's warnings beside the U-Net's
            List<String> warnings = Collections.synchronizedList(new ArrayList<>(map.warnings()));
            PortValues validated = step("Activity Validation", VALIDATED, context -> ActivityValidationStage.INSTANCE
                    .run(PortValues.of(ActivityValidationStage.VIDEO, preprocessed.recordedCorrected())
                            .with(ActivityValidationStage.ROIS, candidates),
                            settings.of(ActivityValidationStage.INSTANCE), context.alsoWarningTo(warnings::add)));
            RoiSet neurons = validated.get(ActivityValidationStage.VALIDATED_ROIS);
            SegmentationScore score = truth == null ? null : step("Scoring", VALIDATED, context ->
                    SegmentationScorerStage.INSTANCE.run(PortValues.of(SegmentationScorerStage.PREDICTED_ROIS, neurons)
                            .with(SegmentationScorerStage.REFERENCE_ROIS, truth.rois()),
                            SegmentationScorerStage.INSTANCE.defaults(), context))
                    .get(SegmentationScorerStage.SCORES);
            PipelineOutputs.Scored scored = score == null ? null : new PipelineOutputs.Scored(score,
                    truth.rowsMoved(), truth.columnsMoved());
            PipelineOutputs outputs = new PipelineOutputs(shape, preprocessed.recordedCorrected().recording(),
                    preprocessed.shifts(), preprocessed.motionPicture(), map.map(), candidates, validated, scored,
                    warnings);
            Path report = step("Writing the results", 1, context -> outputs.write(outputFolder, settings,
                    timings, context.monitor()));
            return new PipelineResult(shape, preprocessed.recordedCorrected().recording(), candidates, neurons,
                    validated.get(ActivityValidationStage.TRACES), validated.get(ActivityValidationStage.RASTER),
                    scored, timings, report);
        }

        /** Redraws the candidates' outlines from the activity frames. */
        private RoiSet outline(Video activity, RoiSet candidates) throws NeurosegException, CanceledException {
            return step("Cell Outlines", OUTLINED, context -> CellOutlineStage.INSTANCE.run(
                    PortValues.of(CellOutlineStage.ACTIVITY, activity).with(CellOutlineStage.CELLS, candidates),
                    settings.of(CellOutlineStage.INSTANCE), context)).get(CellOutlineStage.OUTLINED);
        }

        /** Cuts the map into candidates with Morphological Refinement. */
        private RoiSet refine(VideoShape shape, Preprocessing.Result preprocessed, float[] probability)
                throws NeurosegException, CanceledException {
            // the probability image keeps the recording's cell diameter, from which Refinement's auto sizes derive
            Video probabilityImage = new ArrayVideo(new VideoShape(1, shape.height(), shape.width(),
                    PixelType.FLOAT32), preprocessed.recordedCorrected().recording().withFrameRateHz(0), probability);
            PortValues refined = step("Morphological Refinement", REFINED, context -> RefinementStage.INSTANCE.run(
                    PortValues.of(RefinementStage.MASK, probabilityImage), settings.of(RefinementStage.INSTANCE),
                    context));
            discard(refined.get(RefinementStage.LABELS));
            return refined.get(RefinementStage.ROIS);
        }

        private <T> T step(String name, double end, Step<T> body) throws NeurosegException, CanceledException {
            monitor.checkCanceled();
            monitor.setProgress(progress, name);
            long start = System.nanoTime();
            T result = body.run(StageContext.inDirectory(scratch, monitor.subMonitor(progress, end)));
            double seconds = (System.nanoTime() - start) / 1e9;
            timings.add(new StageTiming(name, seconds));
            LOGGER.info("{}: {} s", name, String.format("%.1f", seconds));
            progress = end;
            return result;
        }

        /** Closes an intermediate video and deletes its store, which lies in the scratch folder. */
        private void discard(Video video) throws NeurosegException {
            try {
                video.close();
            } catch (IOException e) {
                throw new NeurosegException("Cannot close an intermediate video: " + e.getMessage(), e);
            }
            if (video instanceof FileVideo stored && stored.file().startsWith(scratch)) {
                AtomicFiles.deleteQuietly(stored.file());
            }
        }
    }

    /** A step's work, given its context (scratch folder and the step's part of the progress). */
    @FunctionalInterface
    private interface Step<T> {
        T run(StageContext context) throws NeurosegException, CanceledException;
    }
}
