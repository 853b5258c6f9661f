package org.neuroseg.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;

/**
 * The one entry point for reading videos: detects the format of a file or folder and opens it. Formats are tried
 * in the order of {@link #READERS}: a folder of TIFF images, TIFF (by its magic bytes), NeuroSeg store (by its
 * magic bytes), raw binary (when the options give its layout, or by the extensions .raw, .bin, .dat). New formats
 * are added to that list.
 */
public final class VideoFormats {

    /** The formats, in the order they are tried. */
    public static final List<VideoReader> READERS = List.of(new FolderReader(), new TiffReader(),
            new StoreReader(), new RawReader());

    private VideoFormats() {
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
     * @param options the layout of raw files; ignored by self-describing formats
     * @return the video; close it when done
     * @throws NeurosegException when the file is missing, in no known format, or cannot be read; the message names
     *         the file and the problem
     */
    public static Video open(Path file, ReadOptions options) throws NeurosegException {
        return readerFor(file, options).open(file, options);
    }

    /**
     * Finds the reader for {@code file}: the first of {@link #READERS} that claims it.
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
                + "): expected a TIFF file, a folder of TIFF images, a NeuroSeg store (" + VideoStore.EXTENSION
                + "), or a raw file with its width, height and pixel type given");
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

    /** Folders of single-page TIFF images. */
    private static final class FolderReader implements VideoReader {
        @Override
        public String name() {
            return "TIFF image folder";
        }

        @Override
        public boolean canRead(Path file, ReadOptions options) {
            return Files.isDirectory(file);
        }

        @Override
        public Video open(Path file, ReadOptions options) throws NeurosegException {
            return ImageFolderVideo.open(file);
        }
    }

    /** Multi-page TIFF and BigTIFF. */
    private static final class TiffReader implements VideoReader {
        @Override
        public String name() {
            return "TIFF";
        }

        @Override
        public boolean canRead(Path file, ReadOptions options) {
            return Files.isRegularFile(file) && TiffVideo.isTiff(head(file, 4));
        }

        @Override
        public Video open(Path file, ReadOptions options) throws NeurosegException {
            return TiffVideo.open(file);
        }
    }

    /** NeuroSeg video stores. */
    private static final class StoreReader implements VideoReader {
        @Override
        public String name() {
            return "NeuroSeg video store";
        }

        @Override
        public boolean canRead(Path file, ReadOptions options) {
            return Files.isRegularFile(file) && VideoStore.isStore(file);
        }

        @Override
        public Video open(Path file, ReadOptions options) throws NeurosegException {
            return VideoStore.open(file);
        }
    }

    /** Headerless (or fixed-header) raw binary frames with a layout given by the caller. */
    private static final class RawReader implements VideoReader {
        @Override
        public String name() {
            return "raw binary";
        }

        @Override
        public boolean canRead(Path file, ReadOptions options) {
            return Files.isRegularFile(file) && (options.hasRawLayout() || hasExtension(file, ".raw", ".bin", ".dat"));
        }

        @Override
        public Video open(Path file, ReadOptions options) throws NeurosegException {
            if (!options.hasRawLayout()) {
                throw new NeurosegException(file + " is a raw binary file: give its width, height and pixel type"
                        + " to read it");
            }
            ByteOrder order = options.byteOrder() == null ? ByteOrder.LITTLE_ENDIAN : options.byteOrder();
            return FileVideo.openRaw(file, options.height(), options.width(), options.pixelType(), order,
                    options.headerBytes());
        }
    }
}
