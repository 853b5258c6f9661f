package org.neuroseg.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class WatershedTest {

    private static final int SIDE = 48;

    @Test
    void splitsTwoTouchingDisksAtTheirNeck() {
        boolean[] mask = new boolean[SIDE * SIDE];
        Morphology.drawDisk(mask, SIDE, SIDE, 24, 16, 7);
        Morphology.drawDisk(mask, SIDE, SIDE, 24, 28, 7);
        assertEquals(1, ConnectedComponents.of(mask, SIDE, SIDE, false).count());
        ConnectedComponents cells = Watershed.split(mask, SIDE, SIDE, 5);
        assertEquals(2, cells.count());
        int left = cells.labels()[24 * SIDE + 16];
        int right = cells.labels()[24 * SIDE + 28];
        assertNotEquals(left, right);
        int[] areas = cells.areas();
        assertEquals(areas[1], areas[2], 0.1 * areas[1]);
        assertEquals(Morphology.count(mask), areas[1] + areas[2]);
        // the boundary lies at the neck, column 22
        assertEquals(left, cells.labels()[24 * SIDE + 21]);
        assertEquals(right, cells.labels()[24 * SIDE + 23]);
    }

    @Test
    void keepsAnEllipseWhole() {
        boolean[] mask = new boolean[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double dy = (y - 24) / 6.0;
                double dx = (x - 24) / 9.0;
                mask[y * SIDE + x] = dy * dy + dx * dx <= 1;
            }
        }
        assertEquals(1, Watershed.split(mask, SIDE, SIDE, 6).count());
    }
}
