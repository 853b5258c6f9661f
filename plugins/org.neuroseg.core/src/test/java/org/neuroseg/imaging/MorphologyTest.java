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
}
