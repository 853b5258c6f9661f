package org.neuroseg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.neuroseg.io.TiffWriter;
import org.neuroseg.roi.NeurofinderRegions;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.segmentation.RefinementStage;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.Video;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code neuroseg refine}: Morphological Refinement of a probability mask. */
@Command(name = "refine", header = "Turn a probability mask into labelled cells (morphology, watershed).",
        description = {"MASK is a one-frame .nsv or TIFF. Writes OUTPUT/labels.tif (uint16 label image) and "
            + "OUTPUT/regions.json (Neurofinder)."},
        mixinStandardHelpOptions = true)
final class RefineCommand implements Callable<Integer>, StageOptionsCommand,
        ReaderOptions.VideoReadingCommand {

    @Override
    public void addStageOptions(CommandSpec command) {
        StageOptions.addTo(command, RefinementStage.INSTANCE, Set.of());
    }

    @ParentCommand
    NeurosegCommand root;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Parameters(paramLabel = "MASK", description = "Probability or binary mask image.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT", description = "Output folder.")
    Path output;

    @Override
    public Integer call() throws Exception {
        Parameters parameters = StageOptions.read(spec, RefinementStage.INSTANCE);
        Files.createDirectories(output);
        RoiSet cells;
        try (Video mask = ReaderOptions.open(spec, input); ConsoleProgressMonitor monitor = root.progress("refine")) {
            PortValues outputs = RefinementStage.INSTANCE.run(PortValues.of(RefinementStage.MASK, mask), parameters,
                    StageContext.inDirectory(output, monitor));
            outputs.closeAll();
            cells = outputs.get(RefinementStage.ROIS);
        }
        TiffWriter.writeLabelImage(output.resolve("labels.tif"), cells.toLabelImage(), cells.height(),
                cells.width());
        NeurofinderRegions.write(output.resolve("regions.json"), cells);
        System.out.printf("Found %d cells; wrote %s%n", cells.size(), output.resolve("labels.tif"));
        return 0;
    }
}
