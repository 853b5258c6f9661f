package org.neuroseg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.neuroseg.io.TiffWriter;
import org.neuroseg.roi.NeurofinderRegions;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.segmentation.ActiveCellTrackingStage;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.Video;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code neuroseg track}: Active Cell Tracking of a per-frame probability video. */
@Command(name = "track", header = "Follow the cells marked active in each frame through the video: the candidates.",
        description = {"PROBABILITIES is a per-frame probability video (neuroseg predict-unet's output, or per-frame "
            + "masks). Writes OUTPUT/labels.tif (uint16 label image), OUTPUT/regions.json (Neurofinder) and "
            + "OUTPUT/active_frames.nsv (per pixel, the number of frames in which it is active)."},
        mixinStandardHelpOptions = true)
final class TrackCommand implements Callable<Integer>, StageOptionsCommand,
        ReaderOptions.VideoReadingCommand {

    @Override
    public void addStageOptions(CommandSpec command) {
        StageOptions.addTo(command, ActiveCellTrackingStage.INSTANCE, Set.of());
    }

    @ParentCommand
    NeurosegCommand root;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Parameters(paramLabel = "PROBABILITIES", description = "Per-frame probabilities of active "
            + "cells.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT", description = "Output folder.")
    Path output;

    @Override
    public Integer call() throws Exception {
        Parameters parameters = StageOptions.read(spec, ActiveCellTrackingStage.INSTANCE);
        Files.createDirectories(output);
        RoiSet cells;
        try (Video probabilities = ReaderOptions.open(spec, input);
                ConsoleProgressMonitor monitor = root.progress("track")) {
            PortValues outputs = ActiveCellTrackingStage.INSTANCE.run(PortValues.of(
                    ActiveCellTrackingStage.PROBABILITIES, probabilities), parameters,
                    StageContext.inDirectory(output, monitor));
            outputs.closeAll();
            cells = outputs.get(ActiveCellTrackingStage.ROIS);
        }
        TiffWriter.writeLabelImage(output.resolve("labels.tif"), cells.toLabelImage(), cells.height(),
                cells.width());
        NeurofinderRegions.write(output.resolve("regions.json"), cells);
        System.out.printf("Found %d cells; wrote %s%n", cells.size(), output.resolve("labels.tif"));
        return 0;
    }
}
