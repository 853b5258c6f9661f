package org.neuroseg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.Callable;
import org.neuroseg.dl.infer.CgruPredictorStage;
import org.neuroseg.dl.model.CgruModelFile;
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

/** {@code neuroseg predict-cgru}: the CGRU Predictor. */
@Command(name = "predict-cgru", header = "Probability of functional neurons from a probability video and a CGRU.",
        description = {"Writes a one-frame float32 .nsv image: the probability that each pixel belongs to a "
            + "functional (flashing) neuron."},
        mixinStandardHelpOptions = true)
final class PredictCgruCommand implements Callable<Integer>, StageOptionsCommand,
        ReaderOptions.VideoReadingCommand {

    @Override
    public void addStageOptions(CommandSpec command) {
        StageOptions.addTo(command, CgruPredictorStage.INSTANCE, Set.of());
    }

    @ParentCommand
    NeurosegCommand root;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "PROBABILITIES",
            description = "Cell probability video (e.g. from predict-unet).")
    Path probabilities;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL",
            description = "Model file written by train-cgru.")
    Path model;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT",
            description = "Probability image to write (.nsv).")
    Path output;

    @Override
    public Integer call() throws Exception {
        Parameters parameters = StageOptions.read(spec, CgruPredictorStage.INSTANCE);
        long start = System.nanoTime();
        int frames;
        try (WorkFolder work = WorkFolder.beside(output, ".predict-cgru");
                Video input = ReaderOptions.open(spec, probabilities);
                ConsoleProgressMonitor monitor = root.progress("predict-cgru")) {
            frames = input.shape().frames();
            FileVideo probability = (FileVideo) CgruPredictorStage.INSTANCE.run(PortValues.of(
                    CgruPredictorStage.PROBABILITIES, input).with(CgruPredictorStage.MODEL, new ModelFile(model,
                            CgruModelFile.ARCHITECTURE)), parameters, StageContext.inDirectory(work.path(), monitor))
                    .get(CgruPredictorStage.FUNCTIONAL_PROBABILITY);
            probability.close();
            Files.move(probability.file(), output, StandardCopyOption.REPLACE_EXISTING);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Read %d frames in %.1f s (%.1f frames/s)%nWrote %s%n", frames, seconds, frames / seconds,
                output);
        return 0;
    }
}
