package org.neuroseg.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;

class RoiTablesTest {

    private static final RoiSet ROIS = new RoiSet(20, 30, List.of(
            new Roi(3, new int[] {4, 4, 4, 5, 5, 7}, new int[] {10, 11, 12, 9, 13, 0}),
            new Roi(8, new int[] {19}, new int[] {29})));

    @Test
    void roiSetRoundTripsThroughTheTable() {
        Table table = RoiTables.toTable(ROIS);
        assertEquals(RoiTables.COLUMNS, table.columns());
        assertEquals(ROIS, RoiTables.fromTable(table));
    }

    @Test
    void rowHoldsAreaCentroidBoxAndRuns() {
        List<Object> row = RoiTables.toTable(ROIS).rows().get(0);
        assertEquals(List.of(3, 6, 29.0 / 6, 55.0 / 6, 4, 0, 7, 13, "4:10-12 5:9 5:13 7:0"), row);
    }

    @Test
    void badRunIsRefusedNamingTheRoi() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RoiTables.decodeRuns(5, "4:10-x"));
        assertEquals("ROI 5: '4:10-x' is not a pixel run like 4:10-12", e.getMessage());
    }
}
