package org.neuroseg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.Callable;
import org.neuroseg.dl.infer.UNetPredictorStage;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.Video;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code neuroseg predict-unet}: the U-Net Predictor. */
@Command(name = "predict-unet", header = "Cell probabilities of every frame from a trained U-Net.",
        description = {"Writes a float32 .nsv video with one probability frame per frame of VIDEO."},
        mixinStandardHelpOptions = true)
final class PredictUnetCommand implements Callable<Integer>, StageOptionsCommand,
        ReaderOptions.VideoReadingCommand {

    @Override
    public void addStageOptions(CommandSpec command) {
        StageOptions.addTo(command, UNetPredictorStage.INSTANCE, Set.of());
    }

    @ParentCommand
    NeurosegCommand root;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "VIDEO", description = "Video to segment, "
            + "preprocessed as the model's training frames were (the shipped model: activity.nsv of neuroseg "
            + "preprocess --activity).")
    Path video;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL",
            description = "Model file written by train-unet (e.g. models/unet-default/unet-default.nsmodel).")
    Path model;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT",
            description = "Probability video to write (.nsv).")
    Path output;

    @Override
    public Integer call() throws Exception {
        Parameters parameters = StageOptions.read(spec, UNetPredictorStage.INSTANCE);
        long start = System.nanoTime();
        int frames;
        try (WorkFolder work = WorkFolder.beside(output, ".predict-unet");
                Video input = ReaderOptions.open(spec, video);
                ConsoleProgressMonitor monitor = root.progress("predict-unet")) {
            frames = input.shape().frames();
            FileVideo probabilities = (FileVideo) UNetPredictorStage.INSTANCE.run(PortValues.of(
                    UNetPredictorStage.VIDEO, input).with(UNetPredictorStage.MODEL, new ModelFile(model,
                            UNetModelFile.ARCHITECTURE)), parameters, StageContext.inDirectory(work.path(), monitor))
                    .get(UNetPredictorStage.PROBABILITIES);
            probabilities.close();
            Files.move(probabilities.file(), output, StandardCopyOption.REPLACE_EXISTING);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Predicted %d frames in %.1f s (%.1f frames/s)%nWrote %s%n", frames, seconds,
                frames / seconds, output);
        return 0;
    }
}
