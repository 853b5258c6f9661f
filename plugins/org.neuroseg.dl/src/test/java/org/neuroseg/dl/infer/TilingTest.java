package org.neuroseg.dl.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TilingTest {

    @Test
    void keptPartsCoverTheAxisOnceAndLieInsideTheirTiles() {
        for (int length : new int[] {64, 100, 512, 1000, 1337}) {
            Tiling tiling = Tiling.of(length, 64, 16);
            int next = 0;
            for (int i = 0; i < tiling.count(); i++) {
                assertEquals(next, tiling.keepFrom()[i]);
                assertTrue(tiling.keepTo()[i] > tiling.keepFrom()[i]);
                assertTrue(tiling.keepFrom()[i] >= tiling.starts()[i]);
                assertTrue(tiling.keepTo()[i] <= tiling.starts()[i] + 64);
                if (i > 0) {
                    assertTrue(tiling.starts()[i - 1] + 64 - tiling.starts()[i] >= 16, "overlap too small");
                    assertTrue(tiling.keepFrom()[i] - tiling.starts()[i] >= 8, "seam too close to a tile edge");
                }
                next = tiling.keepTo()[i];
            }
            assertEquals(length, next);
            assertEquals(length - 64, tiling.starts()[tiling.count() - 1]);
        }
    }
}
