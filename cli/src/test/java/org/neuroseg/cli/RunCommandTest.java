package org.neuroseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroseg.cli.ConsoleCapture.stderr;
import static org.neuroseg.cli.ConsoleCapture.stdout;

import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code neuroseg run}: the whole pipeline from the command line, its outputs, options and exit codes. */
class RunCommandTest {

    @TempDir
    Path dir;

    @Test
    void runsThePipelineWithGivenModelsAndPrintsTheMetricsTable() throws Exception {
        assertEquals(0, NeurosegCommand.execute("--no-progress", "generate", "--width", "64", "--height", "64",
                "--frames", "60", "--neuron-count", "12", "--seed", "3", "-o", dir.toString()));
        Path video = dir.resolve("synthetic/video.nsv");
        Path probabilities = dir.resolve("p.nsv");
        assertEquals(0, NeurosegCommand.execute("--no-progress", "predict-unet", video.toString(), "-m",
                "../models/unet-default/unet-default.nsmodel", "-o", probabilities.toString()));
        Path cgru = dir.resolve("cgru.nsmodel");
        assertEquals(0, NeurosegCommand.execute("--no-progress", "train-cgru", probabilities.toString(),
                dir.resolve("synthetic/ground_truth_labels.nsv").toString(), "--hidden-channels", "2",
                "--crop-size", "16", "--chunk-frames", "20", "--max-epochs", "1", "-o", cgru.toString()));

        Path out = dir.resolve("run");
        String printed = stdout(() -> assertEquals(0, NeurosegCommand.execute("--no-progress", "run",
                video.toString(), "--unet-model", "../models/unet-default/unet-default.nsmodel", "--cgru-model",
                cgru.toString(), "--ground-truth", dir.resolve("synthetic/functional_regions.json").toString(),
                "--ground-truth-shifts", dir.resolve("synthetic/shifts.csv").toString(),
                "--frames-averaged", "2", "--cgru-predictor-tile-size", "48",
                "--cgru-predictor-tile-overlap", "16", "--min-area-px", "10", "--cell-diameter-px", "16",
                "--frame-rate-hz", "7.5", "--nwb",
                "--nwb-session-start",
                "2024-05-06T07:08:09+02:00", "-o", out.toString())));
        assertTrue(printed.contains("neuron F1 (IoU ≥ 0.5, Hungarian)") && printed.contains("frames/s")
                && printed.contains("moved by"), printed);
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
        assertTrue(Files.isRegularFile(out.resolve("metrics.csv")));
        Matcher found = Pattern.compile("Found (\\d+) functional neurons")
                .matcher(printed);
        assertTrue(found.find(), printed);
        int neurons = Integer.parseInt(found.group(1));
        assertEquals(neurons > 0, Files.isRegularFile(out.resolve("neurons.nwb")), printed);
        if (neurons > 0) {
            try (HdfFile nwb = new HdfFile(out.resolve("neurons.nwb"))) {
                assertEquals("2024-05-06T07:08:09+02:00", nwb.getDatasetByPath("session_start_time").getData());
                assertEquals(neurons, nwb.getDatasetByPath("processing/ophys/ImageSegmentation/PlaneSegmentation/id")
                        .getDimensions()[0]);
            }
        }
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("<td>framesAveraged</td><td><b>2</b></td>"), "the option reached its stage");
        // the reader's --frame-rate-hz reaches every stage that converts seconds to frames (it did not, before)
        assertEquals(2, report.split("<td>frameRateHz</td><td><b>7.5</b></td>", -1).length - 1, report);
        assertTrue(report.contains("<p>Cell diameter: 16.0 px; the sizes left at auto derive from it.</p>"), report);
        assertTrue(report.contains("<td>minAreaPx</td><td><b>10</b></td>"), "a typed size wins");
        assertTrue(report.contains("<td>maxAreaPx</td><td>auto (1600)</td>"), "16 px cells: 6.25 x 16^2");
        assertTrue(report.contains("<td>ringWidthPx</td><td>auto (12.0)</td>"), "16 px cells: 0.75 x 16");
        assertTrue(report.contains("<h3>CGRU Predictor</h3>\n<table><tr><th>parameter</th><th>key</th><th>value</th>"
                + "</tr>\n<tr><td>Tile size (px)</td><td>tileSize</td><td><b>48</b></td>"), "prefixed option");
    }

    @Test
    void missingFilesAndOptionsGiveExitCodesOneAndTwo() throws Exception {
        assertEquals(2, NeurosegCommand.execute("--no-progress", "run", "video.nsv"));
        assertEquals(2, NeurosegCommand.execute("--no-progress", "run", "video.nsv", "-o", dir.toString(),
                "--tile-size", "64"));
        assertEquals(2, NeurosegCommand.execute("--no-progress", "run", "video.nsv", "-o", dir.toString(),
                "--ground-truth-shifts", "shifts.csv"));
        Path missing = dir.resolve("missing.nsmodel");
        String errors = stderr(() -> assertEquals(1, NeurosegCommand.execute("--no-progress", "run",
                dir.resolve("video.nsv").toString(), "--unet-model", missing.toString(), "--cgru-model",
                missing.toString(),
                "-o", dir.toString())));
        assertTrue(errors.contains(missing.toString()), errors);
        Path notVideo = Files.writeString(dir.resolve("video.tif"), "not a TIFF");
        errors = stderr(() -> assertEquals(1, NeurosegCommand.execute("--no-progress", "run", notVideo.toString(),
                "--unet-model", "../models/unet-default/unet-default.nsmodel", "--cgru-model",
                "../models/unet-default/unet-default.nsmodel", "-o", dir.resolve("out").toString())));
        assertTrue(errors.contains("unet-default.nsmodel") && errors.contains("CGRU"), errors);
    }
}
