package org.neuroseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.preprocess.ShiftsCsv;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.VideoStore;

class PreprocessCommandTest {

    @TempDir
    Path dir;

    @Test
    void equalizesCorrectsAndWritesShiftsAndPicture() throws Exception {
        assertEquals(0, NeurosegCommand.execute("--no-progress", "generate", "--preset", "two-photon", "--width",
                "128", "--height", "128", "--frames", "60", "--neuron-count", "40", "--seed", "3", "-o",
                dir.toString()));
        Path video = dir.resolve("synthetic/video.nsv");
        Path out = dir.resolve("pre");
        assertEquals(0, NeurosegCommand.execute("--no-progress", "preprocess", video.toString(), "-o",
                out.toString(), "--max-shift-px", "10", "--template-frames", "30", "--activity",
                "--activity-frames-background-sigma-px", "6"));
        try (FileVideo corrected = VideoStore.open(out.resolve("corrected.nsv"));
                FileVideo shifted = VideoStore.open(out.resolve("shifted.nsv"));
                FileVideo activity = VideoStore.open(out.resolve("activity.nsv"))) {
            assertEquals(60, corrected.shape().frames());
            assertEquals(PixelType.FLOAT32, corrected.shape().pixelType());
            assertEquals(PixelType.UINT16, shifted.shape().pixelType());
            assertEquals(60, activity.shape().frames());
            assertEquals(PixelType.FLOAT32, activity.shape().pixelType());
        }
        List<String> lines = Files.readAllLines(out.resolve("shifts.csv"));
        assertEquals(ShiftsCsv.HEADER, lines.get(0));
        assertEquals(61, lines.size());
        List<String> trueShifts = Files.readAllLines(dir.resolve("synthetic/shifts.csv"));
        assertTrue(trueShifts.size() >= 61, "the generator writes one line per frame");
        BufferedImage picture = ImageIO.read(out.resolve("motion.png").toFile());
        assertTrue(picture.getWidth() > 2 * 128 && picture.getHeight() > 128, "two panels and a plot");
        try (var leftovers = Files.list(out)) {
            assertEquals(5, leftovers.count(), "only the five outputs remain");
        }
    }

    @Test
    void refusesBadParametersAndMissingFiles() {
        assertEquals(2, NeurosegCommand.execute("preprocess", "x.nsv"));
        assertEquals(1, NeurosegCommand.execute("--no-progress", "preprocess", dir.resolve("missing.nsv").toString(),
                "-o", dir.resolve("o").toString()));
        assertEquals(1, NeurosegCommand.execute("--no-progress", "preprocess", dir.resolve("missing.nsv").toString(),
                "-o", dir.resolve("o").toString(), "--transform", "wobbly"));
    }
}
