package org.neuroseg.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroseg.stage.Traces;

class TracesTablesTest {

    @Test
    void tracesRoundTripExactlyWithOneColumnPerFrame() {
        Traces traces = new Traces(new int[] {3, 11}, new float[][] {{0.1f, -0.25f, 1.5f}, {0f, 2.75f, 0.3f}});
        Table table = TracesTables.toTable(traces);
        assertEquals(List.of("ROI id", "frame 0", "frame 1", "frame 2"),
                table.columns().stream().map(Column::name).toList());
        assertEquals(List.of(3, (double) 0.1f, -0.25, 1.5), table.rows().get(0));
        assertEquals(traces, TracesTables.fromTable(table));
    }

    @Test
    void tracesAndRasterShareFrameColumnNames() {
        assertEquals(RasterTables.columns(4).stream().map(Column::name).toList(),
                TracesTables.columns(4).stream().map(Column::name).toList());
    }

    @Test
    void refusesATableWithoutIdColumnFirstOrWithTextFrames() {
        Table noId = new Table(List.of(new Column("frame 0", ColumnType.DOUBLE)), List.of(List.of(1.0)), Map.of());
        assertThrows(IllegalArgumentException.class, () -> TracesTables.fromTable(noId));
        Table text = new Table(List.of(new Column("ROI id", ColumnType.INT), new Column("frame 0", ColumnType.STRING)),
                List.of(List.of(1, "x")), Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TracesTables.fromTable(text));
        assertTrue(e.getMessage().contains("'frame 0'"), e.getMessage());
    }
}
