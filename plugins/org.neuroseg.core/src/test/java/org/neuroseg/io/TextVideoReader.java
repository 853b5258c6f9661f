package org.neuroseg.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;

/**
 * A reader that only the tests register (src/test/resources/META-INF/services): text files that start with
 * {@code TEXTVIDEO frames height width} followed by the pixel values. The format option {@code scale} multiplies
 * every value, to show that format-specific options reach the reader.
 */
public final class TextVideoReader implements VideoReader {

    static final String MAGIC = "TEXTVIDEO";

    @Override
    public String name() {
        return "text video (tests)";
    }

    @Override
    public int priority() {
        return BY_CONTENT;
    }

    @Override
    public boolean canRead(Path file, ReadOptions options) {
        return Files.isRegularFile(file)
                && new String(VideoFormats.head(file, MAGIC.length()), StandardCharsets.US_ASCII).equals(MAGIC);
    }

    @Override
    public Video open(Path file, ReadOptions options) throws NeurosegException {
        try {
            String[] words = Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\s+");
            int frames = Integer.parseInt(words[1]);
            int height = Integer.parseInt(words[2]);
            int width = Integer.parseInt(words[3]);
            float scale = options.formatOption("scale") == null ? 1 : Float.parseFloat(options.formatOption("scale"));
            float[][] pixels = new float[frames][height * width];
            for (int i = 0; i < frames * height * width; i++) {
                pixels[i / (height * width)][i % (height * width)] = scale * Float.parseFloat(words[4 + i]);
            }
            return new ArrayVideo(height, width, PixelType.FLOAT32, 0, pixels);
        } catch (IOException | RuntimeException e) {
            throw new NeurosegException("Cannot read " + file + " as a text video: " + e, e);
        }
    }
}
