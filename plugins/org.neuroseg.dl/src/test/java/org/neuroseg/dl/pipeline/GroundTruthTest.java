package org.neuroseg.dl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.roi.NeurofinderRegions;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.MotionShifts;

class GroundTruthTest {

    @TempDir
    Path dir;

    @Test
    void movesTheTruthByTheRoundedMeanDifferenceOfEstimatedAndTrueShifts() throws Exception {
        Path rois = dir.resolve("truth.json");
        NeurofinderRegions.write(rois, new RoiSet(32, 32, List.of(new Roi(1, new int[] {10, 10, 11},
                new int[] {5, 6, 5}))));
        Path shifts = Files.writeString(dir.resolve("shifts.csv"), "frame,dx,dy\n0,0.5,3.0\n1,1.5,2.0\n2,1.0,2.5\n");
        // Estimated minus true shifts: (dx, dy) = (-2.2, 1.1) on average.
        MotionShifts estimated = new MotionShifts(new double[] {-1.7, -0.7, -1.2}, new double[] {4.1, 3.1, 3.6},
                new double[3], new int[3], new double[3], new double[3]);
        GroundTruth.Aligned aligned = new GroundTruth(rois, shifts).read(32, 32, estimated);
        assertEquals(-1, aligned.rowsMoved());
        assertEquals(2, aligned.columnsMoved());
        Roi moved = aligned.rois().rois().get(0);
        assertEquals(List.of(9, 9, 10), java.util.Arrays.stream(moved.rows()).boxed().toList());
        assertEquals(List.of(7, 8, 7), java.util.Arrays.stream(moved.cols()).boxed().toList());

        GroundTruth.Aligned unmoved = new GroundTruth(rois, null).read(32, 32, estimated);
        assertEquals(0, unmoved.rowsMoved());
        assertEquals(10, unmoved.rois().rois().get(0).rows()[0]);
    }

    @Test
    void shiftsOfAnotherLengthAreRefusedNamingTheFile() throws Exception {
        Path rois = dir.resolve("truth.json");
        NeurofinderRegions.write(rois, new RoiSet(32, 32, List.of()));
        Path shifts = Files.writeString(dir.resolve("shifts.csv"), "frame,dx,dy\n0,0.5,3.0\n");
        NeurosegException error = assertThrows(NeurosegException.class, () -> new GroundTruth(rois, shifts)
                .check(5, 32, 32));
        assertTrue(error.getMessage().contains(shifts.toString()), error.getMessage());
    }
}
