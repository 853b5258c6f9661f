package org.neuroseg.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;

class TiffWriterTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(PixelType.class)
    void roundTripKeepsPixelsTypeAndFrameRate(PixelType type) throws Exception {
        float[][] frames = TiffFixtures.randomFrames(4, 21, 33, type, 1);
        Path file = TiffWriter.write(new ArrayVideo(21, 33, type, 12.5, frames), dir.resolve("out.tif"),
                ProgressMonitor.NONE);
        assertEquals(42, header(file).getShort(2), "classic TIFF");
        try (TiffVideo video = TiffVideo.open(file)) {
            assertEquals(new VideoShape(4, 21, 33, type), video.shape());
            assertEquals(12.5, video.frameRateHz(), 1e-9);
            assertTrue(video.description().startsWith("ImageJ=1.11a\nimages=4\nframes=4\nfinterval=0.08\n"),
                    video.description());
            assertArrayEquals(frames, TiffFixtures.readAll(video));
        }
        assertArrayEquals(frames, TiffFixtures.readWithTwelveMonkeys(file));
    }

    @Test
    void writesBigTiffAboveThresholdThatTwelveMonkeysReadsToo() throws Exception {
        float[][] frames = TiffFixtures.randomFrames(3, 10, 12, PixelType.UINT16, 2);
        Path file = TiffWriter.write(new ArrayVideo(10, 12, PixelType.UINT16, 0, frames), dir.resolve("big.tif"),
                ProgressMonitor.NONE, 500);
        ByteBuffer header = header(file);
        assertEquals(43, header.getShort(2), "BigTIFF");
        assertEquals(8, header.getShort(4));
        try (TiffVideo video = TiffVideo.open(file)) {
            assertEquals(new VideoShape(3, 10, 12, PixelType.UINT16), video.shape());
            assertEquals(0, video.frameRateHz());
            assertArrayEquals(frames, TiffFixtures.readAll(video));
        }
        assertArrayEquals(frames, TiffFixtures.readWithTwelveMonkeys(file));
    }

    @Test
    void streamingWriterAppendsFramesAndCommitsAtomically() throws Exception {
        Path target = dir.resolve("sub/stream.tif");
        float[][] frames = TiffFixtures.randomFrames(2, 3, 5, PixelType.FLOAT32, 3);
        try (TiffWriter writer = TiffWriter.create(target, 3, 5, PixelType.FLOAT32, 0)) {
            writer.append(frames[0]);
            writer.append(frames[1]);
            assertEquals(2, writer.shape().frames());
            assertFalse(Files.exists(target));
            assertEquals(target.toAbsolutePath(), writer.commit());
        }
        assertFalse(Files.exists(dir.resolve("sub/stream.tif.part")));
        try (Video video = VideoFormats.open(target)) {
            assertArrayEquals(frames, TiffFixtures.readAll(video));
        }
    }

    @Test
    void leavesNoFileWhenTheSourceFailsMidway() {
        Video failing = new Video() {
            @Override
            public VideoShape shape() {
                return new VideoShape(5, 4, 4, PixelType.UINT8);
            }

            @Override
            public RecordingInfo recording() {
                return RecordingInfo.ofFrameRate(0);
            }

            @Override
            public void readFrameBytes(int index, ByteBuffer target) throws NeurosegException {
                if (index == 2) {
                    throw new NeurosegException("source broke at frame 2");
                }
                target.put(new byte[16]);
            }
        };
        Path target = dir.resolve("failed.tif");
        NeurosegException e = assertThrows(NeurosegException.class,
                () -> TiffWriter.write(failing, target, ProgressMonitor.NONE));
        assertEquals("source broke at frame 2", e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(dir.resolve("failed.tif.part")));
    }

    @Test
    void committingWithoutFramesFailsAndLeavesNoFile() throws Exception {
        Path target = dir.resolve("empty.tif");
        try (TiffWriter writer = TiffWriter.create(target, 2, 2, PixelType.UINT8, 0)) {
            NeurosegException e = assertThrows(NeurosegException.class, writer::commit);
            assertTrue(e.getMessage().contains("at least one frame"), e.getMessage());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void writesLabelImageAsSixteenBitSinglePage() throws Exception {
        float[] labels = {0, 1, 2, 65535, 300, 0};
        Path file = TiffWriter.writeLabelImage(dir.resolve("labels.tif"), labels, 2, 3);
        try (TiffVideo video = TiffVideo.open(file)) {
            assertEquals(new VideoShape(1, 2, 3, PixelType.UINT16), video.shape());
            assertArrayEquals(new float[][] {labels}, TiffFixtures.readAll(video));
        }
    }

    @Test
    void rejectsLabelsOutsideSixteenBitsNamingThePixel() {
        Path file = dir.resolve("bad-labels.tif");
        NeurosegException tooLarge = assertThrows(NeurosegException.class,
                () -> TiffWriter.writeLabelImage(file, new float[] {0, 70000, 1, 2}, 2, 2));
        assertTrue(tooLarge.getMessage().contains("pixel (y 0, x 1) has label 70000"), tooLarge.getMessage());
        NeurosegException negative = assertThrows(NeurosegException.class,
                () -> TiffWriter.writeLabelImage(file, new float[] {0, 1, -1, 2}, 2, 2));
        assertTrue(negative.getMessage().contains(file.toString()), negative.getMessage());
        assertTrue(negative.getMessage().contains("(y 1, x 0) has label -1"), negative.getMessage());
        assertFalse(Files.exists(file));
    }

    private static ByteBuffer header(Path file) throws IOException {
        byte[] head = new byte[16];
        System.arraycopy(Files.readAllBytes(file), 0, head, 0, 16);
        assertEquals('I', head[0]);
        return ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
    }
}
