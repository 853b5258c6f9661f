package org.neuroseg.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroseg.stage.Raster;

class RasterTablesTest {

    @Test
    void rasterRoundTripsWithOneColumnPerFrame() {
        BitSet first = new BitSet();
        first.set(1);
        first.set(3);
        Raster raster = new Raster(new int[] {2, 9}, 4, List.of(first, new BitSet()));
        Table table = RasterTables.toTable(raster);
        assertEquals(5, table.columns().size());
        assertEquals("frame 3", table.columns().get(4).name());
        assertEquals(List.of(2, 0, 1, 0, 1), table.rows().get(0));
        assertEquals(raster, RasterTables.fromTable(table));
    }
}
