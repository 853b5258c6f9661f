package org.neuroseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.imaging.Morphology;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;

class RefinementStageTest {

    private static final int SIDE = 64;

    @TempDir
    Path dir;

    /** Two touching cells with a hole and a gap, a speck of noise and a large smear, as probabilities. */
    private static float[] probabilities() {
        boolean[] cells = new boolean[SIDE * SIDE];
        Morphology.drawDisk(cells, SIDE, SIDE, 20, 16, 6);
        Morphology.drawDisk(cells, SIDE, SIDE, 20, 27, 6);
        boolean[] hole = Morphology.drawDisk(new boolean[SIDE * SIDE], SIDE, SIDE, 20, 16, 1.5);
        boolean[] speck = Morphology.drawDisk(new boolean[SIDE * SIDE], SIDE, SIDE, 50, 10, 1.5);
        float[] probabilities = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int i = y * SIDE + x;
                boolean smear = y >= 40 && x >= 30 && x < 60;
                probabilities[i] = (cells[i] && !hole[i]) || speck[i] || smear ? 0.9f : 0.1f;
            }
        }
        return probabilities;
    }

    @Test
    void keepsTwoSplitCellsAndDropsSpeckAndSmear() throws Exception {
        Video mask = ArrayVideo.image(SIDE, SIDE, PixelType.FLOAT32, probabilities());
        PortValues out = RefinementStage.INSTANCE.run(PortValues.of(RefinementStage.MASK, mask),
                RefinementStage.INSTANCE.defaults(),
                StageContext.inDirectory(dir, ProgressMonitor.NONE));
        RoiSet cells = out.get(RefinementStage.ROIS);
        assertEquals(2, cells.size());
        int expectedArea = Morphology.count(Morphology.drawDisk(new boolean[SIDE * SIDE], SIDE, SIDE, 20, 16, 6));
        for (Roi cell : cells.rois()) {
            assertEquals(20, cell.centroidRow(), 0.5);
            assertEquals(expectedArea, cell.area(), 0.15 * expectedArea);
        }
        try (Video labels = out.get(RefinementStage.LABELS)) {
            assertEquals(PixelType.UINT16, labels.shape().pixelType());
            float[] pixels = Images.read(labels, "labels");
            assertEquals(cells.toLabelImage().length, pixels.length);
            assertEquals(java.util.Arrays.toString(cells.toLabelImage()), java.util.Arrays.toString(pixels));
            // the hole of the first cell is filled
            assertEquals(pixels[20 * SIDE + 15], pixels[20 * SIDE + 16]);
        }
    }

    @Test
    void withoutSplittingTheTouchingCellsAreOneRegion() throws Exception {
        RoiSet cells = RefinementStage.refine(probabilities(), SIDE, SIDE, RefinementStage.INSTANCE.defaults()
                .with(RefinementStage.SPLIT.key(), false).resolved(RecordingInfo.DEFAULT_CELL_DIAMETER_PX));
        assertEquals(1, cells.size());
    }

    @Test
    void splittingByTheImageSeparatesCellsThatMergeIntoOneBroadRegion() throws Exception {
        // 3 x 3 cells 10 px apart, each a bump of the map: above the threshold they form one region of about 900 px,
        // larger than the largest cell, which the shape split drops as a smear
        float[] map = new float[SIDE * SIDE];
        int[][] centres = new int[9][];
        for (int k = 0; k < 9; k++) {
            centres[k] = new int[] {22 + 10 * (k / 3), 22 + 10 * (k % 3)};
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    double dy = y - centres[k][0];
                    double dx = x - centres[k][1];
                    map[y * SIDE + x] += (float) Math.exp(-(dx * dx + dy * dy) / (2 * 3.5 * 3.5));
                }
            }
        }
        Parameters parameters = RefinementStage.INSTANCE.defaults().with(RefinementStage.THRESHOLD.key(), 0.3)
                .resolved(RecordingInfo.DEFAULT_CELL_DIAMETER_PX);
        assertEquals(0, RefinementStage.refine(map, SIDE, SIDE, parameters).size());
        RoiSet cells = RefinementStage.refine(map, SIDE, SIDE, parameters.with(RefinementStage.SPLIT_BY.key(),
                RefinementStage.BY_IMAGE));
        assertEquals(9, cells.size());
        for (int[] centre : centres) {
            assertTrue(cells.rois().stream().anyMatch(cell -> Math.hypot(cell.centroidRow() - centre[0],
                    cell.centroidCol() - centre[1]) < 1.5), "no cell at " + java.util.Arrays.toString(centre));
        }
    }

    /** A cell of radius 4 (about 50 px) and one of radius 16 (about 800 px), far apart. */
    private static Video smallAndLargeCell(double cellDiameterPx) {
        int side = 96;
        boolean[] cells = Morphology.drawDisk(new boolean[side * side], side, side, 20, 20, 4);
        Morphology.drawDisk(cells, side, side, 60, 60, 16);
        float[] probabilities = new float[side * side];
        for (int i = 0; i < cells.length; i++) {
            probabilities[i] = cells[i] ? 0.9f : 0.1f;
        }
        return new ArrayVideo(new VideoShape(1, side, side, PixelType.FLOAT32),
                new RecordingInfo(0, 0, cellDiameterPx), probabilities);
    }

    private RoiSet refine(Video mask, Parameters parameters) throws Exception {
        return RefinementStage.INSTANCE.run(PortValues.of(RefinementStage.MASK, mask), parameters,
                StageContext.inDirectory(dir, ProgressMonitor.NONE)).get(RefinementStage.ROIS);
    }

    @Test
    void autoSizesFollowTheCellDiameterTheMaskRecords() throws Exception {
        // at 8 px (recorded, or assumed when unknown) cells are 20 to 400 px: the small cell is kept, the large not
        for (double diameter : new double[] {8, 0}) {
            RoiSet cells = refine(smallAndLargeCell(diameter), RefinementStage.INSTANCE.defaults());
            assertEquals(1, cells.size(), "cell diameter " + diameter);
            assertEquals(20, cells.rois().get(0).centroidRow(), 0.5);
        }
        // at 16 px areas are four times larger, 80 to 1600 px: now the large cell is kept and the small one not
        RoiSet cells = refine(smallAndLargeCell(16), RefinementStage.INSTANCE.defaults());
        assertEquals(1, cells.size());
        assertEquals(60, cells.rois().get(0).centroidRow(), 0.5);

        Parameters atEight = RefinementStage.INSTANCE.defaults().resolvedFor(RecordingInfo.UNKNOWN);
        Parameters atSixteen = RefinementStage.INSTANCE.defaults().resolvedFor(new RecordingInfo(0, 0, 16));
        assertEquals(RefinementStage.INSTANCE.defaults().with("closingRadiusPx", 1.0).with("minSeparationPx", 6.0)
                .with("minAreaPx", 20).with("maxAreaPx", 400), atEight, "the defaults before sizes could be auto");
        assertEquals(4 * atEight.getInt(RefinementStage.MIN_AREA), atSixteen.getInt(RefinementStage.MIN_AREA));
        assertEquals(4 * atEight.getInt(RefinementStage.MAX_AREA), atSixteen.getInt(RefinementStage.MAX_AREA));
        assertEquals(2 * atEight.getDouble(RefinementStage.CLOSING), atSixteen.getDouble(RefinementStage.CLOSING));
        assertEquals(2 * atEight.getDouble(RefinementStage.SEPARATION),
                atSixteen.getDouble(RefinementStage.SEPARATION));
    }

    @Test
    void aTypedSizeWinsOverTheCellDiameter() throws Exception {
        RoiSet cells = refine(smallAndLargeCell(16), RefinementStage.INSTANCE.defaults().with("minAreaPx", 20));
        assertEquals(2, cells.size(), "minimum area 20 px as typed, maximum 1600 px from the 16 px cells");
    }

    @Test
    void aTypedMinimumAboveTheDerivedMaximumIsRefusedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> refine(smallAndLargeCell(8),
                RefinementStage.INSTANCE.defaults().with("minAreaPx", 500)));
        assertEquals("'Minimum area (px)' (500) must not exceed 'Maximum area (px)' (400)", e.getMessage());
    }

    @Test
    void rejectsAVideo() {
        Video video = new ArrayVideo(4, 4, PixelType.UINT8, 1, new float[16], new float[16]);
        assertThrows(NeurosegException.class, () -> RefinementStage.INSTANCE.run(PortValues.of(RefinementStage.MASK,
                video),
                RefinementStage.INSTANCE.defaults(), StageContext.inDirectory(dir, ProgressMonitor.NONE)));
    }
}
