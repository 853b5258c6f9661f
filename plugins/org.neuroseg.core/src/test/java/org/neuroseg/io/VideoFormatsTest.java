package org.neuroseg.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoWriter;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.Videos;

class VideoFormatsTest {

    @TempDir
    Path dir;

    @Test
    void listsFormatsInDetectionOrder() {
        assertEquals(List.of("TIFF image folder", "TIFF", "NeuroSeg video store", "Inscopix movie (.isxd)",
                "NWB", "text video (tests)", "HDF5", "raw binary"),
                VideoFormats.readers().stream().map(VideoReader::name).toList());
    }

    @Test
    void readerRegisteredAsServiceDetectsItsFilesByContentBeforeRaw() throws Exception {
        // the .raw name would make the raw reader claim the file if the registered reader were not asked first
        Path file = dir.resolve("movie.raw");
        Files.writeString(file, TextVideoReader.MAGIC + " 2 1 3\n1 2 3\n4 5 6\n");
        assertTrue(VideoFormats.readerFor(file, ReadOptions.NONE) instanceof TextVideoReader);
        try (Video video = VideoFormats.open(file, ReadOptions.NONE.withFormatOption("scale", "10"))) {
            assertEquals(new VideoShape(2, 1, 3, PixelType.FLOAT32), video.shape());
            assertArrayEquals(new float[][] {{10, 20, 30}, {40, 50, 60}}, TiffFixtures.readAll(video));
        }
    }

    @Test
    void formatOptionsAreKeptAndReplaced() {
        ReadOptions options = ReadOptions.raw(4, 3, PixelType.UINT8).withFormatOption("dataset", "/a")
                .withFormatOption("dataset", "/b").withByteOrder(ByteOrder.BIG_ENDIAN);
        assertEquals("/b", options.formatOption("dataset"));
        assertEquals(null, options.formatOption("absent"));
        assertEquals(ByteOrder.BIG_ENDIAN, options.byteOrder());
    }

    @Test
    void detectsTiffByItsMagicWhateverTheName() throws Exception {
        float[][] frames = TiffFixtures.randomFrames(2, 3, 4, PixelType.UINT8, 4);
        Path tiff = TiffWriter.write(new ArrayVideo(3, 4, PixelType.UINT8, 0, frames), dir.resolve("a.tif"),
                ProgressMonitor.NONE);
        Path renamed = Files.move(tiff, dir.resolve("recording.dat"));
        try (Video video = VideoFormats.open(renamed, ReadOptions.raw(4, 3, PixelType.UINT8))) {
            assertTrue(video instanceof TiffVideo);
            assertArrayEquals(frames, TiffFixtures.readAll(video));
        }
    }

    @Test
    void detectsStoreByItsMagic() throws Exception {
        float[][] frames = TiffFixtures.randomFrames(2, 3, 4, PixelType.FLOAT32, 5);
        Path store = Videos.toStore(new ArrayVideo(3, 4, PixelType.FLOAT32, 30, frames), dir.resolve("v.nsv"), null,
                ProgressMonitor.NONE);
        try (Video video = VideoFormats.open(store)) {
            assertEquals(new VideoShape(2, 3, 4, PixelType.FLOAT32), video.shape());
            assertEquals(30, video.frameRateHz());
            assertArrayEquals(frames, TiffFixtures.readAll(video));
        }
    }

    @Test
    void opensRawFileWithTheGivenLayout() throws Exception {
        float[][] frames = TiffFixtures.randomFrames(3, 2, 5, PixelType.UINT16, 6);
        ByteBuffer raw = ByteBuffer.allocate(7 + 3 * 20);
        raw.put(new byte[7]);
        for (float[] frame : frames) {
            raw.put(TiffFixtures.bytes(frame, PixelType.UINT16, ByteOrder.BIG_ENDIAN));
        }
        Path file = dir.resolve("movie.bin");
        Files.write(file, raw.array());
        ReadOptions options = ReadOptions.raw(5, 2, PixelType.UINT16).withByteOrder(ByteOrder.BIG_ENDIAN)
                .withHeaderBytes(7);
        try (Video video = VideoFormats.open(file, options)) {
            assertTrue(video instanceof FileVideo);
            assertEquals(new VideoShape(3, 2, 5, PixelType.UINT16), video.shape());
            assertArrayEquals(frames, TiffFixtures.readAll(video));
        }
    }

    @Test
    void rawExtensionWithoutLayoutAsksForIt() throws Exception {
        Path file = dir.resolve("movie.raw");
        Files.write(file, new byte[64]);
        assertError(file, ReadOptions.NONE, file + " is a raw binary file: give its width, height and pixel type");
    }

    @Test
    void tifNameThatIsNotATiffSaysWhatItStartsWith() throws Exception {
        Path file = dir.resolve("photo.tif");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        assertError(file, ReadOptions.NONE, file + " is not a TIFF file (it starts with bytes 89 50 4e 47 0d 0a 1a 0a)");
    }

    @Test
    void unknownFormatSaysWhatIsSupported() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hi");
        assertError(file, ReadOptions.NONE, file + " is in no format NeuroSeg reads (it starts with bytes 68 69)");
    }

    @Test
    void missingFileSaysFileNotFound() {
        Path file = dir.resolve("absent.tif");
        assertError(file, ReadOptions.NONE, "File not found: " + file);
    }

    @Test
    void storeWriterOutputIsNotMistakenForRaw() throws Exception {
        Path target = dir.resolve("s.nsv");
        try (VideoWriter writer = VideoStore.create(target, 2, 2, PixelType.UINT8, 0, null)) {
            writer.append(new float[] {1, 2, 3, 4});
            writer.commit();
        }
        try (Video video = VideoFormats.open(target, ReadOptions.raw(2, 2, PixelType.UINT8))) {
            assertTrue(video instanceof FileVideo);
            assertEquals(1, video.shape().frames());
        }
    }

    private static void assertError(Path file, ReadOptions options, String start) {
        NeurosegException e = assertThrows(NeurosegException.class, () -> VideoFormats.open(file, options).close());
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
