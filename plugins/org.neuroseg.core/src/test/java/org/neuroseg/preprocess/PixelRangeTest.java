package org.neuroseg.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.cv.OpenCvLoader;
import org.neuroseg.io.TiffVideo;
import org.neuroseg.io.TiffWriter;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;

class PixelRangeTest {

    @Test
    void rangeEqualsTheRangeOfTheConvertedFrames() throws NeurosegException, CanceledException {
        OpenCvLoader.ensureLoaded();
        for (PixelType type : PixelType.values()) {
            ArrayVideo video = randomVideo(type);
            float[] expected = convertedRange(video);
            PixelRange range = PixelRange.of(video, 2, ProgressMonitor.NONE);
            assertArrayEquals(expected, new float[] {range.min(), range.max()}, 0, type.name());
            assertEquals(0, range.nonFinitePixels());
            assertTrue(expected[0] < expected[1], type.name());
        }
    }

    @Test
    void rangeOfNoFramesIsNaN() throws NeurosegException, CanceledException {
        OpenCvLoader.ensureLoaded();
        PixelRange range = PixelRange.of(new ArrayVideo(4, 4, PixelType.UINT16, 10), 2, ProgressMonitor.NONE);
        assertTrue(Float.isNaN(range.min()) && Float.isNaN(range.max()));
    }

    @Test
    void negativeFloatsAcrossFrames() throws NeurosegException, CanceledException {
        ArrayVideo video = new ArrayVideo(1, 2, PixelType.FLOAT32, 0, new float[] {3, -2}, new float[] {9, 0});
        PixelRange range = PixelRange.of(video, 1, ProgressMonitor.NONE);
        assertArrayEquals(new float[] {-2, 9}, new float[] {range.min(), range.max()});
    }

    @Test
    void nanAndInfinitePixelsAreCountedAndLeftOutOfTheRange() throws NeurosegException, CanceledException {
        float nan = Float.NaN;
        ArrayVideo video = new ArrayVideo(2, 2, PixelType.FLOAT32, 0, new float[] {3, nan, Float.POSITIVE_INFINITY, -2},
                new float[] {nan, nan, nan, Float.NEGATIVE_INFINITY}, new float[] {5, 1, 0, nan});
        PixelRange range = PixelRange.of(video, 2, ProgressMonitor.NONE);
        assertEquals(new PixelRange(-2, 5, 1, 7, 1), range);
        assertEquals(video.source() + ": 7 of 12 pixels are NaN or infinite (1 of 3 frames have no finite pixel); "
                + "they are left out of the pixel range", range.warning(video).orElseThrow());
        assertTrue(PixelRange.of(new ArrayVideo(1, 2, PixelType.FLOAT32, 0, new float[] {3, -2}), 1,
                ProgressMonitor.NONE).warning(video).isEmpty());
    }

    /**
     * A detector that saturates piles values up at its largest level; noise alone makes the largest value rare, also
     * in frames that reach it more than once.
     */
    @Test
    void valuesPiledUpAtTheLargestAreCalledSaturated() throws NeurosegException, CanceledException {
        OpenCvLoader.ensureLoaded();
        SplittableRandom random = new SplittableRandom(3);
        float[][] clipped = new float[20][64 * 64];
        float[][] noisy = new float[20][64 * 64];
        for (int t = 0; t < clipped.length; t++) {
            for (int i = 0; i < clipped[t].length; i++) {
                noisy[t][i] = Math.round(1000 + 100 * random.nextGaussian());
                // a bright cell of 12 x 12 pixels over a 4095 ceiling: 3.5 % of the values
                boolean bright = i / 64 < 12 && i % 64 < 12;
                clipped[t][i] = bright ? 4095 : Math.min(4095, noisy[t][i]);
            }
        }
        ArrayVideo saturated = new ArrayVideo(64, 64, PixelType.UINT16, 10, clipped);
        PixelRange range = PixelRange.of(saturated, 2, ProgressMonitor.NONE);
        assertEquals(4095, range.max());
        assertEquals(20 * 144, range.atMax());
        assertTrue(range.saturated(saturated.shape()));
        assertEquals(saturated.source() + ": 3.52 % of the pixel values (2880) equal the largest, 4095: the detector "
                + "saturated or the values were clipped there, so the transients of cells in those pixels are cut "
                + "off and such cells may be missed", range.warning(saturated).orElseThrow());
        ArrayVideo unsaturated = new ArrayVideo(64, 64, PixelType.UINT16, 10, noisy);
        PixelRange noise = PixelRange.of(unsaturated, 2, ProgressMonitor.NONE);
        assertTrue(noise.atMax() >= 1 && noise.atMax() < 5, "values at the max " + noise.atMax());
        assertTrue(!noise.saturated(unsaturated.shape()) && noise.warning(unsaturated).isEmpty());
    }

    @Test
    void videoOfOnlyNanIsAnErrorNamingTheFileAndThePixels(@TempDir Path dir) throws Exception {
        float[] nan = new float[6];
        Arrays.fill(nan, Float.NaN);
        Path file = TiffWriter.write(new ArrayVideo(2, 3, PixelType.FLOAT32, 0, nan, nan.clone()),
                dir.resolve("dark.tif"), ProgressMonitor.NONE);
        try (Video video = TiffVideo.open(file)) {
            NeurosegException e = assertThrows(NeurosegException.class,
                    () -> PixelRange.of(video, 1, ProgressMonitor.NONE));
            assertEquals(file + ": all 12 pixels of the video are NaN or infinite; there is nothing to analyse",
                    e.getMessage());
        }
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
