package org.neuroseg.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroseg.stage.MotionShifts;

class ShiftsTablesTest {

    private static final MotionShifts SHIFTS = new MotionShifts(new double[] {0, 1.25, -3.5},
            new double[] {0, -0.75, 2.0}, new double[] {0, 0.5, -1.5}, new int[] {0, 42, 17},
            new double[] {1, 0.61, 0.42}, new double[] {1, 0.93, 0.88});

    @Test
    void shiftsRoundTripWithOneRowPerFrame() {
        Table table = ShiftsTables.toTable(SHIFTS);
        assertEquals(List.of("frame", "dx (px)", "dy (px)", "rotation (degrees)", "tracked features",
                "correlation before", "correlation after"), table.columns().stream().map(Column::name).toList());
        assertEquals(List.of(1, 1.25, -0.75, 0.5, 42, 0.61, 0.93), table.rows().get(1));
        MotionShifts back = ShiftsTables.fromTable(table);
        assertArrayEquals(SHIFTS.dx(), back.dx());
        assertArrayEquals(SHIFTS.dy(), back.dy());
        assertArrayEquals(SHIFTS.rotationDegrees(), back.rotationDegrees());
        assertArrayEquals(SHIFTS.trackedFeatures(), back.trackedFeatures());
        assertArrayEquals(SHIFTS.correlationBefore(), back.correlationBefore());
        assertArrayEquals(SHIFTS.correlationAfter(), back.correlationAfter());
    }

    @Test
    void columnsAreFoundByName() {
        Table table = ShiftsTables.toTable(SHIFTS);
        List<Column> reversed = new ArrayList<>(table.columns());
        Collections.reverse(reversed);
        List<List<Object>> rows = table.rows().stream().map(row -> {
            List<Object> copy = new ArrayList<>(row);
            Collections.reverse(copy);
            return (List<Object>) copy;
        }).toList();
        assertArrayEquals(SHIFTS.dy(), ShiftsTables.fromTable(new Table(reversed, rows, Map.of())).dy());
    }

    @Test
    void refusesRowsOutOfFrameOrderAndMissingColumns() {
        Table table = ShiftsTables.toTable(SHIFTS);
        List<List<Object>> swapped = List.of(table.rows().get(1), table.rows().get(0), table.rows().get(2));
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> ShiftsTables.fromTable(new Table(table.columns(), swapped, Map.of())));
        assertTrue(order.getMessage().contains("row 0 of the shifts table is frame 1"), order.getMessage());
        Table noDx = new Table(table.columns().subList(0, 1), table.rows().stream().map(r -> r.subList(0, 1))
                .toList(), Map.of());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ShiftsTables.fromTable(noDx));
        assertTrue(missing.getMessage().contains("'dx (px)'"), missing.getMessage());
    }
}
