package org.neuroseg.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;

/**
 * Reads HDF5 files written by h5py (src/test/resources/hdf5, made by make_fixtures.py there: contiguous, chunked
 * with deflate and shuffle, big-endian; uint8, uint16, int16, float32) and by jhdf's writer, pixel for pixel.
 */
class Hdf5VideoTest {

    static final int FRAMES = 5;
    static final int HEIGHT = 9;
    static final int WIDTH = 11;

    @TempDir
    Path dir;

    @Test
    void readsContiguousUint8() throws Exception {
        assertReads("uint8-contiguous.h5", PixelType.UINT8, "/movie");
    }

    @Test
    void readsLargestDatasetOfDeflatedFrameChunks() throws Exception {
        // beside /data/movie lie a 2-D image and a smaller 3-D dataset
        assertReads("uint16-deflate-frames.h5", PixelType.UINT16, "/data/movie");
    }

    @Test
    void readsInt16WithoutLossFromChunksAcrossFrames() throws Exception {
        assertReads("int16-deflate-shuffle-blocks.h5", PixelType.FLOAT32, "/imaging/raw");
    }

    @Test
    void readsBigEndianFloat32() throws Exception {
        assertReads("float32-bigendian.h5", PixelType.FLOAT32, "/movie");
    }

    @Test
    void datasetOptionChoosesAmongEqualDatasetsAndAmbiguityListsThem() throws Exception {
        Path file = fixture("two-movies.h5");
        NeurosegException e = assertThrows(NeurosegException.class, () -> VideoFormats.open(file));
        assertEquals(file + " holds several 3-D datasets of the largest size: /a (5 x 9 x 11 uint16), /b (5 x 9 x 11"
                + " uint16); choose one with the dataset option (its path)", e.getMessage());
        try (Video video = VideoFormats.open(file, ReadOptions.NONE.withFormatOption(Hdf5Reader.DATASET, "/b"))) {
            assertEquals(file + ":/b", video.source());
            assertArrayEquals(expected(PixelType.UINT16, "uint16"), TiffFixtures.readAll(video));
        }
        NeurosegException missing = assertThrows(NeurosegException.class, () -> VideoFormats.open(file,
                ReadOptions.NONE.withFormatOption(Hdf5Reader.DATASET, "/c")));
        assertEquals(file + " holds no dataset '/c' (dataset option): its 3-D datasets are /a (5 x 9 x 11 uint16),"
                + " /b (5 x 9 x 11 uint16)", missing.getMessage());
    }

    @Test
    void refusesPixelTypesItWouldChangeNamingTheDataset() throws Exception {
        Path file = fixture("float64.h5");
        NeurosegException e = assertThrows(NeurosegException.class, () -> VideoFormats.open(file));
        assertEquals(file + ": dataset /movie (5 x 9 x 11 float64) has a pixel type NeuroSeg does not read: expected"
                + " uint8, uint16, int16 or float32", e.getMessage());
    }

    @Test
    void readsWhatJhdfWritesAndDetectsHdf5ByContent() throws Exception {
        float[][][] movie = new float[3][4][6];
        for (int t = 0; t < 3; t++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 6; x++) {
                    movie[t][y][x] = t - 0.5f * y + 0.25f * x;
                }
            }
        }
        Path file = dir.resolve("written-by-jhdf.raw");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putGroup("session").putDataset("frames", movie);
            hdf.putDataset("labels", new int[] {1, 2, 3});
        }
        // the .raw name and layout would make the raw reader claim the file without content detection
        assertTrue(VideoFormats.readerFor(file, ReadOptions.raw(6, 4, PixelType.FLOAT32)) instanceof Hdf5Reader);
        try (Video video = VideoFormats.open(file)) {
            assertEquals(new VideoShape(3, 4, 6, PixelType.FLOAT32), video.shape());
            float[][] frames = TiffFixtures.readAll(video);
            for (int t = 0; t < 3; t++) {
                float[] flat = new float[24];
                for (int y = 0; y < 4; y++) {
                    System.arraycopy(movie[t][y], 0, flat, 6 * y, 6);
                }
                assertArrayEquals(flat, frames[t]);
            }
        }
    }

    @Test
    void truncatedFileIsRefusedNamingItsSizes() throws Exception {
        byte[] whole = Files.readAllBytes(fixture("uint16-deflate-frames.h5"));
        Path file = Files.write(dir.resolve("cut.h5"), Arrays.copyOf(whole, whole.length - 600));
        NeurosegException e = assertThrows(NeurosegException.class, () -> VideoFormats.open(file));
        assertEquals(file + " is truncated: its HDF5 superblock says the file ends at byte " + whole.length
                + ", but it holds " + (whole.length - 600) + " bytes", e.getMessage());
    }

    @Test
    void fileWithoutMovieSaysSo() throws Exception {
        Path file = dir.resolve("table.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset("trace", new float[] {1, 2, 3});
        }
        NeurosegException e = assertThrows(NeurosegException.class, () -> VideoFormats.open(file));
        assertEquals(file + " holds no 3-D dataset (frames x height x width) to read as a video", e.getMessage());
    }

    private void assertReads(String name, PixelType type, String dataset) throws Exception {
        Path file = fixture(name);
        assertTrue(VideoFormats.readerFor(file, ReadOptions.NONE) instanceof Hdf5Reader);
        try (Video video = VideoFormats.open(file)) {
            assertEquals(new VideoShape(FRAMES, HEIGHT, WIDTH, type), video.shape());
            assertEquals(file + ":" + dataset, video.source());
            float[][] expected = expected(type, name.substring(0, name.indexOf('-')));
            assertArrayEquals(expected, TiffFixtures.readAll(video));
            // the bytes of the last frame, little-endian in the video's pixel type, hold the same values
            ByteBuffer bytes = ByteBuffer.allocate(video.shape().bytesPerFrame()).order(ByteOrder.LITTLE_ENDIAN);
            video.readFrameBytes(FRAMES - 1, bytes);
            float[] decoded = new float[HEIGHT * WIDTH];
            type.toFloats(bytes.flip(), decoded);
            assertArrayEquals(expected[FRAMES - 1], decoded);
        }
    }

    /** @return the pixel values make_fixtures.py wrote, in the pixel type the video reads them in */
    static float[][] expected(PixelType type, String storedType) {
        float[][] frames = new float[FRAMES][HEIGHT * WIDTH];
        for (int t = 0; t < FRAMES; t++) {
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    int v = (37 * t + 11 * y + 5 * x) % 251;
                    frames[t][y * WIDTH + x] = switch (storedType) {
                        case "uint8" -> v;
                        case "uint16" -> 257 * v;
                        case "int16" -> 100 * v - 12000;
                        default -> (float) (v / 7.0 - 3.25);
                    };
                }
            }
        }
        assertEquals(type == PixelType.FLOAT32, storedType.equals("int16") || storedType.equals("float32"));
        return frames;
    }

    static Path fixture(String name) throws Exception {
        return Path.of(Hdf5VideoTest.class.getResource("/hdf5/" + name).toURI());
    }
}
