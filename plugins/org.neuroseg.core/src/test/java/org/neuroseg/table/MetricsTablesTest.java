package org.neuroseg.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroseg.metrics.SegmentationScore;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;

class MetricsTablesTest {

    @Test
    void perfectScoreHasOnesAndOneMatchPerRule() {
        RoiSet rois = new RoiSet(10, 10, List.of(new Roi(1, new int[] {2, 2, 3}, new int[] {2, 3, 2})));
        Table table = MetricsTables.toTable(SegmentationScore.of(rois, rois));
        assertEquals(MetricsTables.COLUMNS, table.columns());
        assertEquals(List.of("pixel", "", "Dice", 1.0, 0, 0), table.rows().get(0));
        long matchRows = table.rows().stream().filter(row -> row.get(0).equals("match")).count();
        assertEquals(2L * SegmentationScore.of(rois, rois).neuron().size(), matchRows);
        assertTrue(table.rows().stream().anyMatch(row -> row.get(2).equals("F1") && (Double) row.get(3) == 1.0));
    }
}
