package org.neuroseg.cli;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.Callable;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.dl.train.TrainingReport;
import org.neuroseg.dl.train.UNetLearnerStage;
import org.neuroseg.io.VideoFormats;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.Video;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code neuroseg train-unet}: the U-Net Learner. */
@Command(name = "train-unet", header = "Train the U-Net (ASPP bottleneck) on videos and label videos.",
        description = {"VIDEO and LABELS are a video and its cell masks (TIFF, folder of TIFFs or .nsv; labels with "
            + "one frame per video frame or one frame for all). More pairs come from --more-training-data. Prints "
            + "the losses of each epoch and the test Dice, and writes the model file."},
        mixinStandardHelpOptions = true)
final class TrainUnetCommand implements Callable<Integer>, StageOptionsCommand,
        ReaderOptions.VideoReadingCommand {

    @Override
    public void addStageOptions(CommandSpec command) {
        StageOptions.addTo(command, UNetLearnerStage.INSTANCE, Set.of());
    }

    @ParentCommand
    NeurosegCommand root;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "VIDEO", description = "Frames to learn from.")
    Path video;

    @picocli.CommandLine.Parameters(index = "1", paramLabel = "LABELS", description = "Cell masks of VIDEO.")
    Path labels;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "MODEL",
            description = "Model file to write (.nsmodel).")
    Path output;

    @Override
    public Integer call() throws Exception {
        Parameters parameters = StageOptions.read(spec, UNetLearnerStage.INSTANCE);
        try (WorkFolder work = WorkFolder.beside(output, ".train-unet");
                Video frames = ReaderOptions.open(spec, video); Video masks = VideoFormats.open(labels);
                ConsoleProgressMonitor monitor = root.progress("train-unet")) {
            ModelFile model = UNetLearnerStage.INSTANCE.run(PortValues.of(UNetLearnerStage.VIDEO, frames)
                    .with(UNetLearnerStage.LABELS, masks), parameters, StageContext.inDirectory(work.path(), monitor))
                    .get(UNetLearnerStage.MODEL);
            Files.move(model.file(), output, StandardCopyOption.REPLACE_EXISTING);
        }
        JsonObject training = UNetModelFile.readInfo(output).getAsJsonObject("training");
        System.out.printf("Trained %s; test Dice %.3f on %d frames%nWrote %s%n", TrainingReport.epochs(training),
                training.get("testDice").getAsDouble(), training.get("testFramesScored").getAsInt(), output);
        return 0;
    }
}
