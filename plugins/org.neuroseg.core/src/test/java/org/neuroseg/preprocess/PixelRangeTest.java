package org.neuroseg.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroseg.NeurosegException;
import org.neuroseg.cv.OpenCvLoader;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;

class PixelRangeTest {

    @Test
    void rangeEqualsTheRangeOfTheConvertedFrames() throws NeurosegException, CanceledException {
        OpenCvLoader.ensureLoaded();
        for (PixelType type : PixelType.values()) {
            ArrayVideo video = randomVideo(type);
            float[] expected = convertedRange(video);
            assertArrayEquals(expected, PixelRange.of(video, 2, ProgressMonitor.NONE), 0, type.name());
            assertTrue(expected[0] < expected[1], type.name());
        }
    }

    @Test
    void rangeOfNoFramesIsNaN() throws NeurosegException, CanceledException {
        OpenCvLoader.ensureLoaded();
        float[] range = PixelRange.of(new ArrayVideo(4, 4, PixelType.UINT16, 10), 2, ProgressMonitor.NONE);
        assertTrue(Float.isNaN(range[0]) && Float.isNaN(range[1]));
    }

    @Test
    void negativeFloatsAcrossFrames() throws NeurosegException, CanceledException {
        ArrayVideo video = new ArrayVideo(1, 2, PixelType.FLOAT32, 0, new float[] {3, -2}, new float[] {9, 0});
        assertArrayEquals(new float[] {-2, 9}, PixelRange.of(video, 1, ProgressMonitor.NONE));
    }

    private static float[] convertedRange(ArrayVideo video) throws NeurosegException {
        float[] range = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        float[] frame = new float[video.shape().pixelsPerFrame()];
        for (int t = 0; t < video.shape().frames(); t++) {
            video.readFrame(t, frame);
            for (float value : frame) {
                range[0] = Math.min(range[0], value);
                range[1] = Math.max(range[1], value);
            }
        }
        return range;
    }

    private static ArrayVideo randomVideo(PixelType type) {
        SplittableRandom random = new SplittableRandom(11);
        float[][] frames = new float[17][6 * 5];
        for (float[] frame : frames) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = (float) random.nextDouble(3, Math.min(250, type.maxValue()));
            }
        }
        // One extreme in a late frame and one in an early frame, so every frame must be looked at.
        frames[15][7] = 1;
        frames[2][29] = 254;
        return new ArrayVideo(6, 5, type, 10, frames);
    }
}
