package org.neuroseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.imaging.Morphology;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;

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
                .with(RefinementStage.SPLIT.key(), false));
        assertEquals(1, cells.size());
    }

    @Test
    void rejectsAVideo() {
        Video video = new ArrayVideo(4, 4, PixelType.UINT8, 1, new float[16], new float[16]);
        assertThrows(NeurosegException.class, () -> RefinementStage.INSTANCE.run(PortValues.of(RefinementStage.MASK,
                video),
                RefinementStage.INSTANCE.defaults(), StageContext.inDirectory(dir, ProgressMonitor.NONE)));
    }
}
