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

    @Test
    void tilesAreAsShortAsTheirCountAllows() {
        assertEquals(256, Tiling.tileLength(250, 512, 32, 16), "an axis that fits is one tile");
        assertEquals(512, Tiling.tileLength(512, 512, 32, 16));
        assertEquals(320, Tiling.tileLength(590, 512, 32, 16), "two tiles of 320 cover 590, not two of 512");
        for (int length = 513; length < 3000; length += 7) {
            int tile = Tiling.tileLength(length, 512, 32, 16);
            assertEquals(0, tile % 16);
            assertTrue(tile <= 512);
            int fewest = (int) Math.ceil((length - 32) / 480.0);
            assertEquals(fewest, Tiling.of(length, tile, 32).count(), "as few tiles as 512 px ones at " + length);
        }
    }
}
