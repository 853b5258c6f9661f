package org.neuroseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.segmentation.BlobLabelerStage;
import org.neuroseg.stage.StageMetadata;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.VideoWriter;
import picocli.CommandLine;

class ReaderOptionsTest {

    private static final List<String> OPTIONS = List.of("--raw-width", "5", "--raw-height", "4", "--raw-pixel-type",
            "uint16", "--raw-byte-order", "big-endian", "--raw-header-bytes", "2", "--frame-rate-hz", "12.5",
            "--dataset", "/data/movie", "--cell-diameter-px", "16");

    @TempDir
    Path dir;

    @Test
    void everyCommandThatReadsAVideoAcceptsTheSameReaderOptions() {
        Map<String, CommandLine> commands = NeurosegCommand.commandLine(new NeurosegCommand()).getSubcommands();
        List<String> reading = new ArrayList<>();
        for (Map.Entry<String, CommandLine> command : commands.entrySet()) {
            if (command.getValue().getCommand() instanceof ReaderOptions.VideoReadingCommand) {
                reading.add(command.getKey());
                List<String> args = new ArrayList<>(List.of(command.getKey()));
                args.addAll(OPTIONS);
                args.addAll(List.of("-o", "out", "-m", "model", "a", "b"));
                // an unknown option would be an error; positional arguments, -o and -m are not what is tested
                CommandLine root = NeurosegCommand.commandLine(new NeurosegCommand());
                root.setUnmatchedArgumentsAllowed(true);
                try {
                    root.parseArgs(args.toArray(String[]::new));
                } catch (CommandLine.MissingParameterException e) {
                    // a command's own required options (validate --rois): the values given are parsed already
                }
                CommandLine line = root.getSubcommands().get(command.getKey());
                for (int i = 0; i < OPTIONS.size(); i += 2) {
                    CommandLine.Model.OptionSpec option = line.getCommandSpec().findOption(OPTIONS.get(i));
                    assertNotNull(option, command.getKey() + " has no " + OPTIONS.get(i));
                    assertEquals(OPTIONS.get(i + 1), option.getValue(), command.getKey() + " " + OPTIONS.get(i));
                }
            }
        }
        assertEquals(List.of("convert", "info", "label", "outline", "predict-cgru", "predict-unet", "preprocess",
                "project", "refine", "run", "track", "train", "train-cgru", "train-unet", "validate"),
                reading.stream().sorted().toList());
    }

    @Test
    void infoReadsARawFileWithTheFrameRateGiven() throws Exception {
        Path raw = dir.resolve("movie.dat");
        Files.write(raw, new byte[2 + 3 * 4 * 5 * 2]);
        List<String> args = new ArrayList<>(List.of("--no-progress", "info", raw.toString()));
        args.addAll(OPTIONS);
        String text = info(args);
        assertTrue(text.contains("frames:      3"), text);
        assertTrue(text.contains("frame rate:  12.500 Hz"), text);
        assertTrue(text.contains("cell size:   16.0 px across"), text);
        text = info(List.of("--no-progress", "info", raw.toString(), "--raw-width", "5", "--raw-height", "4",
                "--raw-header-bytes", "2"));
        assertTrue(text.contains("cell size:   unknown (sizes left at auto assume 8 px)"), text);
    }

    @Test
    void theCellDiameterGivenReachesTheStagesSizes() throws Exception {
        Path video = dir.resolve("noise.nsv");
        java.util.Random random = new java.util.Random(2);
        try (VideoWriter writer = VideoStore.create(video, 32, 32, PixelType.FLOAT32, 10, null)) {
            for (int t = 0; t < 5; t++) {
                float[] frame = new float[32 * 32];
                for (int i = 0; i < frame.length; i++) {
                    frame[i] = (float) random.nextGaussian();
                }
                writer.append(frame);
            }
            writer.commit();
        }
        for (String diameter : List.of("16", "0")) {
            Path out = dir.resolve("label" + diameter);
            info(List.of("--no-progress", "label", video.toString(), "--cells-to-find", "all cells",
                    "--cell-diameter-px", diameter, "-o", out.toString()));
            try (FileVideo masks = VideoStore.open(out.resolve("blob_masks.nsv"))) {
                assertEquals(diameter.equals("16") ? 8.0 : 4.0, StageMetadata.parameter(masks,
                        BlobLabelerStage.RADIUS.key()).orElseThrow().getAsDouble(), masks.metadataJson());
                assertEquals(Double.parseDouble(diameter), masks.recording().cellDiameterPx());
            }
        }
    }

    @Test
    void helpListsTheCellDiameterAndWhatAutoMeans() {
        // picocli wraps long descriptions: compare with the lines joined
        String help = info(List.of("help", "run")).replaceAll("\\s+", " ");
        assertTrue(help.contains("--cell-diameter-px"), help);
        assertTrue(help.contains("--min-area-px") && help.contains("auto: derived from the cell diameter (0.3125 x "
                + "the diameter squared; 20 at 8 px cells)"), help);
    }

    @Test
    void infoReadsTheNwbSeriesTheDatasetOptionNames() throws Exception {
        Path nwb = dir.resolve("session.nwb");
        try (WritableHdfFile hdf = HdfFile.write(nwb)) {
            hdf.putAttribute("neurodata_type", "NWBFile");
            WritableGroup acquisition = hdf.putGroup("acquisition");
            for (String name : List.of("A", "B")) {
                WritableGroup series = acquisition.putGroup(name);
                series.putAttribute("neurodata_type", "TwoPhotonSeries");
                series.putDataset("data", new float[name.equals("A") ? 2 : 3][11][12]);
                series.putDataset("starting_time", 0.0).putAttribute("rate", name.equals("A") ? 5.0 : 15.0);
            }
        }
        String text = info(List.of("--no-progress", "info", nwb.toString(), "--dataset", "B"));
        assertTrue(text.contains("format:      NWB"), text);
        assertTrue(text.contains("frames:      3"), text);
        assertTrue(text.contains("frame rate:  15.000 Hz"), text);
    }

    @Test
    void infoReadsAnInscopixMovie() throws Exception {
        Path isxd = Path.of("../../shared/data/real/movie_part2_108x123x63.isxd").toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(isxd), isxd + " is not available");
        String text = info(List.of("--no-progress", "info", isxd.toString()));
        assertTrue(text.contains("format:      Inscopix movie (.isxd)"), text);
        assertTrue(text.contains("frames:      63"), text);
        assertTrue(text.contains("height:      123 px"), text);
        assertTrue(text.contains("pixel type:  float32"), text);
        assertTrue(text.contains("frame rate:  10.000 Hz"), text);
    }

    /** {@code neuroseg info} on a model file prints what the file records (the README's models point users to it). */
    @Test
    void infoOnAModelFileShowsItsRecord() {
        String text = info(List.of("--no-progress", "info", "../models/cgru-default/cgru-default.nsmodel"));
        assertTrue(text.startsWith("CGRU model: cgru-default.nsmodel"), text);
        assertTrue(text.contains("  hidden channels: 8\n"), text);
        assertTrue(text.contains("  keeps peak: true\n"), text);
        assertTrue(text.contains("\nScores\n  best epoch: "), text);
        assertTrue(text.contains("epochs recorded"), text);
    }

    /** @return what {@code neuroseg ARGS} printed; fails unless it exited with 0 */
    private static String info(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = NeurosegCommand.execute(args.toArray(String[]::new));
        } finally {
            System.setOut(previous);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        return text;
    }
}
