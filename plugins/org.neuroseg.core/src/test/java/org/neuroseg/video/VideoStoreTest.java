package org.neuroseg.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ProgressMonitor;

class VideoStoreTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsEveryPixelTypeWithMetadata() throws Exception {
        for (PixelType type : PixelType.values()) {
            Path file = dir.resolve(type + VideoStore.EXTENSION);
            float[][] frames = {{0, 1, 2, 250, 7, 9}, {3, 4, 5, 6, 200, 11}, {12, 13, 14, 15, 16, 17}};
            try (VideoWriter writer = VideoStore.create(file, 2, 3, type, 12.5, "{\"source\":\"test\"}")) {
                for (float[] frame : frames) {
                    writer.append(frame);
                }
                writer.commit();
            }
            try (FileVideo video = VideoStore.open(file)) {
                assertEquals(new VideoShape(3, 2, 3, type), video.shape());
                assertEquals(12.5, video.frameRateHz());
                assertEquals("{\"source\":\"test\"}", video.metadataJson());
                float[] frame = new float[6];
                for (int t = 0; t < 3; t++) {
                    video.readFrame(t, frame);
                    assertArrayEquals(frames[t], frame, type + " frame " + t);
                }
            }
        }
    }

    @Test
    void roundTripsChannelsAndRecordingFacts() throws Exception {
        Path file = dir.resolve("two-channels.nsv");
        RecordingInfo recording = new RecordingInfo(30, 1.46, 11.5);
        // frame t: channel 0 holds 10 t + i, channel 1 holds -(10 t + i), for pixel i of 2 x 3
        float[][] frames = new float[4][12];
        for (int t = 0; t < frames.length; t++) {
            for (int i = 0; i < 6; i++) {
                frames[t][i] = 10 * t + i;
                frames[t][6 + i] = -(10 * t + i);
            }
        }
        try (VideoWriter writer = VideoStore.create(file, new VideoShape(0, 2, 2, 3, PixelType.FLOAT32), recording,
                null)) {
            for (float[] frame : frames) {
                writer.append(frame);
            }
            writer.commit();
        }
        try (FileVideo video = VideoStore.open(file)) {
            assertEquals(new VideoShape(4, 2, 2, 3, PixelType.FLOAT32), video.shape());
            assertEquals(recording, video.recording());
            assertEquals(30, video.frameRateHz());
            float[] frame = new float[12];
            video.readFrame(2, frame);
            assertArrayEquals(frames[2], frame);
            float[] plane = new float[6];
            video.readChannel(3, 1, plane);
            assertArrayEquals(new float[] {-30, -31, -32, -33, -34, -35}, plane);
            video.readChannel(1, 0, plane);
            assertArrayEquals(new float[] {10, 11, 12, 13, 14, 15}, plane);
            assertThrows(IndexOutOfBoundsException.class, () -> video.readChannel(0, 2, new float[6]));
            // a heap copy keeps channels and recording, and reads planes the same way
            ArrayVideo copy = new ArrayVideo(video.shape(), video.recording(), frames);
            copy.readChannel(3, 1, plane);
            assertArrayEquals(new float[] {-30, -31, -32, -33, -34, -35}, plane);
            Path again = Videos.toStore(copy, dir.resolve("copy.nsv"), null, ProgressMonitor.NONE);
            try (FileVideo reread = VideoStore.open(again)) {
                assertEquals(video.shape(), reread.shape());
                assertEquals(recording, reread.recording());
            }
        }
    }

    @Test
    void readsStoresOfFormatVersionOne() throws Exception {
        // Bytes as NeuroSeg's version 1 writer laid them out: 52 fixed header bytes (bytes 36-39 reserved, metadata
        // length at 48), metadata at 52, frames at 4096.
        Path file = dir.resolve("version1.nsv");
        byte[] metadata = "{\"source\":\"old\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(4096 + 2 * 2 * 3 * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put("NSVIDEO\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(1).putInt(4096).putLong(2)
                .putInt(2).putInt(3).putInt(PixelType.UINT16.code()).putInt(0).putDouble(7.5).putInt(metadata.length)
                .put(metadata);
        bytes.position(4096);
        for (int i = 0; i < 12; i++) {
            bytes.putShort((short) (100 + i));
        }
        Files.write(file, bytes.array());
        try (FileVideo video = VideoStore.open(file)) {
            assertEquals(new VideoShape(2, 1, 2, 3, PixelType.UINT16), video.shape());
            assertEquals(RecordingInfo.ofFrameRate(7.5), video.recording());
            assertEquals("{\"source\":\"old\"}", video.metadataJson());
            float[] frame = new float[6];
            video.readFrame(1, frame);
            assertArrayEquals(new float[] {106, 107, 108, 109, 110, 111}, frame);
        }
    }

    @Test
    void refusesStoresOfAnUnknownVersionNamingIt() throws Exception {
        Path file = dir.resolve("future.nsv");
        try (VideoWriter writer = VideoStore.create(file, 2, 2, PixelType.UINT8, 0, null)) {
            writer.append(new float[4]);
            writer.commit();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(8);
            raf.write(new byte[] {9, 0, 0, 0});
        }
        NeurosegException error = assertThrows(NeurosegException.class, () -> VideoStore.open(file));
        assertTrue(error.getMessage().contains("format version 9"), error.getMessage());
    }

    @Test
    void integerTypesRoundAndClamp() throws Exception {
        Path file = dir.resolve("clamp.nsv");
        try (VideoWriter writer = VideoStore.create(file, 1, 5, PixelType.UINT16, 0, null)) {
            writer.append(new float[] {-3f, 1.6f, 70000f, Float.NaN, 65535f});
            writer.commit();
        }
        float[] frame = new float[5];
        try (FileVideo video = VideoStore.open(file)) {
            video.readFrame(0, frame);
        }
        assertArrayEquals(new float[] {0, 2, 65535, 0, 65535}, frame);
    }

    @Test
    void framesAreRandomAccessInAnyOrder() throws Exception {
        // 1 MB frames, 600 MB in all, read out of order.
        int side = 512;
        Path file = dir.resolve("windows.nsv");
        float[] frame = new float[side * side];
        try (VideoWriter writer = VideoStore.create(file, side, side, PixelType.FLOAT32, 0, null)) {
            for (int t = 0; t < 600; t++) {
                frame[0] = t;
                frame[frame.length - 1] = -t;
                writer.append(frame);
            }
            writer.commit();
        }
        try (FileVideo video = VideoStore.open(file)) {
            for (int t : new int[] {599, 0, 256, 255, 511, 512, 17}) {
                video.readFrame(t, frame);
                assertEquals(t, frame[0]);
                assertEquals(-t, frame[frame.length - 1]);
            }
            assertThrows(IndexOutOfBoundsException.class, () -> video.readFrame(600, new float[side * side]));
        }
    }

    @Test
    void readsBeyondFourGigabytesWithLongOffsets() throws Exception {
        // A sparse 4.3 GB store: only the header and the last frame are written, the rest are holes (zeros).
        int side = 1024;
        int frameBytes = side * side * 2;
        int frames = (int) ((4L << 30) / frameBytes) + 50;
        Path file = dir.resolve("big.nsv");
        ByteBuffer header = VideoStore.encodeHeader(new VideoShape(frames, side, side, PixelType.UINT16),
                RecordingInfo.ofFrameRate(10), "{}");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.getChannel().write(header, 0);
            ByteBuffer last = ByteBuffer.allocate(frameBytes).order(ByteOrder.LITTLE_ENDIAN);
            last.putShort(0, (short) 4321).putShort(frameBytes - 2, (short) 60000);
            raf.getChannel().write(last, header.capacity() + (long) (frames - 1) * frameBytes);
        }
        try (FileVideo video = VideoStore.open(file)) {
            assertTrue(video.shape().totalBytes() > (4L << 30));
            float[] frame = new float[side * side];
            video.readFrame(frames - 1, frame);
            assertEquals(4321, frame[0]);
            assertEquals(60000, frame[frame.length - 1]);
            video.readFrame(frames / 2, frame);
            assertEquals(0, frame[0]);
        }
    }

    @Test
    void truncatedStoreIsRefusedWithFileName() throws Exception {
        Path file = dir.resolve("cut.nsv");
        try (VideoWriter writer = VideoStore.create(file, 4, 4, PixelType.UINT16, 0, null)) {
            writer.append(new float[16]);
            writer.append(new float[16]);
            writer.commit();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() - 5);
        }
        NeurosegException error = assertThrows(NeurosegException.class, () -> VideoStore.open(file));
        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("truncated"), error.getMessage());
    }

    @Test
    void storeTruncatedWhileOpenFailsOnTheMissingFrameWithFileName() throws Exception {
        Path file = dir.resolve("cut-later.nsv");
        try (VideoWriter writer = VideoStore.create(file, 4, 4, PixelType.UINT16, 0, null)) {
            writer.append(new float[16]);
            float[] second = new float[16];
            java.util.Arrays.fill(second, 7);
            writer.append(second);
            writer.commit();
        }
        try (FileVideo video = VideoStore.open(file)) {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(raf.length() - 5);
            }
            float[] frame = new float[16];
            video.readFrame(0, frame);
            assertEquals(0, frame[0]);
            NeurosegException error = assertThrows(NeurosegException.class, () -> video.readFrame(1, frame));
            assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
            assertTrue(error.getMessage().contains("truncated while being read"), error.getMessage());
        }
    }

    @Test
    void otherFilesAreNotTakenForStores() throws Exception {
        Path file = dir.resolve("notes.nsv");
        Files.writeString(file, "hello, this is not a video at all, but it is long enough to hold a header.....");
        assertFalse(VideoStore.isStore(file));
        NeurosegException error = assertThrows(NeurosegException.class, () -> VideoStore.open(file));
        assertTrue(error.getMessage().contains("not a NeuroSeg video store"), error.getMessage());
        NeurosegException missing = assertThrows(NeurosegException.class,
                () -> VideoStore.open(dir.resolve("missing.nsv")));
        assertTrue(missing.getMessage().startsWith("File not found"), missing.getMessage());
    }

    @Test
    void uncommittedWriterLeavesNothingBehind() throws Exception {
        Path file = dir.resolve("aborted.nsv");
        try (VideoWriter writer = VideoStore.create(file, 2, 2, PixelType.UINT8, 0, null)) {
            writer.append(new float[4]);
        }
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(), listing.toList());
        }
    }

    @Test
    void cancellationDuringConversionLeavesNothingBehind() throws Exception {
        float[][] frames = new float[10][4];
        ArrayVideo source = new ArrayVideo(2, 2, PixelType.UINT16, 0, frames);
        List<Double> seen = new ArrayList<>();
        ProgressMonitor cancelAfterThree = new ProgressMonitor() {
            @Override
            public void setProgress(double fraction, String message) {
                seen.add(fraction);
            }

            @Override
            public void checkCanceled() throws CanceledException {
                if (seen.size() >= 3) {
                    throw new CanceledException();
                }
            }
        };
        assertThrows(CanceledException.class,
                () -> Videos.toStore(source, dir.resolve("canceled.nsv"), null, cancelAfterThree));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(), listing.toList());
        }
    }

    @Test
    void rawBigEndianFramesReadAsLittleEndianBytes() throws Exception {
        Path file = dir.resolve("frames.raw");
        ByteBuffer raw = ByteBuffer.allocate(2 * 2 * 3 * 2 + 8).order(ByteOrder.BIG_ENDIAN);
        raw.putLong(0xDEADBEEFL);
        for (int i = 0; i < 12; i++) {
            raw.putShort((short) (1000 * i + 1));
        }
        Files.write(file, raw.array());
        try (FileVideo video = FileVideo.openRaw(file, 2, 3, PixelType.UINT16, ByteOrder.BIG_ENDIAN, 8)) {
            assertEquals(new VideoShape(2, 2, 3, PixelType.UINT16), video.shape());
            ByteBuffer bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            video.readFrameBytes(1, bytes);
            assertEquals(6001, bytes.getShort(0));
            assertEquals(11001, bytes.getShort(10));
        }
        NeurosegException wrongSize = assertThrows(NeurosegException.class,
                () -> FileVideo.openRaw(file, 5, 5, PixelType.UINT16, ByteOrder.BIG_ENDIAN, 0));
        assertTrue(wrongSize.getMessage().contains("not a whole number"), wrongSize.getMessage());
    }

    @Test
    void chunksCoverEveryFrameOnceInOrder() throws Exception {
        float[][] frames = new float[7][1];
        for (int t = 0; t < 7; t++) {
            frames[t][0] = t;
        }
        List<Float> visited = new ArrayList<>();
        Videos.forEachChunk(new ArrayVideo(1, 1, PixelType.FLOAT32, 0, frames), 3, (first, count, chunk) -> {
            for (int i = 0; i < count; i++) {
                assertEquals(first + i, chunk[i][0]);
                visited.add(chunk[i][0]);
            }
        }, ProgressMonitor.NONE);
        assertEquals(List.of(0f, 1f, 2f, 3f, 4f, 5f, 6f), visited);
    }
}
