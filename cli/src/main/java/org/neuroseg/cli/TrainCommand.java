package org.neuroseg.cli;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.neuroseg.dl.infer.UNetPredictorStage;
import org.neuroseg.dl.train.CgruLearnerStage;
import org.neuroseg.dl.train.SelfTraining;
import org.neuroseg.dl.train.TrainingReport;
import org.neuroseg.dl.train.UNetLearnerStage;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.preprocess.ActivityFramesStage;
import org.neuroseg.preprocess.ApplyShiftsStage;
import org.neuroseg.preprocess.LocalEqualizationStage;
import org.neuroseg.preprocess.MotionCorrectionStage;
import org.neuroseg.preprocess.Preprocessing;
import org.neuroseg.segmentation.BlobLabelerStage;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.Video;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code neuroseg train}: the paper's self-training of the U-Net and the CGRU, without manual labels. */
@Command(name = "train", header = "Train the U-Net and the CGRU on your videos, without manual labels.",
        description = {"Corrects each VIDEO's motion and turns the recording moved by the same shifts into "
            + "Activity Frames (with --input-frames equalized: the equalized, corrected frames), labels the cells "
            + "active in each frame with the Blob Labeler, trains the U-Net on the frames and blob masks, runs it "
            + "over every video and trains the CGRU on its output with the Blob Labeler's video masks as targets. "
            + "The trained models go to neuroseg run (--unet-model, --cgru-model). Writes OUTPUT/unet.nsmodel, "
            + "OUTPUT/cgru.nsmodel and OUTPUT/training_report.txt (and .json): the labels' statistics with warnings "
            + "when they are implausible, the losses of every epoch and the validation and test scores. Every "
            + "stage's options apply; an option that two stages share carries the stage's id, e.g. "
            + "--unet-learner-learning-rate."},
        mixinStandardHelpOptions = true)
final class TrainCommand implements Callable<Integer>, StageOptionsCommand,
        ReaderOptions.VideoReadingCommand {

    /** The stages whose options the command takes, in the order they run. */
    private static final List<Stage> STAGES = List.of(LocalEqualizationStage.INSTANCE, MotionCorrectionStage.INSTANCE,
            ActivityFramesStage.INSTANCE, BlobLabelerStage.INSTANCE, UNetLearnerStage.INSTANCE, CgruLearnerStage.INSTANCE);

    @Override
    public void addStageOptions(CommandSpec command) {
        // The videos on the command line are the training data: the learners' folder of more data does not apply.
        StageOptions.addTo(command, STAGES, Stream.concat(Stream.of(UNetLearnerStage.MORE_DATA.key()),
                ReaderOptions.KEYS.stream()).collect(Collectors.toSet()));
    }

    @ParentCommand
    NeurosegCommand root;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Parameters(arity = "1..*", paramLabel = "VIDEO",
            description = "Videos to learn from (TIFF, folder of TIFFs or .nsv); with three or more, whole videos "
                    + "are held out to validate and test the U-Net.")
    List<Path> videos;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT", description = "Output folder.")
    Path output;

    @Override
    public Integer call() throws Exception {
        SelfTraining.Settings settings = new SelfTraining.Settings(new Preprocessing.Settings(
                StageOptions.read(spec, LocalEqualizationStage.INSTANCE, STAGES),
                StageOptions.read(spec, MotionCorrectionStage.INSTANCE, STAGES), ApplyShiftsStage.INSTANCE.defaults(),
                StageOptions.read(spec, ActivityFramesStage.INSTANCE, STAGES)),
                StageOptions.read(spec, BlobLabelerStage.INSTANCE, STAGES),
                StageOptions.read(spec, UNetLearnerStage.INSTANCE, STAGES), UNetPredictorStage.INSTANCE.defaults(),
                StageOptions.read(spec, CgruLearnerStage.INSTANCE, STAGES));
        Files.createDirectories(output);
        List<Video> opened = new ArrayList<>();
        SelfTraining.Result result;
        try (WorkFolder work = WorkFolder.in(output, ".train"); ConsoleProgressMonitor monitor = root.progress("train")) {
            List<SelfTraining.Input> inputs = new ArrayList<>();
            for (Path video : videos) {
                opened.add(ReaderOptions.open(spec, video));
                inputs.add(new SelfTraining.Input(video.toString(), opened.get(opened.size() - 1)));
            }
            Path models = Files.createDirectory(work.path().resolve("models"));
            result = SelfTraining.run(inputs, settings, work.path(), StageContext.inDirectory(models, monitor));
            Files.move(result.unet().file(), output.resolve("unet.nsmodel"), StandardCopyOption.REPLACE_EXISTING);
            Files.move(result.cgru().file(), output.resolve("cgru.nsmodel"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            for (Video video : opened) {
                closeQuietly(video);
            }
        }
        String report = TrainingReport.text(result.report());
        AtomicFiles.writeText(output.resolve("training_report.txt"), out -> out.write(report));
        AtomicFiles.writeText(output.resolve("training_report.json"),
                out -> out.write(new GsonBuilder().setPrettyPrinting().create().toJson(result.report())));
        System.out.print(report);
        System.out.printf("%nWrote unet.nsmodel, cgru.nsmodel and training_report.txt in %s%n", output);
        return 0;
    }

    private static void closeQuietly(Video video) {
        try {
            video.close();
        } catch (IOException ignored) {
            // only read
        }
    }
}
