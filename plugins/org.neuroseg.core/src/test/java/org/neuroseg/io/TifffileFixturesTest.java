package org.neuroseg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;

/**
 * Reads TIFF files written by Python's tifffile (src/test/resources/tifffile, made by make_fixtures.py there): every
 * layout of strips and tiles, compression, predictor, byte order and BigTIFF, for each pixel type, compared pixel
 * by pixel with the values tifffile was given.
 */
class TifffileFixturesTest {

    private static final int FRAMES = 3;
    private static final int HEIGHT = 29;
    private static final int WIDTH = 37;

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".tif")).sorted()
                    .toList().stream();
        }
    }

    @Test
    void everyLayoutIsThereForEveryPixelType() throws Exception {
        List<String> names = fixtures().toList();
        for (String type : List.of("uint8", "uint16", "float32")) {
            for (String layout : List.of("none-strips7", "deflate-strips7", "deflate-tiles16", "lzw-strips7",
                    "lzw-tiles16", "packbits-strips7", "packbits-tiles16", "bigtiff", "bigendian")) {
                assertTrue(names.stream().anyMatch(name -> name.startsWith(type) && name.contains(layout)),
                        type + " " + layout + " in " + names);
            }
        }
        assertTrue(names.stream().anyMatch(name -> name.contains("float32") && name.contains("predictor3")), "");
        assertTrue(names.stream().anyMatch(name -> name.contains("uint16") && name.contains("predictor2")), "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readsEveryPixelAsTifffileWroteIt(String name) throws Exception {
        PixelType type = PixelType.valueOf(name.substring(0, name.indexOf('-')).toUpperCase(Locale.ROOT));
        float[][] expected = reference(type);
        try (Video video = VideoFormats.open(folder().resolve(name))) {
            assertEquals(new VideoShape(FRAMES, HEIGHT, WIDTH, type), video.shape());
            float[] frame = new float[HEIGHT * WIDTH];
            // last frame first: decoding one page must not depend on the page decoded before
            for (int t = FRAMES - 1; t >= 0; t--) {
                video.readFrame(t, frame);
                assertPixels(expected[t], frame, "frame " + t);
            }
            ByteBuffer bytes = ByteBuffer.allocate(video.shape().bytesPerFrame()).order(ByteOrder.LITTLE_ENDIAN);
            for (int t = 0; t < FRAMES; t++) {
                video.readFrameBytes(t, bytes.clear());
                type.toFloats(bytes.flip(), frame);
                assertPixels(expected[t], frame, "frame " + t + " as little-endian bytes");
            }
        }
    }

    private static void assertPixels(float[] expected, float[] actual, String what) {
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected[i], actual[i], 0, what + " row " + i / WIDTH + " column " + i % WIDTH);
        }
    }

    /** @return the pixels of reference-TYPE.raw, little-endian frames as make_fixtures.py wrote them */
    private static float[][] reference(PixelType type) throws Exception {
        String name = "reference-" + type.name().toLowerCase(Locale.ROOT) + ".raw";
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(folder().resolve(name))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(FRAMES * HEIGHT * WIDTH * type.bytes(), bytes.capacity(), name);
        float[][] frames = new float[FRAMES][HEIGHT * WIDTH];
        for (float[] frame : frames) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = switch (type) {
                    case UINT8 -> bytes.get() & 0xFF;
                    case UINT16 -> bytes.getShort() & 0xFFFF;
                    case FLOAT32 -> bytes.getFloat();
                };
            }
        }
        return frames;
    }

    private static Path folder() throws URISyntaxException {
        return Path.of(TifffileFixturesTest.class.getResource("/tifffile").toURI());
    }
}
