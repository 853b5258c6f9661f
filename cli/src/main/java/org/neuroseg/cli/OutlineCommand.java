package org.neuroseg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.neuroseg.io.TiffWriter;
import org.neuroseg.roi.NeurofinderRegions;
import org.neuroseg.roi.RoiFiles;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.segmentation.CellOutlineStage;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.Video;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code neuroseg outline}: Cell Outlines of candidate cells from activity frames. */
@Command(name = "outline", header = "Redraw each cell's outline from how its pixels' activity follows the cell's.",
        description = {"VIDEO is the activity frames the cells were found in (neuroseg preprocess --activity's "
            + "activity.nsv). Writes OUTPUT/labels.tif (uint16 label image) and OUTPUT/regions.json (Neurofinder), "
            + "the cells with the same ids."},
        mixinStandardHelpOptions = true)
final class OutlineCommand implements Callable<Integer>, StageOptionsCommand, ReaderOptions.VideoReadingCommand {

    @Override
    public void addStageOptions(CommandSpec command) {
        StageOptions.addTo(command, CellOutlineStage.INSTANCE, Set.of());
    }

    @ParentCommand
    NeurosegCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    VideoAndOutputFolder files;

    @Option(names = "--rois", required = true, paramLabel = "FILE", description = "The cells: label image (.tif, "
            + ".nsv), Neurofinder regions (.json) or ImageJ RoiSet (.zip), e.g. neuroseg track's regions.json.")
    Path roisFile;

    @Override
    public Integer call() throws Exception {
        Path output = files.output;
        Parameters parameters = StageOptions.read(spec, CellOutlineStage.INSTANCE);
        Files.createDirectories(output);
        RoiSet outlined;
        try (Video activity = ReaderOptions.open(spec, files.video);
                ConsoleProgressMonitor monitor = root.progress("outline")) {
            RoiSet cells = RoiFiles.read(roisFile, activity.shape().height(), activity.shape().width());
            outlined = CellOutlineStage.INSTANCE.run(PortValues.of(CellOutlineStage.ACTIVITY, activity)
                    .with(CellOutlineStage.CELLS, cells), parameters, StageContext.inDirectory(output, monitor))
                    .get(CellOutlineStage.OUTLINED);
        }
        TiffWriter.writeLabelImage(output.resolve("labels.tif"), outlined.toLabelImage(), outlined.height(),
                outlined.width());
        NeurofinderRegions.write(output.resolve("regions.json"), outlined);
        System.out.printf("Outlined %d cells; wrote %s%n", outlined.size(), output.resolve("regions.json"));
        return 0;
    }
}
