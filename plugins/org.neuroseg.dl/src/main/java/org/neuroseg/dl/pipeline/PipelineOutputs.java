package org.neuroseg.dl.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.activity.ActivityValidationStage;
import org.neuroseg.activity.ActivityEvidence;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.io.Pictures;
import org.neuroseg.metrics.SegmentationScore;
import org.neuroseg.preprocess.ShiftsCsv;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.roi.RoiWriterStage;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.MotionShifts;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.Picture;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.Raster;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.StageTiming;
import org.neuroseg.stage.Traces;
import org.neuroseg.table.MetricsTables;
import org.neuroseg.table.RasterTables;
import org.neuroseg.table.RoiTables;
import org.neuroseg.table.Table;
import org.neuroseg.table.TableCsv;
import org.neuroseg.table.TracesTables;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.VideoWriter;

/**
 * The files a run of the {@link EndToEndPipeline} writes into its output folder (existing files of these names are
 * replaced, each all or nothing):
 * <ul>
 * <li>{@value #NEURONS}{@code _labels.tif}, {@code _regions.json}, {@code _RoiSet.zip}: the functional neurons as
 * a 16-bit label image, Neurofinder regions and an ImageJ RoiSet (the ROI Writer's files), and
 * {@value #NEURONS}{@code .csv}, the ROI table;</li>
 * <li>{@value #TRACES} and {@value #RASTER}: ΔF/F and activity (0/1) of the neurons, one row per ROI id, one
 * column per frame;</li>
 * <li>{@value #ACTIVITY}: for every candidate, its rises above and dips below the noise band, whether Activity
 * Validation kept it and by which rule ({@link ActivityEvidence});</li>
 * <li>{@value #CANDIDATES}{@code _regions.json}: every candidate cell, before Activity Validation;</li>
 * <li>{@value #PROBABILITY}: the map of the cells that fire (float32 video store of one frame): the number of
 * frames in which each pixel is active, scaled to [0, 1) (0.5 at two frames), or the CGRU's probability, to refine
 * again;</li>
 * <li>{@value #SHIFTS}: the motion per frame;</li>
 * <li>the pictures {@value #OVERLAY} (candidates on the mean of the corrected video: neurons green, others red),
 * {@value #RASTER_PLOT}, {@value #PROBABILITY_PICTURE} (probability image with the neurons outlined) and
 * {@value #MOTION_PICTURE};</li>
 * <li>{@value #METRICS}: the scores against the ground truth, when one was given;</li>
 * <li>{@value #REPORT}: a self-contained HTML page of counts, parameters, models, timings, scores and pictures.</li>
 * </ul>
 */
public final class PipelineOutputs {

    /** Prefix of the neurons' ROI files. */
    public static final String NEURONS = "neurons";
    /** Prefix of the candidates' ROI file. */
    public static final String CANDIDATES = "candidates";
    /** Traces table. */
    public static final String TRACES = "traces.csv";
    /** Raster table. */
    public static final String RASTER = "raster.csv";
    /** Activity Validation's evidence for every candidate. */
    public static final String ACTIVITY = "activity.csv";
    /** Shifts table. */
    public static final String SHIFTS = "shifts.csv";
    /** The CGRU's probability image. */
    public static final String PROBABILITY = "functional_probability" + VideoStore.EXTENSION;
    /** Metrics table. */
    public static final String METRICS = "metrics.csv";
    /** Candidates on the mean image. */
    public static final String OVERLAY = "overlay.png";
    /** Raster plot. */
    public static final String RASTER_PLOT = "raster.png";
    /** Probability image with the neurons. */
    public static final String PROBABILITY_PICTURE = "functional_probability.png";
    /** Mean image before and after motion correction, shift traces. */
    public static final String MOTION_PICTURE = "motion.png";
    /** The HTML report. */
    public static final String REPORT = "report.html";

    private final VideoShape shape;
    private final RecordingInfo recording;
    private final MotionShifts shifts;
    private final float[] probability;
    private final RoiSet candidates;
    private final RoiSet neurons;
    private final Traces traces;
    private final Raster raster;
    private final Table evidence;
    private final Scored scored;
    private final List<String> warnings;
    private final List<Picture> pictures;

    /**
     * The neurons scored against the ground truth.
     *
     * @param score the scores
     * @param rowsMoved rows the ground truth was moved by into the corrected video's coordinates ({@link GroundTruth})
     * @param columnsMoved columns it was moved by
     */
    public record Scored(SegmentationScore score, int rowsMoved, int columnsMoved) {
    }

    /**
     * @param recording what is known of the recording (its cell diameter sets the sizes left at auto)
     * @param validated the Activity Validation stage's outputs
     * @param scored null when there is no ground truth
     * @param warnings what the user should know about the run, shown at the top of the report
     */
    PipelineOutputs(VideoShape shape, RecordingInfo recording, MotionShifts shifts, Picture motionPicture,
            float[] probability, RoiSet candidates, PortValues validated, Scored scored, List<String> warnings) {
        this.shape = shape;
        this.recording = recording;
        this.shifts = shifts;
        this.probability = probability;
        this.candidates = candidates;
        this.neurons = validated.get(ActivityValidationStage.VALIDATED_ROIS);
        this.traces = validated.get(ActivityValidationStage.TRACES);
        this.raster = validated.get(ActivityValidationStage.RASTER);
        this.evidence = validated.get(ActivityValidationStage.EVIDENCE);
        this.scored = scored;
        this.warnings = List.copyOf(warnings);
        Picture probabilityPicture = Pictures.toPicture(Pictures.outlines(probability, shape.height(), shape.width(),
                neurons, id -> 0x00FF00));
        this.pictures = List.of(validated.get(ActivityValidationStage.OVERLAY),
                validated.get(ActivityValidationStage.RASTER_PLOT), probabilityPicture, motionPicture);
    }

    /**
     * Writes every file into {@code folder}.
     *
     * @param timings of the steps so far, for the report
     * @return the report
     */
    Path write(Path folder, PipelineSettings settings, List<StageTiming> timings, ProgressMonitor monitor)
            throws NeurosegException, CanceledException {
        writeRois(folder, NEURONS, neurons, true);
        writeRois(folder, CANDIDATES, candidates, false);
        TableCsv.write(RoiTables.toTable(neurons), folder.resolve(NEURONS + ".csv"));
        monitor.setProgress(0.3, null);
        TableCsv.write(TracesTables.toTable(traces), folder.resolve(TRACES));
        TableCsv.write(RasterTables.toTable(raster), folder.resolve(RASTER));
        TableCsv.write(evidence, folder.resolve(ACTIVITY));
        ShiftsCsv.write(shifts, folder.resolve(SHIFTS));
        if (scored != null) {
            TableCsv.write(MetricsTables.toTable(scored.score()), folder.resolve(METRICS));
        }
        monitor.setProgress(0.6, null);
        try (VideoWriter writer = VideoStore.create(folder.resolve(PROBABILITY), new VideoShape(0, shape.height(),
                shape.width(), PixelType.FLOAT32), recording.withFrameRateHz(0), "{\"stage\":\"cgru-predictor\","
                + "\"frames\":" + shape.frames() + "}")) {
            writer.append(probability);
            writer.commit();
        }
        List<String> names = List.of(OVERLAY, RASTER_PLOT, PROBABILITY_PICTURE, MOTION_PICTURE);
        for (int i = 0; i < names.size(); i++) {
            byte[] png = pictures.get(i).png();
            AtomicFiles.write(folder.resolve(names.get(i)), out -> out.write(png));
        }
        String html = new RunReport(settings, shape, recording, candidates.size(), neurons, evidence, scored,
                timings, warnings).html(names, pictures);
        Path report = AtomicFiles.writeText(folder.resolve(REPORT), out -> out.write(html));
        monitor.setProgress(1, null);
        return report;
    }

    private static void writeRois(Path folder, String baseName, RoiSet rois, boolean allFormats)
            throws NeurosegException, CanceledException {
        Parameters parameters = RoiWriterStage.INSTANCE.defaults()
                .with(RoiWriterStage.FOLDER.key(), folder.toString())
                .with(RoiWriterStage.BASE_NAME.key(), baseName)
                .with(RoiWriterStage.LABEL_TIFF.key(), allFormats)
                .with(RoiWriterStage.IMAGEJ_ROISET.key(), allFormats);
        RoiWriterStage.INSTANCE.run(PortValues.of(RoiWriterStage.ROIS, rois), parameters,
                StageContext.inDirectory(folder, ProgressMonitor.NONE));
    }
}
