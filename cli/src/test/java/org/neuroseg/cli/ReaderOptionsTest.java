package org.neuroseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReaderOptionsTest {

    private static final List<String> OPTIONS = List.of("--raw-width", "5", "--raw-height", "4", "--raw-pixel-type",
            "uint16", "--raw-byte-order", "big-endian", "--raw-header-bytes", "2", "--frame-rate-hz", "12.5");

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
        assertEquals(List.of("convert", "info", "label", "predict-cgru", "predict-unet", "preprocess", "project",
                "refine", "run", "train", "train-cgru", "train-unet", "validate"), reading.stream().sorted().toList());
    }

    @Test
    void infoReadsARawFileWithTheFrameRateGiven() throws Exception {
        Path raw = dir.resolve("movie.dat");
        Files.write(raw, new byte[2 + 3 * 4 * 5 * 2]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            List<String> args = new ArrayList<>(List.of("--no-progress", "info", raw.toString()));
            args.addAll(OPTIONS);
            code = NeurosegCommand.execute(args.toArray(String[]::new));
        } finally {
            System.setOut(previous);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(text.contains("frames:      3"), text);
        assertTrue(text.contains("frame rate:  12.500 Hz"), text);
    }
}
