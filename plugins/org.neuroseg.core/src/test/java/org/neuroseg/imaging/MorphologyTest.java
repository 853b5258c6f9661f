package org.neuroseg.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MorphologyTest {

    private static final int SIDE = 40;

    @Test
    void dilatingAPointGivesADiskOfAreaNearPiRSquared() {
        boolean[] point = new boolean[SIDE * SIDE];
        point[20 * SIDE + 20] = true;
        boolean[] disk = Morphology.dilate(point, SIDE, SIDE, 6);
        assertEquals(Math.PI * 36, Morphology.count(disk), 10);
        assertEquals(Morphology.count(Morphology.drawDisk(new boolean[SIDE * SIDE], SIDE, SIDE, 20, 20, 6)),
                Morphology.count(disk));
    }

    @Test
    void erodingShrinksASquareByTheRadius() {
        boolean[] square = new boolean[SIDE * SIDE];
        for (int y = 10; y < 30; y++) {
            for (int x = 10; x < 30; x++) {
                square[y * SIDE + x] = true;
            }
        }
        boolean[] eroded = Morphology.erode(square, SIDE, SIDE, 2);
        assertEquals(16 * 16, Morphology.count(eroded));
        assertTrue(eroded[12 * SIDE + 12]);
        assertFalse(eroded[11 * SIDE + 12]);
    }

    @Test
    void closingBridgesANarrowGapAndFillHolesFillsEnclosedBackground() {
        boolean[] mask = new boolean[SIDE * SIDE];
        Morphology.drawDisk(mask, SIDE, SIDE, 20, 12, 5);
        Morphology.drawDisk(mask, SIDE, SIDE, 20, 24, 5);
        // the disks are 1 px apart at row 20
        assertFalse(mask[20 * SIDE + 18]);
        boolean[] closed = Morphology.close(mask, SIDE, SIDE, 2);
        assertTrue(closed[20 * SIDE + 18]);
        assertEquals(1, ConnectedComponents.of(closed, SIDE, SIDE, false).count());

        boolean[] ring = Morphology.drawDisk(new boolean[SIDE * SIDE], SIDE, SIDE, 20, 20, 8);
        boolean[] hole = Morphology.drawDisk(new boolean[SIDE * SIDE], SIDE, SIDE, 20, 20, 4);
        for (int i = 0; i < ring.length; i++) {
            ring[i] &= !hole[i];
        }
        boolean[] filled = Morphology.fillHoles(ring, SIDE, SIDE);
        assertEquals(Morphology.count(Morphology.drawDisk(new boolean[SIDE * SIDE], SIDE, SIDE, 20, 20, 8)),
                Morphology.count(filled));
    }

    @Test
    void convexHullOfACrescentIsTheDiskAndOfAnLTheTriangle() {
        // a disk of radius 8 with a disk of radius 6 cut out at its edge: a crescent
        boolean[] disk = Morphology.drawDisk(new boolean[SIDE * SIDE], SIDE, SIDE, 20, 20, 8);
        boolean[] bite = Morphology.drawDisk(new boolean[SIDE * SIDE], SIDE, SIDE, 20, 26, 6);
        boolean[] crescent = new boolean[disk.length];
        for (int i = 0; i < disk.length; i++) {
            crescent[i] = disk[i] && !bite[i];
        }
        boolean[] hull = Morphology.convexHull(crescent, SIDE, SIDE);
        for (int i = 0; i < hull.length; i++) {
            assertTrue(!crescent[i] || hull[i], "the hull contains the crescent");
            assertTrue(!hull[i] || disk[i], "the hull stays inside the disk, pixel " + i);
        }
        assertTrue(hull[20 * SIDE + 24], "the bite's middle, between the crescent's horns, is filled");
        // the disk (197 px) less the circular segment beyond the horns' chord (about 22 px); the crescent has 128
        assertEquals(175, Morphology.count(hull), 6);

        // an L of two 10-pixel arms: its hull is the right triangle with those legs
        boolean[] corner = new boolean[SIDE * SIDE];
        for (int k = 0; k < 10; k++) {
            corner[(5 + k) * SIDE + 5] = true;
            corner[14 * SIDE + 5 + k] = true;
        }
        boolean[] triangle = Morphology.convexHull(corner, SIDE, SIDE);
        assertEquals(55, Morphology.count(triangle), "rows 5..14 hold 1..10 pixels");
        assertTrue(triangle[10 * SIDE + 8]);
        assertFalse(triangle[8 * SIDE + 10]);

        boolean[] point = new boolean[SIDE * SIDE];
        point[3 * SIDE + 4] = true;
        assertEquals(1, Morphology.count(Morphology.convexHull(point, SIDE, SIDE)));
        boolean[] ends = new boolean[SIDE * SIDE];
        ends[2 * SIDE + 2] = true;
        ends[6 * SIDE + 10] = true;
        assertEquals(9, Morphology.count(Morphology.convexHull(ends, SIDE, SIDE)), "a diagonal segment, 9 steps");
        assertEquals(0, Morphology.count(Morphology.convexHull(new boolean[SIDE * SIDE], SIDE, SIDE)));
    }
}
