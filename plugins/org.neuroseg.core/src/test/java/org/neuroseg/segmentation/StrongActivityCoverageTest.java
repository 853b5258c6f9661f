package org.neuroseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** When {@link StrongActivityCoverage} warns that a network misses a recording's strong activity. */
class StrongActivityCoverageTest {

    private static final int SIDE = 64;

    /**
     * Frames of Gaussian noise with a bright 4 x 4 spot firing in every fifth frame; the network marks the spot in
     * {@code markedFrames} of every 10 firing frames, and always marks a patch of noise elsewhere.
     */
    private static StrongActivityCoverage coverage(int markedFrames) {
        Random random = new Random(1);
        StrongActivityCoverage coverage = new StrongActivityCoverage();
        int firing = 0;
        for (int t = 0; t < 200; t++) {
            float[] activity = new float[SIDE * SIDE];
            float[] probability = new float[SIDE * SIDE];
            for (int i = 0; i < activity.length; i++) {
                activity[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < 16; i++) {
                probability[40 * SIDE + 40 + i] = 0.9f;
            }
            if (t % 5 == 0) {
                boolean marked = firing++ % 10 < markedFrames;
                for (int r = 10; r < 14; r++) {
                    for (int c = 10; c < 14; c++) {
                        activity[r * SIDE + c] = 8;
                        probability[r * SIDE + c] = marked ? 0.8f : 0.1f;
                    }
                }
            }
            coverage.push(activity, 1, probability);
        }
        return coverage;
    }

    @Test
    void aNetworkThatMarksTheStrongActivityEarnsNoWarning() {
        StrongActivityCoverage coverage = coverage(7);
        assertEquals(0.7, coverage.markedShare(), 0.01);
        assertEquals(Optional.empty(), coverage.hint());
    }

    @Test
    void aNetworkThatMissesTheStrongActivityIsReportedWithTheWayOut() {
        StrongActivityCoverage coverage = coverage(1);
        assertEquals(0.1, coverage.markedShare(), 0.01);
        String hint = coverage.hint().orElseThrow();
        assertTrue(hint.startsWith("The U-Net marks 10 % of the strongly active pixels"), hint);
        assertTrue(hint.contains("neuroseg train"), hint);
        // after self-training on the recording, the advice is to look at what it learned from
        String selfTrained = coverage.selfTrainingHint().orElseThrow();
        assertTrue(selfTrained.startsWith("The self-trained U-Net marks 10 % of the strongly active pixels"),
                selfTrained);
        assertTrue(selfTrained.contains("training report") && !selfTrained.contains("neuroseg train"), selfTrained);
        assertEquals(Optional.empty(), coverage(7).selfTrainingHint());
    }

    /** The middle plane of a frame with context is the frame; counts of separate counters add up. */
    @Test
    void readsTheMiddlePlaneAndAddsCounters() {
        float[] probability = {0.9f, 0.1f};
        StrongActivityCoverage whole = new StrongActivityCoverage();
        whole.push(new float[] {0, 0, 6, 6, 0, 0}, 3, probability);
        assertEquals(0.5, whole.markedShare());
        StrongActivityCoverage other = new StrongActivityCoverage();
        other.push(new float[] {6, 0}, 1, probability);
        whole.add(other);
        assertEquals(2 / 3.0, whole.markedShare(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> whole.push(new float[6], 2, probability));
    }

    @Test
    void tooLittleStrongActivityIsNotJudged() {
        StrongActivityCoverage coverage = new StrongActivityCoverage();
        for (int t = 0; t < 100; t++) {
            float[] activity = new float[SIDE * SIDE];
            activity[0] = t == 0 ? 9 : 0;
            coverage.push(activity, 1, new float[SIDE * SIDE]);
        }
        assertEquals(0, coverage.markedShare());
        assertEquals(Optional.empty(), coverage.hint());
        assertTrue(Double.isNaN(new StrongActivityCoverage().markedShare()));
        assertThrows(IllegalArgumentException.class, () -> coverage.push(new float[4], 1, new float[5]));
    }
}
