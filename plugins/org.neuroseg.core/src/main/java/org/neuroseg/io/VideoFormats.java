package org.neuroseg.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point for reading videos: detects the format of a file or folder and opens it. The formats are the
 * {@link VideoReader}s that {@link ServiceLoader} finds (core's own and those of any other jar on the class path, or
 * inside the same bundle in KNIME), tried in the order of {@link #readers()}: a folder of TIFF images, TIFF (by its
 * magic bytes), NeuroSeg store (by its magic bytes), then readers of other modules that recognize content, and raw
 * binary last (when the options give its layout, or by the extensions .raw, .bin, .dat).
 */
public final class VideoFormats {

    private static final Logger LOGGER = LoggerFactory.getLogger(VideoFormats.class);

    private static final List<VideoReader> READERS = load();

    private VideoFormats() {
    }

    /** @return every reader found, in the order they are tried: by {@link VideoReader#priority()}, then name */
    public static List<VideoReader> readers() {
        return READERS;
    }

    private static List<VideoReader> load() {
        List<VideoReader> readers = new ArrayList<>();
        // the class loader that loaded core sees the services files of every jar embedded beside it in a bundle
        Iterator<VideoReader> found = ServiceLoader.load(VideoReader.class, VideoFormats.class.getClassLoader())
                .iterator();
        while (found.hasNext()) {
            try {
                readers.add(found.next());
            } catch (ServiceConfigurationError e) {
                LOGGER.warn("A video reader could not be loaded and is left out: {}", e.getMessage());
            }
        }
        readers.sort(Comparator.comparingInt(VideoReader::priority).thenComparing(VideoReader::name));
        return List.copyOf(readers);
    }

    /**
     * Opens a video file or folder without options (for self-describing formats).
     *
     * @param file a TIFF file, a folder of TIFF images or a NeuroSeg store
     * @return the video; close it when done
     * @throws NeurosegException as {@link #open(Path, ReadOptions)}
     * @see #open(Path, ReadOptions)
     */
    public static Video open(Path file) throws NeurosegException {
        return open(file, ReadOptions.NONE);
    }

    /**
     * Opens {@code file} as a video, axis order (T, Y, X), in whichever format claims it first.
     *
     * @param file a TIFF file, a folder of TIFF images, a NeuroSeg store or a raw binary file
     * @param options the layout of raw files and format-specific choices; ignored by formats that need neither
     * @return the video; close it when done
     * @throws NeurosegException when the file is missing, in no known format, or cannot be read; the message names
     *         the file and the problem
     */
    public static Video open(Path file, ReadOptions options) throws NeurosegException {
        return readerFor(file, options).open(file, options);
    }

    /**
     * Finds the reader for {@code file}: the first of {@link #readers()} that claims it.
     *
     * @throws NeurosegException when the file is missing or in no known format; the message names the file and
     *         its first bytes
     */
    public static VideoReader readerFor(Path file, ReadOptions options) throws NeurosegException {
        if (!Files.exists(file)) {
            throw new NeurosegException("File not found: " + file);
        }
        for (VideoReader reader : READERS) {
            if (reader.canRead(file, options)) {
                return reader;
            }
        }
        String head = hex(head(file, 8));
        if (hasExtension(file, ".tif", ".tiff")) {
            throw new NeurosegException(file + " is not a TIFF file (it starts with bytes " + head + ")");
        }
        throw new NeurosegException(file + " is in no format NeuroSeg reads (it starts with bytes " + head
                + "): expected one of " + READERS.stream().map(VideoReader::name).collect(Collectors.joining(", "))
                + " (NeuroSeg stores end in " + VideoStore.EXTENSION + "; raw files need their width, height and"
                + " pixel type given)");
    }

    /** @return the first up to {@code count} bytes of {@code file}; none when it cannot be read */
    static byte[] head(Path file, int count) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(count);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** @return bytes as "49 49 2a 00", or "(none: the file is empty)" */
    static String hex(byte[] bytes) {
        if (bytes.length == 0) {
            return "(none: the file is empty)";
        }
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(text.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xFF));
        }
        return text.toString();
    }

    static boolean hasExtension(Path file, String... extensions) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String extension : extensions) {
            if (name.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }
}
