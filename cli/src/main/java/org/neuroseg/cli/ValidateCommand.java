package org.neuroseg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.neuroseg.activity.ActivityValidationStage;
import org.neuroseg.roi.NeurofinderRegions;
import org.neuroseg.roi.RoiFiles;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.StageContext;
import org.neuroseg.table.RasterTables;
import org.neuroseg.table.TableCsv;
import org.neuroseg.table.TracesTables;
import org.neuroseg.video.Video;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code neuroseg validate}: Activity Validation of ROIs in a video. */
@Command(name = "validate", header = "Measure each ROI's activity and keep the neurons that fire.",
        description = {"Writes into OUTPUT: traces.csv (dF/F of the kept neurons, one row per ROI id, one "
            + "column per frame), raster.csv (1 where active), activity.csv (rises and dips of every ROI and "
            + "whether it was kept), validated_regions.json (the kept neurons, Neurofinder), raster.png and overlay.png."},
        mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer>, StageOptionsCommand,
        ReaderOptions.VideoReadingCommand {

    @Override
    public void addStageOptions(CommandSpec command) {
        StageOptions.addTo(command, ActivityValidationStage.INSTANCE, ReaderOptions.KEYS);
    }

    @ParentCommand
    NeurosegCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    VideoAndOutputFolder files;

    @Option(names = "--rois", required = true, paramLabel = "FILE",
            description = "The ROIs: label image (.tif, .nsv), Neurofinder regions (.json) or ImageJ RoiSet (.zip).")
    Path roisFile;

    @Override
    public Integer call() throws Exception {
        Path output = files.output;
        Parameters parameters = StageOptions.read(spec, ActivityValidationStage.INSTANCE);
        Files.createDirectories(output);
        PortValues outputs;
        RoiSet rois;
        try (Video video = ReaderOptions.open(spec, files.video);
                ConsoleProgressMonitor monitor = root.progress("validate")) {
            rois = RoiFiles.read(roisFile, video.shape().height(), video.shape().width());
            outputs = ActivityValidationStage.INSTANCE.run(PortValues.of(ActivityValidationStage.VIDEO, video)
                    .with(ActivityValidationStage.ROIS, rois), parameters, StageContext.inDirectory(output, monitor));
        }
        TableCsv.write(TracesTables.toTable(outputs.get(ActivityValidationStage.TRACES)),
                output.resolve("traces.csv"));
        TableCsv.write(RasterTables.toTable(outputs.get(ActivityValidationStage.RASTER)),
                output.resolve("raster.csv"));
        TableCsv.write(outputs.get(ActivityValidationStage.EVIDENCE), output.resolve("activity.csv"));
        RoiSet kept = outputs.get(ActivityValidationStage.VALIDATED_ROIS);
        NeurofinderRegions.write(output.resolve("validated_regions.json"), kept);
        StageFiles.write(outputs.get(ActivityValidationStage.RASTER_PLOT), output.resolve("raster.png"));
        StageFiles.write(outputs.get(ActivityValidationStage.OVERLAY), output.resolve("overlay.png"));
        System.out.printf("Kept %d of %d neurons; wrote traces, raster and pictures to %s%n", kept.size(),
                rois.size(), output);
        return 0;
    }
}
