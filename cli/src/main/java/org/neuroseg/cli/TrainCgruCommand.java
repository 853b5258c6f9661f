package org.neuroseg.cli;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.Callable;
import org.neuroseg.dl.model.CgruModelFile;
import org.neuroseg.dl.train.CgruLearnerStage;
import org.neuroseg.dl.train.TrainingReport;
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

/** {@code neuroseg train-cgru}: the CGRU Learner. */
@Command(name = "train-cgru", header = "Train the CGRU on probability videos and masks of functional cells.",
        description = {"PROBABILITIES is a cell probability video (e.g. from predict-unet) and MASK one frame "
            + "marking its functional cells, or a label video with the cells active in each frame (the target after "
            + "each chunk is then what was labelled up to its end). More pairs (NAME.nsv with NAME.mask.nsv) come from "
            + "--more-training-data. Prints the losses and writes the model file."},
        mixinStandardHelpOptions = true)
final class TrainCgruCommand implements Callable<Integer>, StageOptionsCommand,
        ReaderOptions.VideoReadingCommand {

    @Override
    public void addStageOptions(CommandSpec command) {
        StageOptions.addTo(command, CgruLearnerStage.INSTANCE, Set.of());
    }

    @ParentCommand
    NeurosegCommand root;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "PROBABILITIES",
            description = "Cell probability video to learn from.")
    Path probabilities;

    @picocli.CommandLine.Parameters(index = "1", paramLabel = "MASK", description = "Functional cells of it.")
    Path mask;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "MODEL",
            description = "Model file to write (.nsmodel).")
    Path output;

    @Override
    public Integer call() throws Exception {
        Parameters parameters = StageOptions.read(spec, CgruLearnerStage.INSTANCE);
        try (WorkFolder work = WorkFolder.beside(output, ".train-cgru");
                Video frames = ReaderOptions.open(spec, probabilities); Video target = VideoFormats.open(mask);
                ConsoleProgressMonitor monitor = root.progress("train-cgru")) {
            ModelFile model = CgruLearnerStage.INSTANCE.run(PortValues.of(CgruLearnerStage.PROBABILITIES, frames)
                    .with(CgruLearnerStage.MASK, target), parameters, StageContext.inDirectory(work.path(), monitor))
                    .get(CgruLearnerStage.MODEL);
            Files.move(model.file(), output, StandardCopyOption.REPLACE_EXISTING);
        }
        JsonObject training = CgruModelFile.readInfo(output).getAsJsonObject("training");
        System.out.printf("Trained %s%nWrote %s%n", TrainingReport.epochs(training), output);
        return 0;
    }
}
