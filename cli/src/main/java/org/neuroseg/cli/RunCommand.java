package org.neuroseg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.infer.UNetPredictorStage;
import org.neuroseg.dl.model.CgruModelFile;
import org.neuroseg.dl.model.ShippedModels;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.dl.pipeline.EndToEndPipeline;
import org.neuroseg.dl.pipeline.GroundTruth;
import org.neuroseg.dl.pipeline.PipelineResult;
import org.neuroseg.dl.pipeline.CellMap;
import org.neuroseg.dl.pipeline.PipelineSettings;
import org.neuroseg.stage.StageTiming;
import org.neuroseg.io.NwbWriter;
import org.neuroseg.io.VideoReaderStage;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.Stage;
import org.neuroseg.video.Video;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code neuroseg run}: the whole pipeline on one video. */
@Command(name = "run", header = "Find the functional neurons of a video: the whole pipeline.",
        description = {"Equalizes VIDEO, corrects its motion, finds cells with the U-Net and keeps those that flash "
            + "with the CGRU, refines them into neurons and validates their activity. Writes into OUTPUT: "
            + "neurons_labels.tif, neurons_regions.json, neurons_RoiSet.zip and neurons.csv (the neurons), "
            + "traces.csv and raster.csv, activity.csv (why each candidate was kept or dropped), "
            + "candidates_regions.json, functional_probability.nsv, shifts.csv, the "
            + "pictures overlay.png, raster.png, functional_probability.png and motion.png, and report.html; "
            + "with --ground-truth also metrics.csv, and the metrics table is printed; with --nwb also neurons.nwb "
            + "(NWB 2.x: image masks, ΔF/F, events). Options named after a stage "
            + "(--unet-predictor-..., --cgru-predictor-...) are that stage's where two stages share a name."},
        mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer>, StageOptionsCommand,
        ReaderOptions.VideoReadingCommand {

    private static final String PYTORCH_THREADS = "ai.djl.pytorch.num_threads";

    /**
     * Stage options this command does not offer: the video is VIDEO; the workers replace batches. The reader
     * options ({@link ReaderOptions}) come from the mixin, under the names that the stage options would have, so
     * that the stages read them as their own.
     */
    private static final Set<String> SKIPPED = Set.of(VideoReaderStage.FILE.key(), UNetPredictorStage.BATCH.key());

    @Override
    public void addStageOptions(CommandSpec command) {
        StageOptions.addTo(command, PipelineSettings.STAGES,
                Stream.concat(SKIPPED.stream(), ReaderOptions.KEYS.stream()).collect(Collectors.toSet()));
    }

    @ParentCommand
    NeurosegCommand root;

    private static final String NWB_FILE = "neurons.nwb";

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "VIDEO", description = "Video file or folder of TIFFs.")
    Path video;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT", description = "Output folder.")
    Path output;

    @Option(names = "--unet-model", paramLabel = "FILE", description = "U-Net model file (train-unet); default: "
            + "the shipped model.")
    Path unetModel;

    @Option(names = "--cgru-model", paramLabel = "FILE", description = "CGRU model file (train-cgru); default: "
            + "the shipped model.")
    Path cgruModel;

    @Option(names = "--ground-truth", paramLabel = "ROIS", description = "True neurons to score against: label "
            + "image, Neurofinder regions JSON or ImageJ RoiSet.")
    Path groundTruth;

    @Option(names = "--ground-truth-shifts", paramLabel = "CSV", description = "For a synthetic video: its true "
            + "shifts (shifts.csv of generate). The results lie in the coordinates of the motion-corrected video; the "
            + "ground truth is moved into them by the mean difference of the estimated and the true shifts.")
    Path groundTruthShifts;

    @Option(names = "--nwb", description = "Also write the neurons, their ΔF/F traces and events as an NWB 2.x file,"
            + " neurons.nwb.")
    boolean nwb;

    @Option(names = "--nwb-session-description", paramLabel = "TEXT", description = "NWB session description; "
            + "default: NeuroSeg run on the video's file name.")
    String nwbDescription;

    @Option(names = "--nwb-session-start", paramLabel = "TIME", description = "NWB session start time, ISO 8601 with"
            + " offset (2024-05-06T07:08:09+02:00); default: the video file's last modification.")
    OffsetDateTime nwbStart;

    @Option(names = "--nwb-identifier", paramLabel = "ID", description = "NWB file identifier; default: a random "
            + "UUID.")
    String nwbIdentifier;

    @Option(names = "--cell-map", paramLabel = "MAP", description = "How the U-Net's per-frame masks of active "
            + "cells become candidate cells. active-frames: Active Cell Tracking follows the regions marked in each "
            + "frame (above --active-threshold) from frame to frame; a cell active in at least --min-active-frames "
            + "frames, whatever the video's length, is a candidate, where it was active in half of its frames. "
            + "cgru: the paper's CGRU probability, which Morphological Refinement cuts into candidates (its options, "
            + "such as --threshold and --min-area-px, apply only here). Default: active-frames.")
    String cellMap = CellMap.ACTIVE_FRAMES.key();

    @Option(names = "--unet-workers", paramLabel = "N", description = "U-Net predictions running in parallel; "
            + "default: one per processor, each operation on one thread.")
    Integer unetWorkers;

    @Override
    public Integer call() throws Exception {
        if (groundTruthShifts != null && groundTruth == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ground-truth-shifts needs --ground-truth");
        }
        // U-Net workers with one PyTorch thread each beat one worker on every core (FunctionalProbability); the
        // engine reads this when it starts, and -Dai.djl.pytorch.num_threads in NEUROSEG_JAVA_OPTS overrides it.
        if (System.getProperty(PYTORCH_THREADS) == null) {
            System.setProperty(PYTORCH_THREADS, "1");
        }
        PipelineSettings settings = PipelineSettings.defaults(video, model(unetModel, UNetModelFile.ARCHITECTURE),
                model(cgruModel, CgruModelFile.ARCHITECTURE));
        for (Stage stage : PipelineSettings.STAGES) {
            Parameters parameters = StageOptions.read(spec, stage, PipelineSettings.STAGES);
            settings = settings.with(stage, stage == VideoReaderStage.INSTANCE
                    ? parameters.with(VideoReaderStage.FILE.key(), video.toString()) : parameters);
        }
        if (unetWorkers != null) {
            settings = settings.withUnetWorkers(unetWorkers);
        }
        settings = settings.withCellMap(CellMap.ofKey(cellMap));
        Double frameRateHz = ReaderOptions.frameRateHz(spec);
        if (frameRateHz != null) {
            settings = settings.withFrameRateIfUnknown(frameRateHz);
        }
        PipelineResult result;
        try (ConsoleProgressMonitor monitor = root.progress("run")) {
            result = EndToEndPipeline.run(settings, groundTruth == null ? null : new GroundTruth(groundTruth,
                    groundTruthShifts), output, monitor);
        }
        System.out.printf("Found %d functional neurons (%d candidates) in %s%n", result.neurons().size(),
                result.candidates().size(), result.video());
        result.cellSizeHint("--cell-diameter-px").ifPresent(System.out::println);
        for (StageTiming timing : result.timings()) {
            System.out.printf("  %-28s %7.1f s%n", timing.step(), timing.seconds());
        }
        System.out.printf("  %-28s %7.1f s (%.1f frames/s)%n", "total", result.totalSeconds(),
                result.video().frames() / result.totalSeconds());
        if (result.scored() != null) {
            System.out.printf("%nAgainst %s (moved by %d rows and %d columns into the corrected video's "
                    + "coordinates):%n%s", groundTruth, result.scored().rowsMoved(), result.scored().columnsMoved(),
                    result.scored().score().toTable());
        }
        if (nwb) {
            writeNwb(result);
        }
        System.out.printf("Wrote %s and the other results to %s%n", result.report().getFileName(), output);
        return 0;
    }

    /** Writes neurons.nwb, or says why not when no neuron was found. */
    private void writeNwb(PipelineResult result) throws NeurosegException, IOException {
        if (result.neurons().size() == 0) {
            System.out.printf("No functional neurons: %s not written%n", NWB_FILE);
            return;
        }
        double frameRateHz;
        try (Video input = ReaderOptions.open(spec, video)) {
            frameRateHz = input.frameRateHz();
        }
        OffsetDateTime start = nwbStart != null ? nwbStart
                : Files.getLastModifiedTime(video).toInstant().atOffset(ZoneOffset.UTC);
        NwbWriter.Session session = new NwbWriter.Session(
                nwbIdentifier != null ? nwbIdentifier : UUID.randomUUID().toString(),
                nwbDescription != null ? nwbDescription : "NeuroSeg run on " + video.getFileName(), start);
        NwbWriter.write(output.resolve(NWB_FILE), session, result.neurons(), result.traces(), result.raster(),
                frameRateHz);
    }

    /** @return the given model file, or the shipped model when none was given */
    private static ModelFile model(Path file, String architecture) throws NeurosegException {
        if (file != null) {
            return new ModelFile(file, architecture);
        }
        return architecture.equals(UNetModelFile.ARCHITECTURE) ? ShippedModels.unet() : ShippedModels.cgru();
    }
}
