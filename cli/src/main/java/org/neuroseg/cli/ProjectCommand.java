package org.neuroseg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.neuroseg.io.TiffWriter;
import org.neuroseg.roi.NeurofinderRegions;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.segmentation.ProjectionStage;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.Video;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code neuroseg project}: the Projection baseline. */
@Command(name = "project", header = "Max or mean projection of a video, thresholded into a mask and ROIs.",
        description = {"Writes into OUTPUT: <projection>_projection.nsv (the image), <projection>_mask.nsv, "
            + "<projection>_labels.tif (the ROIs as a label image) and <projection>_regions.json (Neurofinder), "
            + "where <projection> is max or mean."},
        mixinStandardHelpOptions = true)
final class ProjectCommand implements Callable<Integer>, StageOptionsCommand,
        ReaderOptions.VideoReadingCommand {

    @Override
    public void addStageOptions(CommandSpec command) {
        StageOptions.addTo(command, ProjectionStage.INSTANCE, Set.of());
    }

    @ParentCommand
    NeurosegCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    VideoAndOutputFolder files;

    @Override
    public Integer call() throws Exception {
        Path output = files.output;
        Parameters parameters = StageOptions.read(spec, ProjectionStage.INSTANCE);
        String name = parameters.getString(ProjectionStage.PROJECTION);
        Files.createDirectories(output);
        RoiSet rois;
        try (Video video = ReaderOptions.open(spec, files.video);
                ConsoleProgressMonitor monitor = root.progress("project")) {
            PortValues outputs = ProjectionStage.INSTANCE.run(PortValues.of(ProjectionStage.VIDEO, video), parameters,
                    StageContext.inDirectory(output, monitor));
            outputs.closeAll();
            rois = outputs.get(ProjectionStage.ROIS);
        }
        TiffWriter.writeLabelImage(output.resolve(name + "_labels.tif"), rois.toLabelImage(), rois.height(),
                rois.width());
        NeurofinderRegions.write(output.resolve(name + "_regions.json"), rois);
        System.out.printf("Wrote the %s projection, its mask and %d regions to %s%n", name, rois.size(), output);
        return 0;
    }
}
