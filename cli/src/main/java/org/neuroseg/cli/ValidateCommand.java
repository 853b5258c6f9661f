package org.neuroseg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.neuroseg.activity.ActivityEvidence;
import org.neuroseg.activity.ActivityValidationStage;
import org.neuroseg.roi.NeurofinderRegions;
import org.neuroseg.roi.RoiFiles;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.Picture;
import org.neuroseg.stage.Raster;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.Traces;
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
        description = {"Writes into OUTPUT: traces.csv (dF/F, one row per ROI id, one column per frame), "
            + "raster.csv (1 where active), activity.csv (rises and dips of each ROI and whether it was kept), "
            + "validated_regions.json (the kept neurons, Neurofinder), raster.png and overlay.png."},
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
        List<Object> outputs;
        RoiSet rois;
        double frameRateHz;
        try (Video video = ReaderOptions.open(spec, files.video);
                ConsoleProgressMonitor monitor = root.progress("validate")) {
            rois = RoiFiles.read(roisFile, video.shape().height(), video.shape().width());
            frameRateHz = ActivityValidationStage.frameRateHz(video, parameters);
            outputs = ActivityValidationStage.INSTANCE.run(List.of(video, rois), parameters,
                    StageContext.inDirectory(output, monitor));
        }
        TableCsv.write(TracesTables.toTable((Traces) outputs.get(0)), output.resolve("traces.csv"));
        TableCsv.write(RasterTables.toTable((Raster) outputs.get(1)), output.resolve("raster.csv"));
        TableCsv.write(ActivityEvidence.of((Traces) outputs.get(0), parameters, frameRateHz),
                output.resolve("activity.csv"));
        RoiSet kept = (RoiSet) outputs.get(2);
        NeurofinderRegions.write(output.resolve("validated_regions.json"), kept);
        StageFiles.write((Picture) outputs.get(3), output.resolve("raster.png"));
        StageFiles.write((Picture) outputs.get(4), output.resolve("overlay.png"));
        System.out.printf("Kept %d of %d neurons; wrote traces, raster and pictures to %s%n", kept.size(),
                rois.size(), output);
        return 0;
    }
}
