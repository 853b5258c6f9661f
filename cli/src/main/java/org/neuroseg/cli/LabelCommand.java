package org.neuroseg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import org.neuroseg.segmentation.BlobLabelerStage;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.Video;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code neuroseg label}: the Blob Labeler. */
@Command(name = "label", header = "Label cell-like blobs in every frame (2-D Difference of Gaussians).",
        description = {"Writes OUTPUT/blob_masks.nsv (one uint8 mask per frame: the U-Net's targets) and "
            + "OUTPUT/video_mask.nsv (pixels in a blob in enough frames: the CGRU's target)."},
        mixinStandardHelpOptions = true)
final class LabelCommand implements Callable<Integer>, StageOptionsCommand,
        ReaderOptions.VideoReadingCommand {

    @Override
    public void addStageOptions(CommandSpec command) {
        StageOptions.addTo(command, BlobLabelerStage.INSTANCE, Set.of());
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
        Parameters parameters = StageOptions.read(spec, BlobLabelerStage.INSTANCE);
        Files.createDirectories(output);
        BlobLabelerStage.BlobSizes sizes;
        try (Video video = ReaderOptions.open(spec, files.video);
                ConsoleProgressMonitor monitor = root.progress("label")) {
            PortValues labels = BlobLabelerStage.INSTANCE.run(PortValues.of(BlobLabelerStage.VIDEO, video),
                    parameters, StageContext.inDirectory(output, monitor));
            sizes = BlobLabelerStage.blobSizes(labels.get(BlobLabelerStage.VIDEO_MASK));
            labels.closeAll();
        }
        System.out.println("Blob sizes: " + sizes.summary());
        System.out.printf("Wrote %s and %s%n", output.resolve("blob_masks.nsv"), output.resolve("video_mask.nsv"));
        return 0;
    }
}
