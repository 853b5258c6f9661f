package org.neuroseg.dl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;

class VideoWindowsTest {

    @Test
    void labelsAreCountedFrameByFrame() throws Exception {
        // 3 frames of 2 x 2: the top-left pixel is labelled in frame 0, the bottom-right in frame 2
        // (0.4 is not a label)
        Video labels = new ArrayVideo(2, 2, PixelType.FLOAT32, 10, new float[] {1, 0, 0, 0},
                new float[] {0, 0.4f, 0, 0}, new float[] {0, 0, 0, 1});
        VideoWindows whole = VideoWindows.random(new Random(1), 1, 2, 2, 2, false);
        float[] frame = new float[4];
        float[] counts = new float[4];
        whole.countLabelled(labels, 0, 2, frame, counts);
        assertArrayEquals(new float[] {1, 0, 0, 0}, counts, "after frames 0-1");
        whole.countLabelled(labels, 1, 2, frame, counts);
        assertArrayEquals(new float[] {1, 0, 0, 1}, counts, "frames 1-2 add the bottom-right label");
        whole.countLabelled(labels, 0, 1, frame, counts);
        assertArrayEquals(new float[] {2, 0, 0, 1}, counts, "a pixel labelled again counts twice");
    }
}
