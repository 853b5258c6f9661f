package org.neuroseg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.io.TiffVideo;
import org.neuroseg.roi.NeurofinderRegions;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.VideoStore;

class NeurosegCommandTest {

    @TempDir
    Path dir;

    @Test
    void generateThenScoreGivesPerfectSelfScoreAndTheShiftedScoreTheRulesImply() throws Exception {
        // Two-photon cells (radius 5 to 7 px) straddle the IoU 0.5 limit when shifted by 3 px.
        assertEquals(0, NeurosegCommand.execute("--no-progress", "generate", "--preset", "two-photon", "--width",
                "128", "--height", "128", "--frames", "20", "--neuron-count", "25", "--seed", "5", "-o",
                dir.toString()));
        Path synthetic = dir.resolve("synthetic");
        for (String name : List.of("video.nsv", "ground_truth_labels.tif", "ground_truth_RoiSet.zip",
                "regions.json", "functional_regions.json", "firing_regions.json", "spikes.csv", "overview.png")) {
            assertTrue(Files.isRegularFile(synthetic.resolve(name)), name);
        }
        Path labels = synthetic.resolve("ground_truth_labels.tif");
        Path functionalScore = dir.resolve("functional.json");
        assertEquals(0, NeurosegCommand.execute("score", "-p",
                synthetic.resolve(GenerateCommand.FUNCTIONAL_LABELS).toString(), "-r",
                synthetic.resolve("functional_regions.json").toString(), "--json", functionalScore.toString()));
        assertEquals(1.0, headlineF1(functionalScore), "the functional label image holds the functional regions");
        Path self = dir.resolve("self.json");
        assertEquals(0, NeurosegCommand.execute("score", "-p", labels.toString(), "-r", labels.toString(),
                "--json", self.toString()));
        assertEquals(1.0, headlineF1(self));

        Path shifted = dir.resolve("shifted.json");
        assertEquals(0, NeurosegCommand.execute("score", "-p", synthetic.resolve("regions.json").toString(), "-r",
                labels.toString(), "--shift-predicted", "3,0", "--json", shifted.toString()));
        RoiSet truth = NeurofinderRegions.read(synthetic.resolve("regions.json"), 128, 128);
        long keepingHalf = truth.rois().stream().filter(roi -> iou(roi, roi.shifted(3, 0, 128, 128)) >= 0.5)
                .count();
        assertTrue(keepingHalf > 0 && keepingHalf < truth.size(), "some cells, not all, keep IoU >= 0.5");
        assertEquals((double) keepingHalf / truth.size(), headlineF1(shifted), 1e-9);
    }

    @Test
    void convertsStoreToTiffAndBack() throws Exception {
        assertEquals(0, NeurosegCommand.execute("--no-progress", "generate", "--width", "64", "--height", "64",
                "--frames", "7", "--neuron-count", "5", "-o", dir.toString()));
        Path store = dir.resolve("synthetic/video.nsv");
        Path tiff = dir.resolve("copy.tif");
        Path back = dir.resolve("back.nsv");
        assertEquals(0, NeurosegCommand.execute("--no-progress", "convert", store.toString(), tiff.toString()));
        assertEquals(0, NeurosegCommand.execute("--no-progress", "convert", tiff.toString(), back.toString()));
        assertEquals(0, NeurosegCommand.execute("--no-progress", "info", tiff.toString()));
        try (FileVideo original = VideoStore.open(store); TiffVideo copy = TiffVideo.open(tiff);
                FileVideo roundTrip = VideoStore.open(back)) {
            assertEquals(original.shape(), copy.shape());
            assertEquals(10.0, copy.frameRateHz(), 1e-6);
            float[] expected = new float[original.shape().pixelsPerFrame()];
            float[] actual = new float[expected.length];
            for (int t = 0; t < 7; t++) {
                original.readFrame(t, expected);
                roundTrip.readFrame(t, actual);
                assertArrayEquals(expected, actual);
            }
        }
    }

    @Test
    void exitCodesSayWhatWentWrong() {
        assertEquals(0, NeurosegCommand.execute("--help"));
        assertEquals(2, NeurosegCommand.execute("info"));
        assertEquals(2, NeurosegCommand.execute("generate", "--no-such-option"));
        assertEquals(1, NeurosegCommand.execute("info", dir.resolve("missing.tif").toString()));
        assertEquals(1, NeurosegCommand.execute("--no-progress", "generate", "--frames", "0", "-o",
                dir.toString()));
    }

    private static double headlineF1(Path json) throws Exception {
        JsonObject score = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        return score.getAsJsonArray("neuron").get(0).getAsJsonObject().get("f1").getAsDouble();
    }

    /** IoU counted directly, independently of the metrics code under test. */
    private static double iou(Roi a, Roi b) {
        if (b == null) {
            return 0;
        }
        Set<Long> pixels = new HashSet<>();
        for (int i = 0; i < a.area(); i++) {
            pixels.add((long) a.rows()[i] << 32 | a.cols()[i]);
        }
        int shared = 0;
        for (int i = 0; i < b.area(); i++) {
            shared += pixels.contains((long) b.rows()[i] << 32 | b.cols()[i]) ? 1 : 0;
        }
        return (double) shared / (a.area() + b.area() - shared);
    }
}
