package org.neuroseg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.neuroseg.dl.model.ModelFiles;
import org.neuroseg.dl.view.ModelCard;
import org.neuroseg.io.VideoFormats;
import org.neuroseg.preprocess.PixelRange;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code neuroseg info}: what a video file holds, or what a model file records. */
@Command(name = "info", header = {"Show a video's dimensions, pixel type, frame rate and value range,",
        "or what a model file (.nsmodel) records: architecture, input, scores, training."},
        mixinStandardHelpOptions = true)
final class InfoCommand implements Callable<Integer>, ReaderOptions.VideoReadingCommand {

    @ParentCommand
    NeurosegCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Video file, folder of TIFFs, or model file (.nsmodel).")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (file.getFileName() != null && file.getFileName().toString().endsWith(ModelFiles.EXTENSION)) {
            System.out.print(ModelCard.text(file.getFileName().toString(), ModelFiles.readInfo(file)));
            return 0;
        }
        try (Video video = ReaderOptions.open(spec, file)) {
            VideoShape shape = video.shape();
            PixelRange range;
            try (ConsoleProgressMonitor monitor = root.progress("scanning")) {
                range = PixelRange.of(video, Runtime.getRuntime().availableProcessors(), monitor);
            }
            System.out.printf("file:        %s%n", file.toAbsolutePath());
            System.out.printf("format:      %s%n", VideoFormats.readerFor(file, ReaderOptions.readOptions(spec))
                    .name());
            System.out.printf("frames:      %d%n", shape.frames());
            System.out.printf("height:      %d px%n", shape.height());
            System.out.printf("width:       %d px%n", shape.width());
            System.out.printf("pixel type:  %s%n", shape.pixelType().name().toLowerCase());
            System.out.printf("frame rate:  %s%n", video.frameRateHz() > 0
                    ? String.format("%.3f Hz (%.1f s)", video.frameRateHz(), shape.frames() / video.frameRateHz())
                    : "unknown");
            double cellDiameterPx = video.recording().cellDiameterPx();
            System.out.printf("cell size:   %s%n", cellDiameterPx > 0 ? String.format("%.1f px across", cellDiameterPx)
                    : String.format("unknown (sizes left at auto assume %.0f px)",
                            RecordingInfo.DEFAULT_CELL_DIAMETER_PX));
            System.out.printf("pixel data:  %.1f MB%s%n", shape.totalBytes() / 1e6,
                    Files.isRegularFile(file) ? String.format(" (file %.1f MB)", Files.size(file) / 1e6) : "");
            System.out.printf("min / max:   %s / %s%s%n", PixelRange.format(range.min()),
                    PixelRange.format(range.max()), range.saturated(shape) ? String.format(
                            " (%.2f %% of the values at the max: saturated)", 100 * range.shareAtMax(shape)) : "");
            if (shape.pixelType() == PixelType.FLOAT32) {
                System.out.printf("non-finite:  %d pixels (NaN or infinite; %d frames without a finite pixel)%n",
                        range.nonFinitePixels(), range.nonFiniteFrames());
            }
        }
        return 0;
    }
}
