package org.neuroseg.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.neuroseg.metrics.Shapes;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;

/** When Activity Validation's yield says that the segmentation marked noise. */
class ValidationYieldTest {

    /** Disks of radius 4 (49 px) on a grid every {@code step} px of a 100 x 100 frame. */
    private static RoiSet grid(int step) {
        List<Roi> rois = new ArrayList<>();
        for (int y = 5; y < 96; y += step) {
            for (int x = 5; x < 96; x += step) {
                rois.add(Shapes.disk(rois.size() + 1, y, x, 4));
            }
        }
        return new RoiSet(100, 100, rois);
    }

    @Test
    void manyRejectedRegionsOverMuchOfTheFrameWarnWithTheCounts() {
        RoiSet dense = grid(10);
        assertEquals(100, dense.size());
        Optional<String> hint = ValidationYield.hint(dense, 12);
        assertTrue(hint.isPresent());
        assertTrue(hint.get().contains("kept 12 of 100 candidate regions, which cover 49 % of the frame"), hint.get());
    }

    @Test
    void aDenseFieldThatValidationConfirmsDoesNotWarn() {
        assertTrue(ValidationYield.hint(grid(10), 85).isEmpty());
    }

    @Test
    void aQuietRecordingWhoseFewCandidatesAreRejectedDoesNotWarn() {
        RoiSet sparse = grid(30);
        assertEquals(16, sparse.size());
        assertTrue(ValidationYield.hint(sparse, 0).isEmpty());
    }

    @Test
    void noCandidatesDoNotWarn() {
        assertTrue(ValidationYield.hint(new RoiSet(100, 100, List.of()), 0).isEmpty());
    }
}
