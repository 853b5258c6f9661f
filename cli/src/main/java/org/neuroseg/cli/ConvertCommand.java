package org.neuroseg.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neuroseg.io.TiffWriter;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.Videos;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code neuroseg convert}: any readable video to a video store or a TIFF. */
@Command(name = "convert", header = "Convert a video to a NeuroSeg store (.nsv) or a multi-page TIFF (.tif).",
        description = {"Reads any supported input frame by frame. OUTPUT's extension picks the format: .nsv for a "
            + "video store, .tif or .tiff for a multi-page TIFF (BigTIFF past 4 GB) that ImageJ opens as a time "
            + "series. The output appears only when complete."},
        mixinStandardHelpOptions = true)
final class ConvertCommand implements Callable<Integer>, ReaderOptions.VideoReadingCommand {

    @ParentCommand
    NeurosegCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "Video file or folder of TIFFs.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUTPUT", description = "Output file: .nsv, .tif or .tiff.")
    Path output;

    @Override
    public Integer call() throws Exception {
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean tiff = name.endsWith(".tif") || name.endsWith(".tiff");
        if (!tiff && !name.endsWith(VideoStore.EXTENSION)) {
            throw new IllegalArgumentException("Output " + output + " must end in .nsv, .tif or .tiff");
        }
        try (Video video = ReaderOptions.open(spec, input);
                ConsoleProgressMonitor monitor = root.progress("convert")) {
            if (tiff) {
                TiffWriter.write(video, output, monitor);
            } else {
                Videos.toStore(video, output, null, monitor);
            }
            System.out.printf("Wrote %s (%s)%n", output, video.shape());
        }
        return 0;
    }
}
