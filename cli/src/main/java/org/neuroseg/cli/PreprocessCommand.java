package org.neuroseg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.preprocess.ApplyShiftsStage;
import org.neuroseg.preprocess.LocalEqualizationStage;
import org.neuroseg.preprocess.MotionCorrectionStage;
import org.neuroseg.preprocess.ShiftsCsv;
import org.neuroseg.stage.MotionShifts;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.Picture;
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
        StageOptions.addTo(command, LocalEqualizationStage.INSTANCE, Set.of());
        StageOptions.addTo(command, MotionCorrectionStage.INSTANCE, Set.of());
    }

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

    @Override
    public Integer call() throws Exception {
        Parameters equalization = StageOptions.read(spec, LocalEqualizationStage.INSTANCE);
        Parameters motion = StageOptions.read(spec, MotionCorrectionStage.INSTANCE);
        Files.createDirectories(output);
        try (WorkFolder work = WorkFolder.in(output, ".preprocess");
                Video video = ReaderOptions.open(spec, input);
                ConsoleProgressMonitor monitor = root.progress("preprocess")) {
            double correctedShare = rawCorrected ? 0.8 : 1;
            List<Object> equalized = LocalEqualizationStage.INSTANCE.run(List.of(video), equalization,
                    StageContext.inDirectory(work.path(), monitor.subMonitor(0, 0.4)));
            List<Object> corrected;
            try (Video equalizedVideo = (Video) equalized.get(0)) {
                corrected = MotionCorrectionStage.INSTANCE.run(List.of(equalizedVideo), motion,
                        StageContext.inDirectory(output, monitor.subMonitor(0.4, correctedShare)));
            }
            ((Video) corrected.get(0)).close();
            MotionShifts shifts = (MotionShifts) corrected.get(1);
            ShiftsCsv.write(shifts, output.resolve("shifts.csv"));
            byte[] png = ((Picture) corrected.get(2)).png();
            AtomicFiles.write(output.resolve("motion.png"), out -> out.write(png));
            if (rawCorrected) {
                ((Video) ApplyShiftsStage.INSTANCE.run(List.of(video, shifts), ApplyShiftsStage.INSTANCE.defaults(),
                        StageContext.inDirectory(output, monitor.subMonitor(correctedShare, 1))).get(0)).close();
            }
            System.out.printf("Preprocessed %s: %s in %s%n", video.shape(), "corrected.nsv, shifts.csv, motion.png"
                    + (rawCorrected ? ", shifted.nsv" : ""), output);
        }
        return 0;
    }
}
