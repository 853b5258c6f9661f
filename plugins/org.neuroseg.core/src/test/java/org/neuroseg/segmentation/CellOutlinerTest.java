package org.neuroseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.metrics.Shapes;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;

class CellOutlinerTest {

    private static final int SIDE = 48;

    @TempDir
    Path dir;

    /**
     * Activity frames of two cells (radius 4 px, 10 px apart) that fire at their own random times, in unit noise:
     * outlines found twice too wide shrink to the cells, and neither takes in the other.
     */
    @Test
    void outlinesTooWideShrinkToTheCellsThatFire() {
        float[][] frames = twoCells(new Random(3), 300);
        Roi left = Shapes.disk(1, 24, 19, 7);
        Roi right = Shapes.disk(2, 24, 29, 4);
        CellOutliner outliner = new CellOutliner(new RoiSet(SIDE, SIDE, List.of(left, right)), 3, 0.5, 0);
        for (float[] frame : frames) {
            outliner.push(frame);
        }
        RoiSet outlined = outliner.outlines();
        Roi leftCell = Shapes.disk(1, 24, 19, 4);
        Roi rightCell = Shapes.disk(2, 24, 29, 4);
        assertTrue(iou(left, leftCell) < 0.4, "the wide outline starts far from the cell");
        assertEquals(1, outlined.rois().get(0).id());
        assertTrue(iou(outlined.rois().get(0), leftCell) > 0.7, "left IoU " + iou(outlined.rois().get(0), leftCell));
        assertTrue(iou(outlined.rois().get(1), rightCell) > 0.7, "right IoU "
                + iou(outlined.rois().get(1), rightCell));
    }

    /** A cell found twice, once too wide, is one cell after outlining; outlines share no pixel. */
    @Test
    void aCellFoundTwiceIsOutlinedOnce() {
        float[][] frames = twoCells(new Random(4), 300);
        Roi wide = Shapes.disk(1, 24, 19, 7);
        Roi again = Shapes.disk(2, 25, 18, 3);
        Roi right = Shapes.disk(3, 24, 29, 4);
        CellOutliner outliner = new CellOutliner(new RoiSet(SIDE, SIDE, List.of(wide, again, right)), 3, 0.5, 0);
        for (float[] frame : frames) {
            outliner.push(frame);
        }
        List<Roi> outlined = outliner.outlines().rois();
        assertEquals(2, outlined.size(), outlined.toString());
        assertEquals(3, outlined.get(1).id());
        assertTrue(iou(outlined.get(0), Shapes.disk(1, 24, 19, 4)) > 0.7);
        assertEquals(0, iou(outlined.get(0), outlined.get(1)));
    }

    /**
     * A ring-shaped soma (radius 6) whose dark nucleus (radius 4) sits at its edge: the footprint above half its
     * peak is a crescent open on the nucleus' side, and the outline is the whole cell body, not the crescent.
     */
    @Test
    void aRingShapedSomaIsOutlinedWhole() {
        Roi body = Shapes.disk(1, 24, 24, 6);
        Roi nucleus = Shapes.disk(2, 24, 26, 4);
        boolean[] inNucleus = new boolean[SIDE * SIDE];
        for (int i = 0; i < nucleus.area(); i++) {
            inNucleus[nucleus.rows()[i] * SIDE + nucleus.cols()[i]] = true;
        }
        float[] rise = new float[SIDE * SIDE];
        for (int i = 0; i < body.area(); i++) {
            int pixel = body.rows()[i] * SIDE + body.cols()[i];
            rise[pixel] = inNucleus[pixel] ? 0.5f : 8;
        }
        Roi outline = outlineOfOneCell(body, rise, new Random(5));
        assertTrue(iou(outline, body) > 0.8, "IoU with the cell body " + iou(outline, body));
    }

    /**
     * A cell whose activity is three times as strong in a spot of 5 pixels (the footprint's largest values) keeps
     * most of its body, not the spot: the outline's level is a share of the footprint's 90th percentile over the
     * cell, not of its maximum (with the maximum: IoU 0.28, 23 px).
     */
    @Test
    void aCellWithABrightSpotIsNotOutlinedAsTheSpot() {
        Roi cell = Shapes.disk(1, 24, 24, 5);
        int[] spot = {22 * SIDE + 24, 23 * SIDE + 23, 23 * SIDE + 24, 23 * SIDE + 25, 24 * SIDE + 24};
        float[] rise = new float[SIDE * SIDE];
        for (int i = 0; i < cell.area(); i++) {
            rise[cell.rows()[i] * SIDE + cell.cols()[i]] = 3;
        }
        for (int pixel : spot) {
            rise[pixel] += 6;
        }
        Roi outline = outlineOfOneCell(cell, rise, new Random(11));
        assertTrue(iou(outline, cell) > 0.6, "IoU with the cell " + iou(outline, cell) + ", " + outline.area()
                + " px for " + cell.area());
    }

    /** A cell whose trace never changes keeps the outline it came with. */
    @Test
    void aCellWithoutActivityKeepsItsOutline() {
        Roi cell = Shapes.disk(7, 20, 20, 5);
        CellOutliner outliner = new CellOutliner(new RoiSet(SIDE, SIDE, List.of(cell)), 3, 0.5, 0);
        float[] flat = new float[SIDE * SIDE];
        for (int t = 0; t < 5; t++) {
            outliner.push(flat);
        }
        assertEquals(cell, outliner.outlines().rois().get(0));
    }

    @Test
    void theStageNamesFramesOfAnotherSize() {
        ArrayVideo activity = new ArrayVideo(32, 32, PixelType.FLOAT32, 10, new float[32 * 32]);
        RoiSet cells = new RoiSet(SIDE, SIDE, List.of(Shapes.disk(1, 20, 20, 4)));
        NeurosegException error = assertThrows(NeurosegException.class, () -> CellOutlineStage.INSTANCE.run(
                PortValues.of(CellOutlineStage.ACTIVITY, activity).with(CellOutlineStage.CELLS, cells),
                CellOutlineStage.INSTANCE.defaults(), StageContext.inDirectory(dir, ProgressMonitor.NONE)));
        assertTrue(error.getMessage().contains("48 x 48") && error.getMessage().contains("32 x 32"),
                error.getMessage());
    }

    @Test
    void theStageOutlinesTheCellsOfItsFrames() throws Exception {
        float[][] frames = twoCells(new Random(8), 300);
        ArrayVideo activity = new ArrayVideo(SIDE, SIDE, PixelType.FLOAT32, 10, frames);
        RoiSet cells = new RoiSet(SIDE, SIDE, List.of(Shapes.disk(1, 24, 19, 7)));
        RoiSet outlined = CellOutlineStage.INSTANCE.run(PortValues.of(CellOutlineStage.ACTIVITY, activity)
                .with(CellOutlineStage.CELLS, cells), CellOutlineStage.INSTANCE.defaults(),
                StageContext.inDirectory(dir, ProgressMonitor.NONE)).get(CellOutlineStage.OUTLINED);
        assertTrue(iou(outlined.rois().get(0), Shapes.disk(1, 24, 19, 4)) > 0.7);
    }

    @Test
    void levelZeroKeepsTheOutlinesAsFound() throws Exception {
        ArrayVideo activity = new ArrayVideo(SIDE, SIDE, PixelType.FLOAT32, 10, twoCells(new Random(9), 100));
        RoiSet cells = new RoiSet(SIDE, SIDE, List.of(Shapes.disk(1, 24, 19, 7), Shapes.disk(5, 10, 40, 3)));
        RoiSet kept = CellOutlineStage.INSTANCE.run(PortValues.of(CellOutlineStage.ACTIVITY, activity)
                .with(CellOutlineStage.CELLS, cells), CellOutlineStage.INSTANCE.defaults()
                .with(CellOutlineStage.LEVEL.key(), 0.0), StageContext.inDirectory(dir, ProgressMonitor.NONE))
                .get(CellOutlineStage.OUTLINED);
        assertEquals(cells.rois(), kept.rois());
    }

    /**
     * Two touching cells (radius 4 px, 9 px apart) that fire at their own times, found as one candidate: the footprint
     * of the candidate's mixed trace peaks on each, and an outline larger than the split area is split into the two
     * cells;
     * the part of the higher peak keeps the id, the other takes the next free one. With no split area they stay one.
     */
    @Test
    void twoCellsFoundAsOneAreSplitIntoBoth() {
        Roi leftCell = Shapes.disk(1, 24, 19, 4);
        Roi rightCell = Shapes.disk(2, 24, 28, 4);
        float[][] frames = cellsFiringApart(new Random(12), 300, leftCell, rightCell);
        Roi both = union(4, Shapes.disk(1, 24, 19, 5), Shapes.disk(1, 24, 28, 5));
        List<Roi> split = outlined(frames, both, 96);
        assertEquals(2, split.size(), split.toString());
        assertEquals(List.of(4, 5), split.stream().map(Roi::id).toList());
        for (Roi cell : List.of(leftCell, rightCell)) {
            double best = Math.max(iou(split.get(0), cell), iou(split.get(1), cell));
            assertTrue(best > 0.6, "IoU with the cell at column " + cell.cols()[0] + ": " + best);
        }
        List<Roi> whole = outlined(frames, both, 0);
        assertEquals(1, whole.size());
        assertTrue(iou(whole.get(0), leftCell) < 0.6 && iou(whole.get(0), rightCell) < 0.6, "one outline over both");
    }

    /** One cell larger than the split area (radius 7 px, 150 px) is not split: its footprint is one hill. */
    @Test
    void oneLargeCellIsNotSplit() {
        Roi cell = Shapes.disk(3, 24, 24, 7);
        List<Roi> outlines = outlined(cellsFiringApart(new Random(13), 300, cell), cell, 96);
        assertEquals(1, outlines.size(), outlines.toString());
        assertTrue(iou(outlines.get(0), cell) > 0.7, "IoU " + iou(outlines.get(0), cell));
    }

    private static List<Roi> outlined(float[][] frames, Roi candidate, double splitAreaPx) {
        CellOutliner outliner = new CellOutliner(new RoiSet(SIDE, SIDE, List.of(candidate)), 3, 0.5, splitAreaPx);
        for (float[] frame : frames) {
            outliner.push(frame);
        }
        return outliner.outlines().rois();
    }

    /**
     * Cells that each rise by 4 noise units in one frame of every 20, each at its own phase (never together, as often
     * each), in unit noise.
     */
    private static float[][] cellsFiringApart(Random random, int count, Roi... cells) {
        float[][] frames = new float[count][SIDE * SIDE];
        for (int t = 0; t < count; t++) {
            float[] frame = frames[t];
            for (int i = 0; i < frame.length; i++) {
                frame[i] = (float) random.nextGaussian();
            }
            for (int c = 0; c < cells.length; c++) {
                Roi cell = cells[c];
                if (t % 20 == 7 * c % 20) {
                    for (int i = 0; i < cell.area(); i++) {
                        frame[cell.rows()[i] * SIDE + cell.cols()[i]] += 4;
                    }
                }
            }
        }
        return frames;
    }

    private static Roi union(int id, Roi a, Roi b) {
        int[] labels = new int[SIDE * SIDE];
        for (Roi roi : List.of(a, b)) {
            for (int i = 0; i < roi.area(); i++) {
                labels[roi.rows()[i] * SIDE + roi.cols()[i]] = id;
            }
        }
        return Images.toRois(labels, id, SIDE, SIDE).rois().get(0);
    }

    /**
     * @param rise per pixel, how much it rises when the cell fires (in 10 % of 300 frames, in unit noise)
     * @return the outline of {@code cell} (margin 3 px, level 0.5)
     */
    private static Roi outlineOfOneCell(Roi cell, float[] rise, Random random) {
        CellOutliner outliner = new CellOutliner(new RoiSet(SIDE, SIDE, List.of(cell)), 3, 0.5, 0);
        for (int t = 0; t < 300; t++) {
            float[] frame = new float[SIDE * SIDE];
            for (int i = 0; i < frame.length; i++) {
                frame[i] = (float) random.nextGaussian();
            }
            if (random.nextDouble() < 0.1) {
                for (int i = 0; i < frame.length; i++) {
                    frame[i] += rise[i];
                }
            }
            outliner.push(frame);
        }
        return outliner.outlines().rois().get(0);
    }

    /** Two cells of radius 4 at columns 19 and 29, each active (5 units) in 5 % of frames, in unit noise. */
    private static float[][] twoCells(Random random, int count) {
        Roi left = Shapes.disk(1, 24, 19, 4);
        Roi right = Shapes.disk(2, 24, 29, 4);
        float[][] frames = new float[count][SIDE * SIDE];
        for (float[] frame : frames) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = (float) random.nextGaussian();
            }
            for (Roi cell : List.of(left, right)) {
                if (random.nextDouble() < 0.05) {
                    for (int i = 0; i < cell.area(); i++) {
                        frame[cell.rows()[i] * SIDE + cell.cols()[i]] += 2.5;
                    }
                }
            }
        }
        return frames;
    }

    private static double iou(Roi a, Roi b) {
        return Shapes.countedIou(a, b, SIDE, SIDE);
    }
}
