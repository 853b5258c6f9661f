package org.neuroseg.dl.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.activity.ActivityEvidence;
import org.neuroseg.activity.ActivityValidationStage;
import org.neuroseg.dl.infer.CgruPredictorStage;
import org.neuroseg.dl.infer.UNetPredictorStage;
import org.neuroseg.dl.model.CgruModelFile;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.io.VideoFormats;
import org.neuroseg.io.VideoReaderStage;
import org.neuroseg.metrics.ScoreStage;
import org.neuroseg.metrics.SegmentationScore;
import org.neuroseg.preprocess.ApplyShiftsStage;
import org.neuroseg.preprocess.LocalEqualizationStage;
import org.neuroseg.preprocess.MotionCorrectionStage;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.segmentation.RefinementStage;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.MotionShifts;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.Picture;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.Traces;
import org.neuroseg.table.Table;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole method of González-Colín et al. on one video, from the file to the functional neurons, composed of the
 * stages: Local Equalization, Motion Correction, the U-Net Predictor feeding the CGRU Predictor
 * ({@link FunctionalProbability}), Morphological Refinement of the CGRU's probability image, and Activity
 * Validation of the candidates on the input video corrected with the estimated shifts (Apply Shifts: ΔF/F needs the
 * recorded intensities, which equalization changes). Optionally the neurons are scored against a ground truth.
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
    private static final double EQUALIZED = 0.04;
    private static final double CORRECTED = 0.12;
    private static final double SEGMENTED = 0.90;
    private static final double SHIFTED = 0.93;
    private static final double REFINED = 0.94;
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
        UNetModelFile.readInfo(settings.unet().file());
        CgruModelFile.readInfo(settings.cgru().file());
        Path scratch = scratchFolder(outputFolder);
        try (Video video = VideoFormats.open(input, VideoReaderStage.readOptions(settings.of(
                VideoReaderStage.INSTANCE)))) {
            LOGGER.info("Segmenting {} ({})", input, video.shape());
            PipelineResult result = new Run(settings, scratch, outputFolder, monitor).segment(video, groundTruth);
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
        private final Path scratch;
        private final Path outputFolder;
        private final ProgressMonitor monitor;
        private final List<StageTiming> timings = new ArrayList<>();
        private double progress;

        Run(PipelineSettings settings, Path scratch, Path outputFolder, ProgressMonitor monitor) {
            this.settings = settings;
            this.scratch = scratch;
            this.outputFolder = outputFolder;
            this.monitor = monitor;
        }

        PipelineResult segment(Video video, GroundTruth groundTruth) throws NeurosegException, CanceledException {
            VideoShape shape = video.shape();
            if (groundTruth != null) {
                groundTruth.check(shape.frames(), shape.height(), shape.width());
            }
            Video equalized = (Video) step("Local Equalization", EQUALIZED, context -> LocalEqualizationStage
                    .INSTANCE.run(List.of(video), settings.of(LocalEqualizationStage.INSTANCE), context)).get(0);
            List<Object> motion;
            try {
                motion = step("Motion Correction", CORRECTED, context -> MotionCorrectionStage.INSTANCE.run(
                        List.of(equalized), settings.of(MotionCorrectionStage.INSTANCE), context));
            } finally {
                discard(equalized);
            }
            Video corrected = (Video) motion.get(0);
            float[] probability;
            try {
                probability = step("U-Net and CGRU Predictors", SEGMENTED, context -> FunctionalProbability.compute(
                        corrected, settings.unet(), settings.of(UNetPredictorStage.INSTANCE),
                        settings.cgru(), settings.of(CgruPredictorStage.INSTANCE),
                        settings.unetWorkers(), context.monitor()));
            } finally {
                discard(corrected);
            }
            MotionShifts shifts = (MotionShifts) motion.get(1);
            GroundTruth.Aligned truth = groundTruth == null ? null : groundTruth.read(shape.height(), shape.width(),
                    shifts);
            return validate(video, shifts, (Picture) motion.get(2), probability, truth);
        }

        private PipelineResult validate(Video video, MotionShifts shifts, Picture motionPicture, float[] probability,
                GroundTruth.Aligned truth) throws NeurosegException, CanceledException {
            VideoShape shape = video.shape();
            Video shifted = (Video) step("Apply Shifts", SHIFTED, context -> ApplyShiftsStage.INSTANCE.run(
                    List.of(video, shifts), ApplyShiftsStage.INSTANCE.defaults(), context)).get(0);
            List<Object> validated;
            RoiSet candidates;
            try {
                List<Object> refined = step("Morphological Refinement", REFINED, context -> RefinementStage.INSTANCE
                        .run(List.of(ArrayVideo.image(shape.height(), shape.width(), PixelType.FLOAT32,
                                probability)), settings.of(RefinementStage.INSTANCE), context));
                discard((Video) refined.get(0));
                candidates = (RoiSet) refined.get(1);
                validated = step("Activity Validation", VALIDATED, context -> ActivityValidationStage.INSTANCE.run(
                        List.of(shifted, candidates), settings.of(ActivityValidationStage.INSTANCE), context));
            } finally {
                discard(shifted);
            }
            RoiSet neurons = (RoiSet) validated.get(2);
            SegmentationScore score = truth == null ? null : (SegmentationScore) step("Scoring", VALIDATED,
                    context -> ScoreStage.INSTANCE.run(List.of(neurons, truth.rois()), ScoreStage.INSTANCE.defaults(),
                            context)).get(0);
            PipelineOutputs.Scored scored = score == null ? null : new PipelineOutputs.Scored(score,
                    truth.rowsMoved(), truth.columnsMoved());
            Parameters validation = settings.of(ActivityValidationStage.INSTANCE);
            Table evidence = ActivityEvidence.of((Traces) validated.get(0), validation,
                    ActivityValidationStage.frameRateHz(video, validation));
            PipelineOutputs outputs = new PipelineOutputs(shape, shifts, motionPicture, probability, candidates,
                    validated, evidence, scored);
            Path report = step("Writing the results", 1, context -> outputs.write(outputFolder, settings,
                    timings, context.monitor()));
            return new PipelineResult(shape, candidates, neurons, outputs.traces(), outputs.raster(), scored,
                    timings, report);
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
