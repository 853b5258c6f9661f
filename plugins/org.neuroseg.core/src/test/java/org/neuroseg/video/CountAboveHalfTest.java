package org.neuroseg.video;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.neuroseg.stage.ProgressMonitor;

/** {@link Videos#countAboveHalf}: the marked pixels of a mask or probability video, over all frames. */
class CountAboveHalfTest {

    @Test
    void countsThePixelsAboveOneHalfInEveryFrameAndNotThoseAtIt() throws Exception {
        Video probabilities = new ArrayVideo(2, 2, PixelType.FLOAT32, 10,
                new float[] {0.9f, 0.5f, 0.1f, 0.51f}, new float[] {1, 1, 0, 0.49f}, new float[] {0, 0, 0, 0});
        assertEquals(4, Videos.countAboveHalf(probabilities, ProgressMonitor.NONE));
    }
}
