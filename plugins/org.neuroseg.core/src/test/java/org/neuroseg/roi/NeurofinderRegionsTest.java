package org.neuroseg.roi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;

class NeurofinderRegionsTest {

    @TempDir
    Path dir;

    private Path file(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json, StandardCharsets.UTF_8);
    }

    @Test
    void writtenRegionsReadBackEqual() throws Exception {
        RoiSet rois = new RoiSet(8, 6, List.of(new Roi(4, new int[] {0, 0, 1}, new int[] {1, 2, 1}),
                new Roi(9, new int[] {7}, new int[] {5})));
        Path file = dir.resolve("regions.json");
        NeurofinderRegions.write(file, rois);
        assertEquals(rois, NeurofinderRegions.read(file, 8, 6));
    }

    @Test
    void writeReplacesAnExistingFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = file("regions.json", "old");
        RoiSet rois = new RoiSet(4, 4, List.of(new Roi(1, new int[] {2}, new int[] {3})));
        NeurofinderRegions.write(file, rois);
        assertEquals(rois, NeurofinderRegions.read(file, 4, 4));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void writingAnEmptySetGivesAnEmptyList() throws Exception {
        Path file = dir.resolve("none.json");
        NeurofinderRegions.write(file, new RoiSet(4, 4, List.of()));
        assertEquals(0, NeurofinderRegions.read(file, 4, 4).size());
    }

    @Test
    void regionsWithoutIdsAreNumberedInFileOrder() throws Exception {
        Path file = file("neurofinder.json",
                "[{\"coordinates\": [[1, 2], [1, 3]]}, {\"coordinates\": [[5, 0]]}, {\"coordinates\": [[0, 0]]}]");
        RoiSet rois = NeurofinderRegions.read(file, 6, 4);
        assertEquals(List.of(1, 2, 3), rois.rois().stream().map(Roi::id).toList());
        assertEquals(new Roi(1, new int[] {1, 1}, new int[] {2, 3}), rois.rois().get(0));
        assertEquals(new Roi(2, new int[] {5}, new int[] {0}), rois.rois().get(1));
    }

    @Test
    void idsCountedFromZeroAreShiftedToStartAtOne() throws Exception {
        // As Python tools write them (the labels of the shared miniscope recordings).
        Path file = file("zero.json", "[{\"id\": 0, \"coordinates\": [[0, 0]]}, {\"id\": 1, \"coordinates\": "
                + "[[1, 1]]}, {\"id\": 5, \"coordinates\": [[2, 2]]}]");
        assertEquals(List.of(1, 2, 6), NeurofinderRegions.read(file, 4, 4).rois().stream().map(Roi::id).toList());
    }

    @Test
    void coordinateOutsideTheImageIsReportedWithFileRegionAndCoordinate() throws Exception {
        Path file = file("outside.json", "[{\"id\": 1, \"coordinates\": [[0, 0]]}, "
                + "{\"id\": 2, \"coordinates\": [[1, 1], [3, 7]]}]");
        NeurosegException e = assertThrows(NeurosegException.class, () -> NeurofinderRegions.read(file, 4, 7));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("region 1"), e.getMessage());
        assertTrue(e.getMessage().contains("[3, 7]"), e.getMessage());
        assertTrue(e.getMessage().contains("4 x 7"), e.getMessage());
    }

    @Test
    void malformedFilesAreReportedWithTheirName() throws Exception {
        List<String> bad = List.of("not json [", "{\"coordinates\": []}", "[{\"coordinates\": []}]",
                "[{\"coordinates\": [[1]]}]", "[{\"coordinates\": [[1.5, 2]]}]",
                "[{\"id\": 1, \"coordinates\": [[0, 0]]}, {\"coordinates\": [[1, 1]]}]",
                "[{\"id\": 2, \"coordinates\": [[0, 0]]}, {\"id\": 2, \"coordinates\": [[1, 1]]}]",
                "[{\"id\": -1, \"coordinates\": [[0, 0]]}]", "[{\"id\": \"a\", \"coordinates\": [[0, 0]]}]",
                "[{\"id\": 0, \"coordinates\": [[0, 0]]}, {\"id\": 0, \"coordinates\": [[1, 1]]}]");
        for (int i = 0; i < bad.size(); i++) {
            Path file = file("bad" + i + ".json", bad.get(i));
            NeurosegException e = assertThrows(NeurosegException.class, () -> NeurofinderRegions.read(file, 4, 4),
                    bad.get(i));
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
    }

    @Test
    void missingFileIsReportedWithItsName() {
        Path file = dir.resolve("absent.json");
        NeurosegException e = assertThrows(NeurosegException.class, () -> NeurofinderRegions.read(file, 4, 4));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
