package org.neuroseg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.preprocess.ActivityFramesStage;
import org.neuroseg.preprocess.ApplyShiftsStage;
import org.neuroseg.preprocess.LocalEqualizationStage;
import org.neuroseg.preprocess.MotionCorrectionStage;
import org.neuroseg.preprocess.Preprocessing;
import org.neuroseg.preprocess.ShiftsCsv;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.Video;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code neuroseg preprocess}: local equalization, then motion correction of the equalized video. */
@Command(name = "preprocess", header = "Equalize a video and correct its motion.",
        description = {"Equalizes each frame (CLAHE, blur, optional background subtraction), estimates and corrects "
            + "motion on the equalized video, and writes into OUTPUT: corrected.nsv (equalized, float32, motion "
            + "corrected), shifts.csv (per frame: dx, dy, rotation, tracked features, correlation with the template "
            + "before and after), motion.png (mean image before and after correction, shift traces) and, with "
            + "--raw-corrected, shifted.nsv (the input video corrected with the same shifts, for traces)."},
        mixinStandardHelpOptions = true)
final class PreprocessCommand implements Callable<Integer>, StageOptionsCommand,
        ReaderOptions.VideoReadingCommand {

    @Override
    public void addStageOptions(CommandSpec command) {
        // The reader's --frame-rate-hz gives the rate of a video that does not record it.
        StageOptions.addTo(command, STAGES, Set.of(ActivityFramesStage.FRAME_RATE.key()));
    }

    /** The stages whose options the command takes; keys two of them share carry the stage id. */
    private static final List<Stage> STAGES = List.of(LocalEqualizationStage.INSTANCE,
            MotionCorrectionStage.INSTANCE, ActivityFramesStage.INSTANCE);

    @ParentCommand
    NeurosegCommand root;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "INPUT", description = "Video file or folder of TIFFs.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT", description = "Output folder.")
    Path output;

    @Option(names = "--raw-corrected", description = "Also correct the input video itself with the shifts, by "
            + "whole pixels (Apply Shifts' default), for traces.")
    boolean rawCorrected;

    @Option(names = "--activity", description = "Also write the activity frames of the corrected input video "
            + "(activity.nsv: each pixel's rise above its own baseline in units of its noise; implies "
            + "--raw-corrected).")
    boolean activity;

    @Override
    public Integer call() throws Exception {
        Parameters equalization = StageOptions.read(spec, LocalEqualizationStage.INSTANCE, STAGES);
        Parameters motion = StageOptions.read(spec, MotionCorrectionStage.INSTANCE, STAGES);
        Parameters activityFrames = StageOptions.read(spec, ActivityFramesStage.INSTANCE, STAGES);
        Preprocessing.Extent extent = activity ? Preprocessing.Extent.ACTIVITY : rawCorrected
                ? Preprocessing.Extent.RECORDED_CORRECTED : Preprocessing.Extent.CORRECTED;
        Files.createDirectories(output);
        try (WorkFolder work = WorkFolder.in(output, ".preprocess");
                Video video = ReaderOptions.open(spec, input);
                ConsoleProgressMonitor monitor = root.progress("preprocess")) {
            try (Preprocessing.Result result = Preprocessing.run(video, new Preprocessing.Settings(equalization,
                    motion, ApplyShiftsStage.INSTANCE.defaults(), activityFrames), extent, work.path(),
                    StageContext.inDirectory(output, monitor))) {
                ShiftsCsv.write(result.shifts(), output.resolve("shifts.csv"));
                byte[] png = result.motionPicture().png();
                AtomicFiles.write(output.resolve("motion.png"), out -> out.write(png));
            }
            System.out.printf("Preprocessed %s: %s in %s%n", video.shape(), "corrected.nsv, shifts.csv, motion.png"
                    + (extent != Preprocessing.Extent.CORRECTED ? ", shifted.nsv" : "")
                    + (activity ? ", activity.nsv" : ""), output);
        }
        return 0;
    }
}
