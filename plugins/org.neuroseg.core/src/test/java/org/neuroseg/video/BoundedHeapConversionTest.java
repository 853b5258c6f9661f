package org.neuroseg.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.io.TiffVideo;
import org.neuroseg.io.TiffWriter;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.RecordingInfo;

/**
 * Runs in its own surefire execution with -Xmx64m (see the module's pom): a paper-sized video (3600 x 512 x 512
 * uint16, 1.9 GB) converts and reads back through a heap thirty times smaller than the video, from a generator and
 * from a multi-page TIFF.
 */
@Tag("bounded-heap")
class BoundedHeapConversionTest {

    @TempDir
    Path dir;

    @Test
    void paperSizedVideoConvertsAndReadsBackUnderSmallHeap() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertTrue(maxHeap <= 80L << 20, "this test must run with -Xmx64m, heap is " + (maxHeap >> 20) + " MB");
        PatternVideo source = new PatternVideo(3600, 512, 512);
        assertTrue(source.shape().totalBytes() > 20 * maxHeap);

        Path store = Videos.toStore(source, dir.resolve("long.nsv"), null, ProgressMonitor.NONE);

        try (FileVideo video = VideoStore.open(store)) {
            assertEquals(source.shape(), video.shape());
            float[] frame = new float[512 * 512];
            for (int t = 0; t < 3600; t++) {
                video.readFrame(t, frame);
                for (int i : new int[] {0, 1234, frame.length - 1}) {
                    assertEquals(PatternVideo.value(t, i), frame[i], "frame " + t + " pixel " + i);
                }
            }
        }
    }

    @Test
    void paperSizedTiffConvertsToStoreUnderSmallHeap() throws Exception {
        PatternVideo source = new PatternVideo(3600, 512, 512);
        Path tiff = TiffWriter.write(source, dir.resolve("long.tif"), ProgressMonitor.NONE);
        try (TiffVideo video = TiffVideo.open(tiff)) {
            assertEquals(source.shape(), video.shape());
            Path store = Videos.toStore(video, dir.resolve("from-tiff.nsv"), null, ProgressMonitor.NONE);
            try (FileVideo copy = VideoStore.open(store)) {
                float[] frame = new float[512 * 512];
                for (int t : new int[] {0, 1, 1799, 3599}) {
                    copy.readFrame(t, frame);
                    assertEquals(PatternVideo.value(t, 777), frame[777], "frame " + t);
                }
            }
        }
    }

    /** A video computed on the fly: pixel i of frame t is (t * 31 + i) mod 65536. */
    private record PatternVideo(VideoShape shape) implements Video {
        PatternVideo(int frames, int height, int width) {
            this(new VideoShape(frames, height, width, PixelType.UINT16));
        }

        static int value(int t, int i) {
            return (t * 31 + i) & 0xFFFF;
        }

        @Override
        public RecordingInfo recording() {
            return RecordingInfo.ofFrameRate(10);
        }

        @Override
        public void readFrameBytes(int index, ByteBuffer target) {
            for (int i = 0; i < shape.pixelsPerFrame(); i++) {
                target.putShort((short) value(index, i));
            }
        }
    }
}
