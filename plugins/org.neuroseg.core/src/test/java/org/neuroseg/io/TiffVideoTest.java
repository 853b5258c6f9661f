package org.neuroseg.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuroseg.NeurosegException;
import org.neuroseg.io.TiffFixtures.Page;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.VideoShape;

class TiffVideoTest {

    private static final int HEIGHT = 70;
    private static final int WIDTH = 150;

    @TempDir
    Path dir;

    @Test
    void readsImageJMultiPageStackLikeTwelveMonkeys() throws Exception {
        Path file = TiffFixtures.realFile("imagej-2p-20x128x256.tif");
        float[][] expected = TiffFixtures.readWithTwelveMonkeys(file);
        try (TiffVideo video = TiffVideo.open(file)) {
            assertEquals(new VideoShape(20, 128, 256, PixelType.UINT16), video.shape());
            assertEquals(0, video.frameRateHz());
            assertTrue(video.description().startsWith("ImageJ="));
            float[][] frames = TiffFixtures.readAll(video);
            for (int t : new int[] {0, 7, 19}) {
                assertArrayEquals(expected[t], frames[t], "frame " + t);
            }
            assertTrue(Arrays.stream(toDoubles(frames[0])).max().orElse(0) > 0);
        }
    }

    @Test
    void readsBigEndianImageJFileAsLittleEndianBytes() throws Exception {
        Path file = TiffFixtures.realFile("imagej-bigendian-173x173.tif");
        float[] expected = TiffFixtures.readWithTwelveMonkeys(file)[0];
        try (TiffVideo video = TiffVideo.open(file)) {
            assertEquals(new VideoShape(1, 173, 173, PixelType.UINT16), video.shape());
            float[] frame = new float[173 * 173];
            video.readFrame(0, frame);
            assertArrayEquals(expected, frame);
            ByteBuffer bytes = ByteBuffer.allocate(173 * 173 * 2).order(ByteOrder.LITTLE_ENDIAN);
            video.readFrameBytes(0, bytes);
            assertEquals(bytes.capacity(), bytes.position());
            for (int i : new int[] {0, 1000, 173 * 173 - 1}) {
                assertEquals(expected[i], bytes.getShort(2 * i) & 0xFFFF, "pixel " + i);
            }
        }
    }

    static Stream<Arguments> imageIoFixtures() {
        List<Arguments> cases = new ArrayList<>();
        String[] compressions = {null, "LZW", "Deflate", "ZLib", "PackBits"};
        for (String compression : compressions) {
            for (int tile : new int[] {0, 32}) {
                for (PixelType type : PixelType.values()) {
                    ByteOrder order = (cases.size() % 2 == 0) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                    cases.add(Arguments.of(compression, tile, type, order));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} tile {1} {2} {3}")
    @MethodSource("imageIoFixtures")
    void readsImageIoFilesOfEveryCompressionLayoutAndType(String compression, int tile, PixelType type,
            ByteOrder order) throws Exception {
        float[][] frames = TiffFixtures.randomFrames(3, HEIGHT, WIDTH, type, 7);
        List<BufferedImage> pages = new ArrayList<>();
        for (float[] frame : frames) {
            pages.add(TiffFixtures.image(frame, HEIGHT, WIDTH, type));
        }
        Path file = dir.resolve("fixture.tif");
        TiffFixtures.writeWithImageIo(file, pages, compression, tile, order);
        try (TiffVideo video = TiffVideo.open(file)) {
            assertEquals(new VideoShape(3, HEIGHT, WIDTH, type), video.shape());
            float[][] read = TiffFixtures.readAll(video);
            for (int t = 0; t < frames.length; t++) {
                assertArrayEquals(frames[t], read[t], "frame " + t);
            }
            ByteBuffer bytes = ByteBuffer.allocateDirect(video.shape().bytesPerFrame());
            video.readFrameBytes(2, bytes);
            assertArrayEquals(TiffFixtures.bytes(frames[2], type, ByteOrder.LITTLE_ENDIAN), toArray(bytes));
        }
    }

    @ParameterizedTest
    @EnumSource(value = PixelType.class, names = {"UINT8", "UINT16"})
    void undoesHorizontalPredictor(PixelType type) throws Exception {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            float[] frame = TiffFixtures.randomFrames(1, 9, 13, type, 3)[0];
            byte[] data = TiffFixtures.deflate(TiffFixtures.differenceHorizontally(
                    TiffFixtures.bytes(frame, type, order), 13, type, order));
            Page page = new Page(13, 9, 8 * type.bytes(), 1, 1, 8, 2, null, data, data.length);
            assertArrayEquals(frame, readOnlyFrame(TiffFixtures.build(order, List.of(page))), order.toString());
        }
    }

    @Test
    void undoesFloatingPointPredictorInBothByteOrders() throws Exception {
        float[] frame = TiffFixtures.randomFrames(1, 9, 13, PixelType.FLOAT32, 5)[0];
        byte[] data = TiffFixtures.deflate(TiffFixtures.differenceFloatingPoint(frame, 13));
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            Page page = new Page(13, 9, 32, 3, 1, 32946, 3, null, data, data.length);
            byte[] tiff = TiffFixtures.build(order, List.of(page));
            assertArrayEquals(frame, readOnlyFrame(tiff), order.toString());
            Path file = dir.resolve("fp.tif");
            Files.write(file, tiff);
            assertArrayEquals(frame, TiffFixtures.readWithTwelveMonkeys(file)[0], "TwelveMonkeys " + order);
        }
    }

    @Test
    void readsImageJStackWithOneDirectoryAsConsecutiveFrames() throws Exception {
        float[][] frames = TiffFixtures.randomFrames(5, 6, 4, PixelType.UINT16, 11);
        ByteBuffer all = ByteBuffer.allocate(5 * 48);
        for (float[] frame : frames) {
            all.put(TiffFixtures.bytes(frame, PixelType.UINT16, ByteOrder.BIG_ENDIAN));
        }
        Page page = new Page(4, 6, 16, 1, 1, 1, 1, "ImageJ=1.11a\nimages=5\nframes=5\nfinterval=0.05\n",
                all.array(), 48);
        Path file = dir.resolve("imagej-big.tif");
        Files.write(file, TiffFixtures.build(ByteOrder.BIG_ENDIAN, List.of(page)));
        try (TiffVideo video = TiffVideo.open(file)) {
            assertEquals(new VideoShape(5, 6, 4, PixelType.UINT16), video.shape());
            assertEquals(20, video.frameRateHz(), 1e-9);
            float[][] read = TiffFixtures.readAll(video);
            for (int t = 0; t < 5; t++) {
                assertArrayEquals(frames[t], read[t], "frame " + t);
            }
        }
    }

    @Test
    void truncatedFileIsReportedWithFileAndPage() throws Exception {
        byte[] whole = Files.readAllBytes(TiffFixtures.realFile("imagej-2p-20x128x256.tif"));
        Path file = dir.resolve("cut.tif");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        assertError(file, "truncated", "page 1");

        byte[] page = TiffFixtures.build(ByteOrder.LITTLE_ENDIAN, List.of(new Page(4, 4, 8, 1, new byte[16])));
        ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN).putInt(page.length - 4 - 12 * 2 + 8, 9999);
        Files.write(file, page);
        assertError(file, "truncated", "page 0 strip 0");
    }

    @Test
    void garbageDirectoryOffsetOrEntryCountIsACorruptDirectory() throws Exception {
        byte[] tiff = TiffFixtures.build(ByteOrder.LITTLE_ENDIAN, List.of(new Page(4, 4, 8, 1, new byte[16])));
        Path file = dir.resolve("corrupt.tif");
        ByteBuffer patched = ByteBuffer.wrap(tiff.clone()).order(ByteOrder.LITTLE_ENDIAN);
        patched.putInt(4, 0x7FFF_FFF0);
        Files.write(file, patched.array());
        assertError(file, "corrupt directory", "page 0");

        patched = ByteBuffer.wrap(tiff.clone()).order(ByteOrder.LITTLE_ENDIAN);
        patched.putShort(patched.getInt(4), (short) 60000);
        Files.write(file, patched.array());
        assertError(file, "corrupt directory", "60000 entries");

        patched = ByteBuffer.wrap(tiff.clone()).order(ByteOrder.LITTLE_ENDIAN);
        patched.putInt(tiff.length - 4, patched.getInt(4));
        Files.write(file, patched.array());
        assertError(file, "corrupt directory", "loop");
    }

    @Test
    void pagesOfDifferentSizesAreReportedWithPageAndSizes() throws Exception {
        Path file = dir.resolve("mixed.tif");
        Files.write(file, TiffFixtures.build(ByteOrder.LITTLE_ENDIAN, List.of(new Page(4, 4, 8, 1, new byte[16]),
                new Page(4, 4, 8, 1, new byte[16]), new Page(5, 3, 8, 1, new byte[15]))));
        assertError(file, "page 2 is 3 x 5 uint8", "page 0 is 4 x 4 uint8");
    }

    @Test
    void colorTwelveBitAndSignedPagesAreUnsupportedPixelTypes() throws Exception {
        Path file = dir.resolve("rgb.tif");
        BufferedImage rgb = new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR);
        TiffFixtures.writeWithImageIo(file, List.of(rgb), null, 0, ByteOrder.LITTLE_ENDIAN);
        assertError(file, "unsupported pixel type", "3 samples");

        Files.write(file, TiffFixtures.build(ByteOrder.BIG_ENDIAN, List.of(new Page(4, 4, 12, 1, new byte[24]))));
        assertError(file, "unsupported pixel type", "12-bit");

        Files.write(file, TiffFixtures.build(ByteOrder.LITTLE_ENDIAN, List.of(new Page(4, 4, 16, 2, new byte[32]))));
        assertError(file, "unsupported pixel type", "16-bit signed");
    }

    @Test
    void fileThatIsNotATiffOrMissingIsReported() throws Exception {
        Path file = dir.resolve("fake.tif");
        Files.writeString(file, "hello");
        assertError(file, "is not a TIFF file", "68 65 6c 6c 6f");
        NeurosegException missing = assertThrows(NeurosegException.class,
                () -> TiffVideo.open(dir.resolve("missing.tif")));
        assertTrue(missing.getMessage().startsWith("File not found: "), missing.getMessage());
    }

    private float[] readOnlyFrame(byte[] tiff) throws IOException, NeurosegException {
        Path file = dir.resolve("built.tif");
        Files.write(file, tiff);
        try (TiffVideo video = TiffVideo.open(file)) {
            float[] frame = new float[video.shape().pixelsPerFrame()];
            video.readFrame(0, frame);
            return frame;
        }
    }

    private static void assertError(Path file, String... parts) {
        NeurosegException e = assertThrows(NeurosegException.class, () -> TiffVideo.open(file).close());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.flip().remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static double[] toDoubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
