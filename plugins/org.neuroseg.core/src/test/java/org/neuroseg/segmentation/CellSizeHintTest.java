package org.neuroseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.video.RecordingInfo;

class CellSizeHintTest {

    /** @return square ROIs of the given sides, side by side in one row of a 20 x 100 frame */
    private static RoiSet squares(int... sides) {
        List<Roi> rois = new ArrayList<>();
        int left = 0;
        for (int side : sides) {
            int[] rows = new int[side * side];
            int[] cols = new int[side * side];
            for (int i = 0; i < side * side; i++) {
                rows[i] = i / side;
                cols[i] = left + i % side;
            }
            rois.add(new Roi(rois.size() + 1, rows, cols));
            left += side + 1;
        }
        return new RoiSet(20, 100, rois);
    }

    @Test
    void theMedianCellIsMeasuredAsADiskOfItsArea() {
        assertEquals(2 * Math.sqrt(100 / Math.PI), squares(2, 10, 14).medianDiameterPx(), 1e-9);
        assertTrue(Double.isNaN(squares().medianDiameterPx()));
    }

    @Test
    void aHintOnlyWhenTheDiameterWasAssumedAndTheCellsFoundDiffer() {
        RoiSet large = squares(11, 11, 12); // disks of about 12.4 px, more than 1.5 times the assumed 8
        RecordingInfo unknown = new RecordingInfo(10, 0, 0);
        String hint = CellSizeHint.of(unknown, large, "--cell-diameter-px").orElseThrow();
        assertTrue(hint.contains("assumed to be 8 px") && hint.contains("measure 12.4 px")
                && hint.contains("(--cell-diameter-px)"), hint);
        assertTrue(CellSizeHint.of(new RecordingInfo(10, 0, 8), large, "x").isEmpty(),
                "a diameter given is not second-guessed");
        assertTrue(CellSizeHint.of(unknown, squares(9, 9, 9), "x").isEmpty(), "10.2 px is near enough 8");
        assertTrue(CellSizeHint.of(unknown, squares(4, 4, 4), "x").isPresent(), "4.5 px is not");
        assertTrue(CellSizeHint.of(unknown, squares(), "x").isEmpty(), "nothing found, nothing to say");
    }
}
