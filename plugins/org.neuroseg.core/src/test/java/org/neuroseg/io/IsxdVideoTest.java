package org.neuroseg.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.testing.RealFiles;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;

/**
 * Reads Inscopix movies written by Inscopix's own software (../shared/data/real, from inscopix/ideas-toolbox-caiman)
 * against the same movie as TIFF, and layouts the real files do not have (lost frames, frame header and footer
 * rows, uint16) in files this test writes as the format describes.
 */
class IsxdVideoTest {

    @TempDir
    Path dir;

    @Test
    void readsInscopixMovieFrameForFrameAsItsTiff() throws Exception {
        Path isxd = RealFiles.recording("movie_part2_108x123x63.isxd");
        Path tiff = RealFiles.recording("movie_part2_108x123x63.tiff");
        assertTrue(VideoFormats.readerFor(isxd, ReadOptions.NONE) instanceof IsxdReader);
        try (Video fromIsxd = VideoFormats.open(isxd); Video fromTiff = VideoFormats.open(tiff)) {
            assertEquals(new VideoShape(63, 123, 108, PixelType.FLOAT32), fromIsxd.shape());
            assertEquals(fromTiff.shape(), fromIsxd.shape());
            assertEquals(10, fromIsxd.frameRateHz(), 1e-12);
            assertEquals(3, fromIsxd.recording().micronsPerPixel(), 1e-12);
            float[][] expected = TiffFixtures.readAll(fromTiff);
            assertArrayEquals(expected, TiffFixtures.readAll(fromIsxd));
            ByteBuffer bytes = ByteBuffer.allocate(fromIsxd.shape().bytesPerFrame()).order(ByteOrder.LITTLE_ENDIAN);
            fromIsxd.readFrameBytes(62, bytes);
            assertEquals(expected[62][123 * 108 - 1], bytes.getFloat(bytes.capacity() - 4));
        }
    }

    @Test
    void readsSecondInscopixMovieWithoutExtraProperties() throws Exception {
        try (Video video = VideoFormats.open(RealFiles.recording("movie_part3.isxd"))) {
            assertEquals(new VideoShape(34, 128, 128, PixelType.FLOAT32), video.shape());
            assertEquals(10, video.frameRateHz(), 1e-12);
            float[] last = new float[128 * 128];
            video.readFrame(33, last);
            float sum = 0;
            for (float value : last) {
                assertTrue(Float.isFinite(value));
                sum += Math.abs(value);
            }
            assertTrue(sum > 0, "the last frame holds pixels");
        }
    }

    @Test
    void detectsInscopixByContentWhateverTheName() throws Exception {
        Path file = write(dir.resolve("recording.raw"), header(0, 2, 3, 4, 1), frames(2, 12, 2));
        // the raw layout and the .raw name would make the raw reader claim the file without content detection
        assertTrue(VideoFormats.readerFor(file, ReadOptions.raw(4, 3, PixelType.UINT16)) instanceof IsxdReader);
        try (Video video = VideoFormats.open(file)) {
            assertEquals(new VideoShape(2, 3, 4, PixelType.UINT16), video.shape());
            assertEquals(20, video.frameRateHz(), 1e-12);
        }
    }

    @Test
    void lostFramesReadAsZerosAndFrameHeaderRowsAreSkipped() throws Exception {
        JsonObject header = header(0, 8, 3, 4, 1);
        JsonObject timing = header.getAsJsonObject("timingInfo");
        timing.add("dropped", numbers(1));
        timing.add("blank", numbers(6));
        JsonArray cropped = new JsonArray();
        cropped.add("3-4");
        timing.add("cropped", cropped);
        header.addProperty("fileVersion", 1);
        header.addProperty("hasFrameHeaderFooter", true);
        // 4 stored frames of 2 header rows, 3 pixel rows and 2 footer rows of 4 uint16 pixels; header and footer
        // rows hold 9999, pixels 100 x stored frame + pixel index
        ByteBuffer data = ByteBuffer.allocate(4 * 7 * 4 * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int stored = 0; stored < 4; stored++) {
            for (int row = 0; row < 7; row++) {
                for (int x = 0; x < 4; x++) {
                    boolean pixel = row >= 2 && row < 5;
                    data.putShort((short) (pixel ? 100 * stored + (row - 2) * 4 + x : 9999));
                }
            }
        }
        Path file = write(dir.resolve("lost.isxd"), header, data.array());
        try (Video video = VideoFormats.open(file)) {
            assertEquals(new VideoShape(8, 3, 4, PixelType.UINT16), video.shape());
            float[][] frames = TiffFixtures.readAll(video);
            int[] storedAt = {0, -1, 1, -1, -1, 2, -1, 3};
            for (int t = 0; t < 8; t++) {
                for (int i = 0; i < 12; i++) {
                    assertEquals(storedAt[t] < 0 ? 0 : 100 * storedAt[t] + i, frames[t][i], "frame " + t);
                }
            }
        }
    }

    @Test
    void truncatedMovieIsRefusedNamingSizes() throws Exception {
        byte[] whole = frames(3, 12, 4);
        byte[] data = Arrays.copyOf(whole, whole.length - 10);
        Path file = write(dir.resolve("cut.isxd"), header(1, 3, 3, 4, 1), data);
        NeurosegException e = assertThrows(NeurosegException.class, () -> VideoFormats.open(file));
        assertTrue(e.getMessage().startsWith(file + " is truncated: the header describes 3 frames of 3 x 4 float32"),
                e.getMessage());
        assertTrue(e.getMessage().contains("144 bytes before the header, the file holds 134"), e.getMessage());
    }

    @Test
    void movieWithoutItsHeaderIsRefusedByName() throws Exception {
        Path file = Files.write(dir.resolve("unfinished.isxd"), frames(2, 12, 4));
        NeurosegException e = assertThrows(NeurosegException.class, () -> VideoFormats.open(file));
        assertEquals(file + " is not a complete Inscopix .isxd file: it does not end with the JSON header and the"
                + " header's size that Inscopix writes last (96 bytes; a recording that was cut off before it was"
                + " closed?)", e.getMessage());
    }

    @Test
    void otherInscopixDataAndPixelTypesAreRefused() throws Exception {
        JsonObject cellSet = header(1, 2, 3, 4, 1);
        cellSet.addProperty("type", 1);
        Path cells = write(dir.resolve("cells.isxd"), cellSet, frames(2, 12, 4));
        assertTrue(assertThrows(NeurosegException.class, () -> VideoFormats.open(cells)).getMessage()
                .contains("is an Inscopix file of data set type 1, not a movie"));
        Path rgb = write(dir.resolve("rgb.isxd"), header(3, 2, 3, 4, 1), frames(2, 12, 4));
        assertTrue(assertThrows(NeurosegException.class, () -> VideoFormats.open(rgb)).getMessage()
                .contains("has Inscopix pixel type 3, which NeuroSeg does not read"));
        JsonObject missing = header(1, 2, 3, 4, 1);
        missing.remove("spacingInfo");
        Path bad = write(dir.resolve("bad.isxd"), missing, frames(2, 12, 4));
        assertTrue(assertThrows(NeurosegException.class, () -> VideoFormats.open(bad)).getMessage()
                .startsWith(bad + " has a corrupt Inscopix header: expected the fields"));
    }

    /** @return a movie header as Inscopix writes it, frame period 1/20 s, 2 µm pixels */
    private static JsonObject header(int dataType, int frames, int height, int width, int fileVersion) {
        JsonObject header = new JsonObject();
        header.addProperty("type", 0);
        header.addProperty("dataType", dataType);
        header.addProperty("fileVersion", fileVersion);
        header.addProperty("hasFrameHeaderFooter", false);
        JsonObject spacing = new JsonObject();
        JsonObject pixels = new JsonObject();
        pixels.addProperty("x", width);
        pixels.addProperty("y", height);
        spacing.add("numPixels", pixels);
        JsonObject size = new JsonObject();
        size.add("x", ratio(2, 1));
        size.add("y", ratio(2, 1));
        spacing.add("pixelSize", size);
        header.add("spacingInfo", spacing);
        JsonObject timing = new JsonObject();
        timing.addProperty("numTimes", frames);
        timing.add("period", ratio(50, 1000));
        timing.add("dropped", new JsonArray());
        timing.add("cropped", new JsonArray());
        timing.add("blank", new JsonArray());
        header.add("timingInfo", timing);
        return header;
    }

    private static JsonObject ratio(int num, int den) {
        JsonObject ratio = new JsonObject();
        ratio.addProperty("num", num);
        ratio.addProperty("den", den);
        return ratio;
    }

    private static JsonArray numbers(int... values) {
        JsonArray array = new JsonArray();
        for (int value : values) {
            array.add(value);
        }
        return array;
    }

    private static byte[] frames(int frames, int pixels, int bytesPerPixel) {
        byte[] data = new byte[frames * pixels * bytesPerPixel];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 7);
        }
        return data;
    }

    /** Writes frames, the JSON header, a zero byte and the header's length, as Inscopix's software does. */
    private static Path write(Path file, JsonObject header, byte[] data) throws Exception {
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(data);
        out.write(json);
        out.write(0);
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
        return Files.write(file, out.toByteArray());
    }
}
