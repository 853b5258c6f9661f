package org.neuroseg.roi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.Roi;
import ij.io.RoiDecoder;
import java.awt.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.testing.RealFiles;

class RoiWriterStageTest {

    @TempDir
    Path dir;

    /** A disk, a ring (a region with a hole) and an L shape on a 40 x 50 image. */
    private static RoiSet shapes() {
        List<org.neuroseg.roi.Roi> rois = new ArrayList<>();
        rois.add(region(1, (r, c) -> (r - 10) * (r - 10) + (c - 10) * (c - 10) <= 16));
        rois.add(region(2, (r, c) -> {
            int d = (r - 25) * (r - 25) + (c - 30) * (c - 30);
            return d <= 36 && d > 4;
        }));
        rois.add(region(7, (r, c) -> (r >= 30 && r < 38 && c >= 2 && c < 5) || (r >= 35 && r < 38 && c < 12)));
        return new RoiSet(40, 50, rois);
    }

    private interface Inside {
        boolean test(int row, int col);
    }

    private static org.neuroseg.roi.Roi region(int id, Inside inside) {
        List<int[]> pixels = new ArrayList<>();
        for (int r = 0; r < 40; r++) {
            for (int c = 0; c < 50; c++) {
                if (inside.test(r, c)) {
                    pixels.add(new int[] {r, c});
                }
            }
        }
        return new org.neuroseg.roi.Roi(id, pixels.stream().mapToInt(p -> p[0]).toArray(),
                pixels.stream().mapToInt(p -> p[1]).toArray());
    }

    @Test
    void writesLabelTiffRegionsAndAnImageJRoiSetThatReadBackToTheSamePixels() throws Exception {
        RoiSet rois = shapes();
        var parameters = RoiWriterStage.INSTANCE.defaults().with("folder", dir.resolve("out").toString())
                .with("baseName", "cells");
        RoiWriterStage.INSTANCE.run(PortValues.of(RoiWriterStage.ROIS, rois), parameters, StageContext.inDirectory(dir,
                ProgressMonitor.NONE));

        assertEquals(rois, RoiFiles.read(dir.resolve("out/cells_labels.tif"), 0, 0));
        assertEquals(rois, RoiFiles.read(dir.resolve("out/cells_regions.json"), 40, 50));
        RoiSet fromImageJ = ImageJRoiSets.read(dir.resolve("out/cells_RoiSet.zip"), 40, 50);
        for (int i = 0; i < rois.size(); i++) {
            assertPixelsEqual(rois.rois().get(i), fromImageJ.rois().get(i));
        }
    }

    @Test
    void imageJDecodesEveryEntryOfOurRoiSet() throws Exception {
        RoiSet rois = shapes();
        Path zip = dir.resolve("set.zip");
        ImageJRoiSets.write(rois, zip);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            int index = 0;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                Roi decoded = RoiDecoder.openFromByteArray(in.readAllBytes());
                Set<Long> pixels = new HashSet<>();
                for (Point point : decoded.getContainedPoints()) {
                    pixels.add((long) point.y << 32 | point.x);
                }
                org.neuroseg.roi.Roi expected = rois.rois().get(index++);
                assertEquals(expected.area(), pixels.size(), entry.getName());
                for (int k = 0; k < expected.area(); k++) {
                    assertTrue(pixels.contains((long) expected.rows()[k] << 32 | expected.cols()[k]));
                }
            }
        }
        assertEquals(List.of("0001-0010-0010.roi", "0002-0025-0030.roi", "0007-0035-0005.roi"), names);
    }

    @Test
    void readsTheRoiSetImageJWrote() throws Exception {
        RoiSet rois = ImageJRoiSets.read(RealFiles.get("imagej-RoiSet.zip"), 128, 256);
        assertEquals(2, rois.size());
        for (org.neuroseg.roi.Roi roi : rois.rois()) {
            assertTrue(roi.area() > 10, roi.toString());
        }
    }

    @Test
    void refusesMissingFolderAndBadPrefix() {
        var context = StageContext.inDirectory(dir, ProgressMonitor.NONE);
        NeurosegException noFolder = assertThrows(NeurosegException.class,
                () -> RoiWriterStage.INSTANCE.run(PortValues.of(RoiWriterStage.ROIS, shapes()),
                        RoiWriterStage.INSTANCE.defaults(), context));
        assertTrue(noFolder.getMessage().contains("Output folder"), noFolder.getMessage());
        var badPrefix = RoiWriterStage.INSTANCE.defaults().with("folder", dir.toString()).with("baseName", "a/b");
        assertThrows(NeurosegException.class, () -> RoiWriterStage.INSTANCE.run(PortValues.of(RoiWriterStage.ROIS,
                shapes()), badPrefix,
                context));
        assertFalse(Files.exists(dir.resolve("a")));
    }

    @Test
    void notARoiSetIsRefusedNamingTheFile() throws Exception {
        Path fake = dir.resolve("fake.zip");
        Files.writeString(fake, "not a zip");
        NeurosegException error = assertThrows(NeurosegException.class, () -> ImageJRoiSets.read(fake, 10, 10));
        assertTrue(error.getMessage().contains(fake.toString()), error.getMessage());
    }

    private static void assertPixelsEqual(org.neuroseg.roi.Roi expected, org.neuroseg.roi.Roi actual) {
        assertEquals(expected.area(), actual.area());
        for (int k = 0; k < expected.area(); k++) {
            assertEquals(expected.rows()[k], actual.rows()[k]);
            assertEquals(expected.cols()[k], actual.cols()[k]);
        }
    }
}
