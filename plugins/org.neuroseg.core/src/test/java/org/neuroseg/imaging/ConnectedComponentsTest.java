package org.neuroseg.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {

    @Test
    void diagonalNeighboursJoinOnlyWithEightConnectivity() {
        boolean[] mask = {
            true, false, false, true,
            false, true, false, true,
            false, false, false, false};
        ConnectedComponents four = ConnectedComponents.of(mask, 3, 4, false);
        assertEquals(3, four.count());
        assertArrayEquals(new int[] {1, 0, 0, 2, 0, 3, 0, 2, 0, 0, 0, 0}, four.labels());
        ConnectedComponents eight = ConnectedComponents.of(mask, 3, 4, true);
        assertEquals(2, eight.count());
        assertArrayEquals(new int[] {0, 2, 2}, eight.areas());
    }
}
