package org.neuroseg.bench;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.infer.UNetPredictorStage;
import org.neuroseg.dl.model.ShippedModels;
import org.neuroseg.dl.pipeline.EndToEndPipeline;
import org.neuroseg.dl.pipeline.PipelineResult;
import org.neuroseg.dl.pipeline.PipelineSettings;
import org.neuroseg.dl.train.SelfTraining;
import org.neuroseg.io.Pictures;
import org.neuroseg.io.VideoFormats;
import org.neuroseg.metrics.MatchingRule;
import org.neuroseg.metrics.NeuronMetrics;
import org.neuroseg.metrics.SegmentationScore;
import org.neuroseg.preprocess.ActivityFramesStage;
import org.neuroseg.preprocess.MotionCorrectionStage;
import org.neuroseg.preprocess.Preprocessing;
import org.neuroseg.roi.NeurofinderRegions;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.segmentation.ProjectionStage;
import org.neuroseg.segmentation.StrongActivityCoverage;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.Raster;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.Videos;

/**
 * The scoreboard on real recordings (../shared/data/real, read in place): for each recording, {@code neuroseg run}
 * with the shipped models, self-training on the same recording followed by a run with the trained models, and the
 * max, mean and standard-deviation projections thresholded at their best percentile (best by centroid F1 against
 * the labels; Otsu where there are none). Labels are partial, so recall of labelled cells comes first. Writes one
 * picture per recording into bench/real/: the standard-deviation image with the labels (blue), the shipped
 * pipeline's neurons (green) and the self-trained pipeline's neurons (yellow) side by side.
 */
final class RealDataBenchmark {

    /** Percentiles tried for the projection baselines. */
    private static final double[] PERCENTILES = {80, 85, 90, 93, 95, 97, 98, 99, 99.5};

    private RealDataBenchmark() {
    }

    /**
     * One recording.
     *
     * @param name its folder or file name
     * @param kind one-photon or two-photon, and the microscope
     * @param video the movie
     * @param frameRateHz its frame rate (the TIFFs do not record it)
     * @param labels the expert regions (Neurofinder JSON), or null
     * @param motionCorrected whether the source corrected the motion already (its README says so): then the run
     *        sets Motion Correction's largest shift to 0, as a user told so would
     */
    record Recording(String name, String kind, Path video, double frameRateHz, Path labels, boolean motionCorrected) {

        /** @return Motion Correction's {@code parameters}, with the largest shift at 0 when corrected already */
        Parameters motion(Parameters parameters) {
            return motionCorrected ? parameters.with(MotionCorrectionStage.MAX_SHIFT.key(), 0) : parameters;
        }
    }

    /** What one method found on one recording. */
    private record Found(String method, RoiSet neurons, int candidates, SegmentationScore score, double withEvent,
            double seconds) {
    }

    /** @return the shared recordings that are present under {@code real} */
    static List<Recording> recordings(Path real) {
        List<Recording> all = List.of(
                new Recording("lin-dg13-7-12-17", "one-photon miniscope", real.resolve("lin-dg13-7-12-17/movie.tif"),
                        5, real.resolve("lin-dg13-7-12-17/regions.json"), true),
                new Recording("lin-dg13-8-3-17", "one-photon miniscope", real.resolve("lin-dg13-8-3-17/movie.tif"),
                        5, real.resolve("lin-dg13-8-3-17/regions.json"), true),
                new Recording("neurofinder-03.00-crop256", "two-photon", real.resolve("neurofinder-03.00-crop256.tif"),
                        7.5, null, false),
                new Recording("movie_part2_108x123x63", "one-photon Inscopix",
                        real.resolve("movie_part2_108x123x63.tiff"), 10, null, false));
        return all.stream().filter(recording -> Files.isRegularFile(recording.video())).toList();
    }

    /**
     * @param selfTraining whether to self-train on each recording (the slow part)
     * @param pictures folder for the pictures
     * @return the table rows
     */
    static List<String> run(Path work, List<Recording> recordings, boolean selfTraining, Path pictures)
            throws Exception {
        List<String> rows = new ArrayList<>();
        Files.createDirectories(pictures);
        for (Recording recording : recordings) {
            Path folder = Files.createDirectories(work.resolve(recording.name()));
            RoiSet labels;
            float[] std;
            int height;
            int width;
            try (Video video = VideoFormats.open(recording.video())) {
                height = video.shape().height();
                width = video.shape().width();
                labels = recording.labels() == null ? null : NeurofinderRegions.read(recording.labels(), height,
                        width);
            }
            List<Found> found = new ArrayList<>();
            Found shipped = pipeline(recording, "shipped models", ShippedModels.unet(), ShippedModels.cgru(), labels,
                    folder.resolve("shipped"));
            found.add(shipped);
            Found trained = null;
            if (selfTraining) {
                long start = System.nanoTime();
                SelfTraining.Result models;
                try (Video video = VideoFormats.open(recording.video())) {
                    Path scratch = Files.createDirectories(folder.resolve("training"));
                    models = SelfTraining.run(List.of(new SelfTraining.Input(recording.name(), video)),
                            selfTrainingSettings(recording), scratch, StageContext.inDirectory(scratch,
                                    ProgressMonitor.NONE));
                }
                double trainingSeconds = (System.nanoTime() - start) / 1e9;
                Found run = pipeline(recording, "self-trained", models.unet(), models.cgru(), labels,
                        folder.resolve("selftrained"));
                trained = new Found(run.method() + String.format(Locale.ROOT, " (training %.0f s)",
                        trainingSeconds), run.neurons(), run.candidates(), run.score(), run.withEvent(),
                        run.seconds() + trainingSeconds);
                found.add(trained);
            }
            Map<String, float[]> projections = new LinkedHashMap<>();
            for (String projection : List.of(ProjectionStage.MAX, ProjectionStage.MEAN, ProjectionStage.STD)) {
                found.add(bestProjection(recording, projection, labels, folder, projections));
            }
            std = projections.get(ProjectionStage.STD);
            for (Found method : found) {
                rows.add(row(recording, labels, method));
            }
            writePicture(pictures.resolve(recording.name() + ".png"), std, height, width, labels, shipped.neurons(),
                    trained == null ? null : trained.neurons());
        }
        return rows;
    }

    /**
     * @return self-training's defaults, with the recording's preprocessing ({@link #preprocessing})
     */
    private static SelfTraining.Settings selfTrainingSettings(Recording recording) {
        SelfTraining.Settings defaults = SelfTraining.Settings.defaults();
        return new SelfTraining.Settings(preprocessing(recording, defaults.preprocessing()), defaults.labeler(),
                defaults.unetLearner(), defaults.unetPredictor(), defaults.cgruLearner());
    }

    /**
     * @return {@code settings} with the frame rate that the recording's file does not record and no motion
     *         correction of a recording that is corrected already
     */
    private static Preprocessing.Settings preprocessing(Recording recording, Preprocessing.Settings settings) {
        return new Preprocessing.Settings(settings.equalization(), recording.motion(settings.motion()),
                settings.shifting(), settings.activity().with(ActivityFramesStage.FRAME_RATE.key(),
                        recording.frameRateHz()));
    }

    /**
     * Whether a U-Net marks the real recordings' activity at all, measured without their labels, for choosing among
     * trained models: per recording, the share of its strongly active pixels that the U-Net marks
     * ({@link StrongActivityCoverage}) and the share of all its pixels of all frames. U-Nets that score alike on the
     * selection videos can differ here from most of the strong activity to none of it (bench/RESULTS.md, 2026-12-07).
     *
     * @return the table's rows
     */
    static List<String> coverage(Path work, List<Recording> recordings, ModelFile unet) throws Exception {
        List<String> rows = new ArrayList<>(List.of("| real recording (no labels used) | strongly active pixels "
                + "marked by the U-Net | pixels of all frames marked |", "|---|---|---|"));
        for (Recording recording : recordings) {
            Path folder = Files.createDirectories(work.resolve(recording.name() + "-coverage"));
            StageContext context = StageContext.inDirectory(folder, ProgressMonitor.NONE);
            try (Video video = VideoFormats.open(recording.video());
                    Preprocessing.Result preprocessed = Preprocessing.run(video, preprocessing(recording,
                            Preprocessing.Settings.defaults()), Preprocessing.Extent.ACTIVITY, folder, context)) {
                UNetPredictorStage.Prediction prediction = UNetPredictorStage.predict(preprocessed.activity(), unet,
                        UNetPredictorStage.INSTANCE.defaults(), context);
                try (Video probabilities = prediction.probabilities()) {
                    double strong = prediction.coverage().map(StrongActivityCoverage::markedShare)
                            .orElse(Double.NaN);
                    rows.add(String.format(Locale.ROOT, "| %s (%s) | %.2f | %.4f |", recording.name(),
                            recording.kind(), strong, markedShare(probabilities)));
                }
            }
        }
        return rows;
    }

    /** @return the share of all pixels of all frames whose probability exceeds one half */
    private static double markedShare(Video probabilities) throws NeurosegException, CanceledException {
        VideoShape shape = probabilities.shape();
        return Videos.countAboveHalf(probabilities, ProgressMonitor.NONE)
                / ((double) shape.pixelsPerFrame() * shape.frames());
    }

    private static Found pipeline(Recording recording, String method, ModelFile unet, ModelFile cgru,
            RoiSet labels, Path output) throws Exception {
        PipelineSettings settings = PipelineSettings.defaults(recording.video(), unet, cgru)
                .withFrameRateIfUnknown(recording.frameRateHz());
        settings = settings.with(MotionCorrectionStage.INSTANCE,
                recording.motion(settings.of(MotionCorrectionStage.INSTANCE)));
        PipelineResult result = EndToEndPipeline.run(settings, null, output, ProgressMonitor.NONE);
        return new Found(method, result.neurons(), result.candidates().size(), score(result.neurons(), labels),
                withEvent(result.raster()), result.totalSeconds());
    }

    /** @return the share of neurons whose raster has at least one active frame */
    private static double withEvent(Raster raster) {
        if (raster.rows().isEmpty()) {
            return Double.NaN;
        }
        return raster.rows().stream().filter(row -> !row.isEmpty()).count() / (double) raster.rows().size();
    }

    private static Found bestProjection(Recording recording, String projection, RoiSet labels, Path folder,
            Map<String, float[]> images) throws Exception {
        long start = System.nanoTime();
        Found best = null;
        List<Parameters> settings = new ArrayList<>();
        Parameters base = ProjectionStage.INSTANCE.defaults().with(ProjectionStage.PROJECTION.key(), projection);
        if (labels == null) {
            settings.add(base);
        } else {
            for (double percentile : PERCENTILES) {
                settings.add(base.with(ProjectionStage.METHOD.key(), ProjectionStage.PERCENTILE)
                        .with(ProjectionStage.PERCENT.key(), percentile));
            }
        }
        for (Parameters parameters : settings) {
            PortValues outputs;
            try (Video video = VideoFormats.open(recording.video())) {
                outputs = ProjectionStage.INSTANCE.run(PortValues.of(ProjectionStage.VIDEO, video), parameters,
                        StageContext.inDirectory(Files.createDirectories(folder.resolve("projection")),
                                ProgressMonitor.NONE));
            }
            try (Video image = outputs.get(ProjectionStage.PROJECTED_IMAGE);
                    Video mask = outputs.get(ProjectionStage.MASK)) {
                float[] pixels = new float[image.shape().pixelsPerFrame()];
                image.readFrame(0, pixels);
                images.putIfAbsent(projection, pixels);
            }
            RoiSet rois = outputs.get(ProjectionStage.ROIS);
            String method = projection + " projection, " + (labels == null ? "Otsu" : "above the "
                    + parameters.getDouble(ProjectionStage.PERCENT) + "th percentile");
            Found candidate = new Found(method, rois, rois.size(), score(rois, labels), Double.NaN, 0);
            if (best == null || centroidF1(candidate) > centroidF1(best)) {
                best = candidate;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9 / settings.size();
        return new Found(best.method(), best.neurons(), best.candidates(), best.score(), Double.NaN, seconds);
    }

    private static double centroidF1(Found found) {
        return found.score() == null ? 0 : found.score().neuron(MatchingRule.NEUROFINDER_CENTROID).f1();
    }

    private static SegmentationScore score(RoiSet found, RoiSet labels) {
        return labels == null ? null : SegmentationScore.of(found, labels);
    }

    private static String row(Recording recording, RoiSet labels, Found found) {
        String metrics;
        if (found.score() == null) {
            metrics = "— | — | — | — | — | —";
        } else {
            NeuronMetrics centroid = found.score().neuron(MatchingRule.NEUROFINDER_CENTROID);
            metrics = String.format(Locale.ROOT, "%.2f | %.2f | %.2f | %.2f | %.2f | %.2f", centroid.recall(),
                    centroid.precision(), centroid.f1(), found.score().neuron(MatchingRule.IOU_HUNGARIAN).f1(),
                    found.score().neuron(MatchingRule.CAIMAN).f1(), found.score().pixel().dice());
        }
        return String.format(Locale.ROOT, "| %s (%s) | %s | %s | %d | %d | %s | %s | %.1f |", recording.name(),
                recording.kind(), found.method(), labels == null ? "none" : String.valueOf(labels.size()),
                found.neurons().size(), found.candidates(), metrics, Double.isNaN(found.withEvent()) ? "—"
                        : String.format(Locale.ROOT, "%.2f", found.withEvent()), found.seconds());
    }

    /** Side by side: labels (blue), shipped models' neurons (green), self-trained neurons (yellow). */
    private static void writePicture(Path file, float[] image, int height, int width, RoiSet labels,
            RoiSet shipped, RoiSet selfTrained) throws Exception {
        List<BufferedImage> panels = new ArrayList<>();
        panels.add(Pictures.outlines(image, height, width, labels == null ? new RoiSet(height, width, List.of())
                : labels, id -> 0x3080FF));
        panels.add(Pictures.outlines(image, height, width, shipped, id -> 0x00FF00));
        if (selfTrained != null) {
            panels.add(Pictures.outlines(image, height, width, selfTrained, id -> 0xFFFF00));
        }
        int gap = 4;
        BufferedImage picture = new BufferedImage(panels.size() * (width + gap) - gap, height,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = picture.createGraphics();
        try {
            for (int i = 0; i < panels.size(); i++) {
                graphics.drawImage(panels.get(i), i * (width + gap), 0, null);
            }
        } finally {
            graphics.dispose();
        }
        Pictures.writePng(picture, file);
    }
}
