package org.neuroseg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neuroseg.dl.infer.CgruPredictorStage;
import org.neuroseg.dl.infer.UNetPredictorStage;
import org.neuroseg.dl.model.ShippedModels;
import org.neuroseg.dl.model.UNetInput;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.dl.pipeline.EndToEndPipeline;
import org.neuroseg.dl.pipeline.PipelineResult;
import org.neuroseg.dl.pipeline.PipelineSettings;
import org.neuroseg.imaging.Statistics;
import org.neuroseg.metrics.Auc;
import org.neuroseg.metrics.MatchingRule;
import org.neuroseg.metrics.NeuronMetrics;
import org.neuroseg.metrics.OutlineFit;
import org.neuroseg.metrics.SegmentationScore;
import org.neuroseg.preprocess.Preprocessing;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.segmentation.CellOutlineStage;
import org.neuroseg.segmentation.ProjectionStage;
import org.neuroseg.segmentation.RefinementStage;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.synthetic.SyntheticCell;
import org.neuroseg.synthetic.SyntheticParams;
import org.neuroseg.synthetic.SyntheticResult;
import org.neuroseg.synthetic.SyntheticVideoGenerator;
import org.neuroseg.synthetic.SyntheticVideoStage;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;

/**
 * What each network contributes, on held-out synthetic videos (seeds used by no training script) of both presets,
 * 30 % silent cells: the U-Net's per-cell signal (AUC of the temporal standard deviation of a cell's mean
 * probability, firing against silent cells: does the U-Net's output move when a cell fires?), the CGRU alone
 * (its probability image refined with Morphological Refinement's defaults, scored against the firing cells before
 * Activity Validation), the candidates of {@code neuroseg run} (its default cell map, before Activity Validation), the
 * whole pipeline, and the paper's baselines, the max and mean projections thresholded by Otsu (the paper's Table 2).
 * Firing cells: the functional cells with at least one visible transient
 * ({@link SyntheticResult#firingRois}); functional cells that never fire visibly are left out of the AUC and count
 * neither way. Neuron scores: IoU >= 0.5, Hungarian.
 */
final class ModelsBenchmark {

    /**
     * Held-out videos, for scores: seed, preset, cell diameter, frame rate, cells, indicator, spike rate, and where
     * an eighth column is given, the camera noise's spread over neighbouring pixels (px) instead of the preset's.
     */
    static final String[][] HELD_OUT = {
        {"211", SyntheticVideoStage.EPIFLUORESCENCE, "8.5", "10", "80", "GCaMP6f", "0.5"},
        {"212", SyntheticVideoStage.EPIFLUORESCENCE, "7", "5", "100", "jGCaMP8m", "0.5"},
        {"213", SyntheticVideoStage.EPIFLUORESCENCE, "11", "20", "50", "jGCaMP7f", "0.5"},
        {"214", SyntheticVideoStage.TWO_PHOTON, "12", "7.5", "50", "GCaMP6f", "0.5"},
        {"215", SyntheticVideoStage.TWO_PHOTON, "9", "15", "80", "jGCaMP8s", "0.5"},
        {"216", SyntheticVideoStage.TWO_PHOTON, "14", "30", "36", "jGCaMP7f", "0.5"},
        // added 2026-12-06: six videos score too few cells to rank methods (a rule that gained 0.12 mean F1 on
        // 211-216 was even on fresh videos)
        {"231", SyntheticVideoStage.EPIFLUORESCENCE, "8.5", "10", "75", "jGCaMP8m", "0.5"},
        {"232", SyntheticVideoStage.EPIFLUORESCENCE, "8.5", "10", "75", "GCaMP6f", "0.5"},
        {"233", SyntheticVideoStage.EPIFLUORESCENCE, "8.5", "10", "75", "jGCaMP8s", "0.5"},
        {"234", SyntheticVideoStage.EPIFLUORESCENCE, "8.5", "10", "75", "jGCaMP7f", "0.5"},
        {"235", SyntheticVideoStage.EPIFLUORESCENCE, "8.5", "10", "75", "jGCaMP8f", "0.5"},
        {"236", SyntheticVideoStage.EPIFLUORESCENCE, "10", "5", "80", "GCaMP6f", "1.0"},
        {"237", SyntheticVideoStage.EPIFLUORESCENCE, "6", "20", "100", "jGCaMP8m", "0.5"},
        {"238", SyntheticVideoStage.TWO_PHOTON, "10", "7.5", "60", "jGCaMP8s", "0.5"},
        {"239", SyntheticVideoStage.TWO_PHOTON, "12", "15", "50", "GCaMP6f", "1.0"},
        {"240", SyntheticVideoStage.TWO_PHOTON, "8", "7.5", "80", "jGCaMP8m", "0.5"},
        {"241", SyntheticVideoStage.TWO_PHOTON, "16", "10", "30", "jGCaMP8s", "0.5"},
        {"242", SyntheticVideoStage.TWO_PHOTON, "11", "30", "50", "jGCaMP7f", "0.5"},
        // added 2026-12-07: camera noise independent between pixels, as a raw one-photon camera frame has it (every
        // one-photon video above spreads it over 2 px, as the resized miniscope sessions do)
        {"243", SyntheticVideoStage.EPIFLUORESCENCE, "8.5", "10", "75", "GCaMP6f", "0.5", "0"},
        {"244", SyntheticVideoStage.EPIFLUORESCENCE, "10", "20", "60", "jGCaMP8m", "0.5", "0"},
    };

    /**
     * Videos for choosing among trained models (which training run, which loss) without touching the held-out
     * scores: the same spread of configurations, seeds used by nothing else. Same columns as {@link #HELD_OUT}.
     */
    static final String[][] SELECTION = {
        {"771", SyntheticVideoStage.EPIFLUORESCENCE, "8.5", "10", "75", "jGCaMP8m", "0.5"},
        {"772", SyntheticVideoStage.EPIFLUORESCENCE, "7", "5", "100", "GCaMP6f", "1.0"},
        {"773", SyntheticVideoStage.EPIFLUORESCENCE, "10", "20", "60", "jGCaMP8s", "0.5"},
        {"774", SyntheticVideoStage.EPIFLUORESCENCE, "12", "10", "45", "jGCaMP7f", "0.5"},
        {"775", SyntheticVideoStage.TWO_PHOTON, "12", "7.5", "50", "jGCaMP8s", "0.5"},
        {"776", SyntheticVideoStage.TWO_PHOTON, "9", "15", "80", "jGCaMP8m", "0.5"},
        {"777", SyntheticVideoStage.TWO_PHOTON, "14", "10", "36", "GCaMP6f", "1.0"},
        {"778", SyntheticVideoStage.TWO_PHOTON, "10", "30", "60", "jGCaMP7f", "0.5"},
        {"779", SyntheticVideoStage.EPIFLUORESCENCE, "8.5", "10", "75", "jGCaMP8s", "0.5", "0"},
        {"780", SyntheticVideoStage.EPIFLUORESCENCE, "7", "10", "100", "GCaMP6f", "0.5", "1"},
    };

    private ModelsBenchmark() {
    }

    /** @return the camera noise spread (px) of a row of {@link #HELD_OUT} or {@link #SELECTION}; -1: the preset's */
    static double noiseSpread(String[] spec) {
        return spec.length > 7 ? Double.parseDouble(spec[7]) : -1;
    }

    /** @return the videos' seeds as runs of consecutive numbers, e.g. "211-216 and 231-242" */
    static String seedRanges(String[][] videos) {
        List<String> runs = new ArrayList<>();
        int i = 0;
        while (i < videos.length) {
            int first = Integer.parseInt(videos[i][0]);
            int last = first;
            while (i + 1 < videos.length && Integer.parseInt(videos[i + 1][0]) == last + 1) {
                last++;
                i++;
            }
            runs.add(first == last ? Integer.toString(first) : first + "-" + last);
            i++;
        }
        return runs.size() == 1 ? runs.get(0)
                : String.join(", ", runs.subList(0, runs.size() - 1)) + " and " + runs.get(runs.size() - 1);
    }

    /**
     * @param frames frames of each video (256 x 256)
     * @param unet the U-Net model file
     * @param cgru the CGRU model file
     * @param videos {@link #HELD_OUT} or {@link #SELECTION}
     */
    static List<String> run(Path work, int frames, ModelFile unet, ModelFile cgru, String[][] videos)
            throws Exception {
        UNetInput input = UNetModelFile.input(UNetModelFile.readInfo(unet.file()));
        List<String> rows = new ArrayList<>();
        rows.add("| video | U-Net AUC | CGRU alone: precision | recall | F1 | candidates: precision | recall | F1 "
                + "| `neuroseg run`: precision | recall | F1 | max projection F1 | mean projection F1 "
                + "| firing / functional / all cells |");
        rows.add("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        double[] sums = new double[12];
        int averaged = 0;
        // every video's scores of the CGRU alone, the candidates and the pipeline, pooled at the end
        List<List<NeuronMetrics>> perVideo = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        // how the kept neurons' outlines fit the firing cells they overlap, over all videos
        List<OutlineFit> outlineFits = new ArrayList<>();
        for (String[] spec : videos) {
            Path folder = Files.createDirectories(work.resolve("seed" + spec[0]));
            SyntheticParams params = SyntheticVideoStage.toSyntheticParams(SyntheticVideoStage.INSTANCE.defaults()
                    .with(SyntheticVideoStage.PRESET.key(), spec[1]).with(SyntheticVideoStage.WIDTH.key(), 256)
                    .with(SyntheticVideoStage.HEIGHT.key(), 256).with(SyntheticVideoStage.FRAMES.key(), frames)
                    .with(SyntheticVideoStage.CELL_DIAMETER.key(), Double.parseDouble(spec[2]))
                    .with(SyntheticVideoStage.FRAME_RATE.key(), Double.parseDouble(spec[3]))
                    .with(SyntheticVideoStage.NEURONS.key(), Integer.parseInt(spec[4]))
                    .with(SyntheticVideoStage.INDICATOR.key(), spec[5])
                    .with(SyntheticVideoStage.SPIKE_RATE.key(), Double.parseDouble(spec[6]))
                    .with(SyntheticVideoStage.NOISE_SPREAD.key(), noiseSpread(spec))
                    .with(SyntheticVideoStage.MOTION.key(), false).with(SyntheticVideoStage.SEED.key(),
                            Long.parseLong(spec[0])));
            SyntheticResult truth = SyntheticVideoGenerator.generate(params, folder.resolve("synthetic"),
                    ProgressMonitor.NONE);
            RoiSet firing = truth.firingRois();
            double auc;
            NeuronMetrics cgruAlone;
            StageContext context = StageContext.inDirectory(folder, ProgressMonitor.NONE);
            try (Video raw = VideoStore.open(truth.videoFile());
                    Preprocessing.Result preprocessed = Preprocessing.run(raw, Preprocessing.Settings.defaults(),
                            input == UNetInput.ACTIVITY ? Preprocessing.Extent.ACTIVITY
                                    : Preprocessing.Extent.CORRECTED, folder, context);
                    Video probabilities = UNetPredictorStage.INSTANCE.run(PortValues.of(UNetPredictorStage.VIDEO,
                            input == UNetInput.ACTIVITY ? preprocessed.activity() : preprocessed.corrected())
                            .with(UNetPredictorStage.MODEL, unet), UNetPredictorStage.INSTANCE.defaults(), context)
                            .get(UNetPredictorStage.PROBABILITIES)) {
                auc = spreadAuc(probabilities, truth);
                try (Video functional = CgruPredictorStage.INSTANCE.run(PortValues.of(
                        CgruPredictorStage.PROBABILITIES, probabilities).with(CgruPredictorStage.MODEL, cgru),
                        CgruPredictorStage.INSTANCE.defaults(), context)
                        .get(CgruPredictorStage.FUNCTIONAL_PROBABILITY)) {
                    PortValues refined = RefinementStage.INSTANCE.run(PortValues.of(RefinementStage.MASK,
                            functional), RefinementStage.INSTANCE.defaults(), context);
                    refined.get(RefinementStage.LABELS).close();
                    RoiSet regions = refined.get(RefinementStage.ROIS);
                    // outlined as neuroseg run outlines the CGRU's regions when the U-Net reads activity frames
                    cgruAlone = score(input == UNetInput.ACTIVITY ? CellOutlineStage.INSTANCE.run(PortValues.of(
                            CellOutlineStage.ACTIVITY, preprocessed.activity()).with(CellOutlineStage.CELLS, regions),
                            CellOutlineStage.INSTANCE.defaults(), context).get(CellOutlineStage.OUTLINED) : regions,
                            firing);
                }
            }
            PipelineResult run = EndToEndPipeline.run(PipelineSettings.defaults(truth.videoFile(), unet, cgru), null,
                    folder.resolve("run"), ProgressMonitor.NONE);
            NeuronMetrics candidates = score(run.candidates(), firing);
            NeuronMetrics pipeline = score(run.neurons(), firing);
            outlineFits.addAll(OutlineFit.of(run.neurons(), firing, 0.2));
            double max = projectionF1(truth, ProjectionStage.MAX, firing, context);
            double mean = projectionF1(truth, ProjectionStage.MEAN, firing, context);
            perVideo.get(0).add(cgruAlone);
            perVideo.get(1).add(candidates);
            perVideo.get(2).add(pipeline);
            double[] values = {auc, cgruAlone.precision(), cgruAlone.recall(), cgruAlone.f1(),
                candidates.precision(), candidates.recall(), candidates.f1(), pipeline.precision(), pipeline.recall(),
                pipeline.f1(), max, mean};
            // A video without a visibly firing cell has nothing to find and no AUC: it is shown, not averaged.
            if (firing.size() > 0) {
                averaged++;
                for (int i = 0; i < values.length; i++) {
                    sums[i] += values[i];
                }
            }
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s %s, %s px, %s Hz, %s%s |",
                    spec[0], spec[1], spec[2], spec[3], spec[5], noiseSpread(spec) < 0 ? ""
                            : noiseSpread(spec) == 0 ? ", noise independent between pixels"
                                    : ", noise spread " + spec[7] + " px"));
            for (double value : values) {
                row.append(String.format(Locale.ROOT, " %.2f |", value));
            }
            rows.add(row.append(String.format(Locale.ROOT, " %d / %d / %d |", firing.size(),
                    truth.functionalRois().size(), truth.rois().size())).toString());
        }
        StringBuilder mean = new StringBuilder("| mean of the " + averaged + " videos with firing cells |");
        for (double sum : sums) {
            mean.append(String.format(Locale.ROOT, " %.2f |", sum / averaged));
        }
        rows.add(mean.append(" |").toString());
        StringBuilder pooledRow = new StringBuilder("| all " + NeuronMetrics.pooled(perVideo.get(2)).referenceCount()
                + " firing cells pooled | |");
        for (List<NeuronMetrics> scores : perVideo) {
            NeuronMetrics pooled = NeuronMetrics.pooled(scores);
            pooledRow.append(String.format(Locale.ROOT, " %.2f | %.2f | %.2f |", pooled.precision(),
                    pooled.recall(), pooled.f1()));
        }
        rows.add(pooledRow.append(" | | |").toString());
        rows.add("");
        rows.add(outlineFitSummary(outlineFits));
        return rows;
    }

    private static String outlineFitSummary(List<OutlineFit> fits) {
        float[] ratios = new float[fits.size()];
        float[] ious = new float[fits.size()];
        int matched = 0;
        for (int i = 0; i < fits.size(); i++) {
            ratios[i] = (float) fits.get(i).areaRatio();
            ious[i] = (float) fits.get(i).iou();
            matched += ious[i] >= 0.5 ? 1 : 0;
        }
        if (fits.isEmpty()) {
            return "Outlines: no kept neuron overlaps a firing cell.";
        }
        return String.format(Locale.ROOT, "Outlines of `neuroseg run`'s neurons against the firing cell each "
                + "overlaps most (the %d neurons with IoU above 0.2, all videos): area over the cell's, median %.2f "
                + "(quartiles %.2f-%.2f); IoU median %.2f (quartiles %.2f-%.2f); %d of them at IoU >= 0.5.",
                fits.size(), Statistics.median(ratios), Statistics.percentile(ratios, 25),
                Statistics.percentile(ratios, 75), Statistics.median(ious), Statistics.percentile(ious, 25),
                Statistics.percentile(ious, 75), matched);
    }

    /** @return the shipped models */
    static ModelFile[] shipped() throws Exception {
        return new ModelFile[] {ShippedModels.unet(), ShippedModels.cgru()};
    }

    private static NeuronMetrics score(RoiSet found, RoiSet firing) {
        return SegmentationScore.of(found, firing).neuron(MatchingRule.IOU_HUNGARIAN);
    }

    private static double projectionF1(SyntheticResult truth, String projection, RoiSet firing,
            StageContext context) throws Exception {
        PortValues outputs;
        try (Video video = VideoStore.open(truth.videoFile())) {
            outputs = ProjectionStage.INSTANCE.run(PortValues.of(ProjectionStage.VIDEO, video),
                    ProjectionStage.INSTANCE.defaults().with(ProjectionStage.PROJECTION.key(), projection), context);
        }
        outputs.get(ProjectionStage.PROJECTED_IMAGE).close();
        outputs.get(ProjectionStage.MASK).close();
        return score(outputs.get(ProjectionStage.ROIS), firing).f1();
    }

    /**
     * The AUC (probability that a random visibly firing cell scores above a random silent one) of the temporal standard
     * deviation of each cell's mean probability: 0.5 = the output does not tell firing from silent cells.
     */
    static double spreadAuc(Video probabilities, SyntheticResult truth) throws Exception {
        List<Roi> cells = truth.rois().rois();
        int frames = probabilities.shape().frames();
        double[] sums = new double[cells.size()];
        double[] squares = new double[cells.size()];
        float[] frame = new float[probabilities.shape().pixelsPerFrame()];
        int width = probabilities.shape().width();
        for (int t = 0; t < frames; t++) {
            probabilities.readFrame(t, frame);
            for (int c = 0; c < cells.size(); c++) {
                Roi roi = cells.get(c);
                double sum = 0;
                for (int p = 0; p < roi.area(); p++) {
                    sum += frame[roi.rows()[p] * width + roi.cols()[p]];
                }
                double mean = sum / roi.area();
                sums[c] += mean;
                squares[c] += mean * mean;
            }
        }
        List<Double> firing = new ArrayList<>();
        List<Double> silent = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            double mean = sums[c] / frames;
            double spread = Math.sqrt(Math.max(0, squares[c] / frames - mean * mean));
            SyntheticCell cell = truth.cells().get(cells.get(c).id() - 1);
            if (cell.visibleFrames() > 0) {
                firing.add(spread);
            } else if (!cell.functional()) {
                silent.add(spread);
            }
        }
        return Auc.of(firing.stream().mapToDouble(Double::doubleValue).toArray(),
                silent.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
