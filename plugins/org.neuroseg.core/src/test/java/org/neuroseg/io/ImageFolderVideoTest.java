package org.neuroseg.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.VideoShape;

class ImageFolderVideoTest {

    @TempDir
    Path dir;

    @Test
    void naturalOrderComparesDigitRunsByValue() {
        List<String> names = new ArrayList<>(List.of("image10.tif", "image2.tif", "Image1.tif", "image002.tif",
                "image00000.tiff", "b.tif", "a10b2.tif", "a10b10.tif"));
        names.sort(ImageFolderVideo.NATURAL_ORDER);
        assertEquals(List.of("a10b2.tif", "a10b10.tif", "b.tif", "image00000.tiff", "Image1.tif", "image002.tif",
                "image2.tif", "image10.tif"), names);
    }

    @Test
    void readsFilesInNaturalOrderIgnoringOtherFiles() throws Exception {
        for (int i : new int[] {10, 2, 1}) {
            TiffWriter.writeLabelImage(dir.resolve("image" + i + ".tif"), filled(6, i), 2, 3);
        }
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        try (ImageFolderVideo video = ImageFolderVideo.open(dir)) {
            assertEquals(new VideoShape(3, 2, 3, PixelType.UINT16), video.shape());
            assertEquals(List.of("image1.tif", "image2.tif", "image10.tif"),
                    video.files().stream().map(p -> p.getFileName().toString()).toList());
            float[][] frames = TiffFixtures.readAll(video);
            assertArrayEquals(new float[][] {filled(6, 1), filled(6, 2), filled(6, 10)}, frames);
        }
    }

    @Test
    void readsNeurofinderLayoutThroughFormatDetection() throws Exception {
        Path images = dir.resolve("neurofinder.00.00/images");
        for (int i = 0; i < 3; i++) {
            TiffWriter.writeLabelImage(images.resolve(String.format("image%05d.tiff", i)), filled(4, i), 2, 2);
        }
        try (var video = VideoFormats.open(images)) {
            assertTrue(video instanceof ImageFolderVideo);
            assertArrayEquals(new float[][] {filled(4, 0), filled(4, 1), filled(4, 2)}, TiffFixtures.readAll(video));
        }
    }

    @Test
    void emptyFolderIsReportedWithTheFolder() throws Exception {
        Files.writeString(dir.resolve("readme.md"), "no images here");
        NeurosegException e = assertThrows(NeurosegException.class, () -> ImageFolderVideo.open(dir));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("holds no TIFF images"), e.getMessage());
    }

    @Test
    void fileOfAnotherSizeIsReportedWithThatFile() throws Exception {
        TiffWriter.writeLabelImage(dir.resolve("f1.tif"), filled(6, 1), 2, 3);
        TiffWriter.writeLabelImage(dir.resolve("f2.tif"), filled(6, 1), 3, 2);
        try (ImageFolderVideo video = ImageFolderVideo.open(dir)) {
            float[] frame = new float[6];
            video.readFrame(0, frame);
            NeurosegException e = assertThrows(NeurosegException.class, () -> video.readFrame(1, frame));
            assertTrue(e.getMessage().startsWith(dir.resolve("f2.tif") + " is 1 frames of 3 x 2 uint16"),
                    e.getMessage());
        }
    }

    @Test
    void brokenFileIsReportedWithThatFile() throws Exception {
        TiffWriter.writeLabelImage(dir.resolve("f1.tif"), filled(6, 1), 2, 3);
        Files.writeString(dir.resolve("f2.tif"), "garbage");
        try (ImageFolderVideo video = ImageFolderVideo.open(dir)) {
            NeurosegException e = assertThrows(NeurosegException.class, () -> video.readFrame(1, new float[6]));
            assertTrue(e.getMessage().startsWith(dir.resolve("f2.tif") + " is not a TIFF file"), e.getMessage());
        }
    }

    private static float[] filled(int length, float value) {
        float[] values = new float[length];
        Arrays.fill(values, value);
        return values;
    }
}
