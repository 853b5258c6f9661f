package org.neuroseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.imaging.Morphology;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;

class ActiveCellTrackingStageTest {

    private static final int SIDE = 48;

    @TempDir
    Path dir;

    /** Four frames: a small cell (radius 3) active in all, a large one (radius 8) in the last two. */
    private static Video probabilities(double cellDiameterPx) {
        float[][] frames = new float[4][];
        for (int t = 0; t < frames.length; t++) {
            boolean[] mask = Morphology.drawDisk(new boolean[SIDE * SIDE], SIDE, SIDE, 12, 12, 3);
            if (t >= 2) {
                Morphology.drawDisk(mask, SIDE, SIDE, 32, 30, 8);
            }
            frames[t] = new float[mask.length];
            for (int i = 0; i < mask.length; i++) {
                frames[t][i] = mask[i] ? 0.8f : 0.05f;
            }
        }
        return new ArrayVideo(new VideoShape(frames.length, SIDE, SIDE, PixelType.FLOAT32),
                new RecordingInfo(10, 0, cellDiameterPx), frames);
    }

    private PortValues run(Video probabilities) throws Exception {
        return ActiveCellTrackingStage.INSTANCE.run(PortValues.of(ActiveCellTrackingStage.PROBABILITIES,
                probabilities), ActiveCellTrackingStage.INSTANCE.defaults(), StageContext.inDirectory(dir,
                        ProgressMonitor.NONE));
    }

    @Test
    void givesTheCellsTheirLabelImageAndTheActiveFrames() throws Exception {
        PortValues out = run(probabilities(8));
        RoiSet cells = out.get(ActiveCellTrackingStage.ROIS);
        // at 8 px cells the sizes allowed are 20-400 px: the small cell (29 px) and the large one (about 200 px)
        assertEquals(2, cells.size());
        try (Video labels = out.get(ActiveCellTrackingStage.LABELS);
                Video activeFrames = out.get(ActiveCellTrackingStage.ACTIVE_FRAMES)) {
            assertEquals(PixelType.UINT16, labels.shape().pixelType());
            assertArrayEquals(cells.toLabelImage(), Images.read(labels, "labels"));
            float[] frames = Images.read(activeFrames, "active frames");
            assertEquals(4 * 0.8f, frames[12 * SIDE + 12], 1e-5f);
            assertEquals(2 * 0.8f + 2 * 0.05f, frames[32 * SIDE + 30], 1e-5f);
            assertEquals(4 * 0.05f, frames[0], 1e-5f);
        }
    }

    @Test
    void sizesFollowTheRecordedCellDiameter() throws Exception {
        // at 20 px cells the smallest cell allowed has 125 px: only the large cell is left
        RoiSet cells = run(probabilities(20)).get(ActiveCellTrackingStage.ROIS);
        assertEquals(1, cells.size());
        assertEquals(32, cells.rois().get(0).centroidRow(), 0.5);
    }

    @Test
    void cellsOfAnotherSizeThanAssumedEarnAHint() throws Exception {
        // the median cell found (the larger of two: about 16 px across) is twice the 8 px assumed
        for (double recorded : new double[] {0, 8}) {
            List<String> warnings = new ArrayList<>();
            ActiveCellTrackingStage.INSTANCE.run(PortValues.of(ActiveCellTrackingStage.PROBABILITIES,
                    probabilities(recorded)), ActiveCellTrackingStage.INSTANCE.defaults(), new StageContext(
                            name -> dir.resolve(recorded + name), ProgressMonitor.NONE, warnings::add));
            assertEquals(recorded == 0 ? 1 : 0, warnings.size(), warnings.toString());
            assertTrue(warnings.stream().allMatch(w -> w.contains("assumed to be 8 px")), warnings.toString());
        }
    }

    @Test
    void aMinimumAreaAboveTheMaximumIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ActiveCellTrackingStage.INSTANCE.checkParameters(
                ActiveCellTrackingStage.INSTANCE.defaults().with(ActiveCellTrackingStage.MIN_AREA.key(), 500)
                        .with(ActiveCellTrackingStage.MAX_AREA.key(), 100)));
    }
}
