package org.neuroseg.io;

import java.nio.ByteOrder;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.neuroseg.video.PixelType;

/**
 * What the caller knows about a file that the file itself does not say: the layout of raw binary files, and
 * format-specific choices that a {@link VideoReader} of another module may need (for example the path of the
 * dataset inside an HDF5 file). Every field is optional (0, null or empty when not given); formats that describe
 * themselves (TIFF, stores) ignore them.
 *
 * @param width columns of a raw frame, or 0
 * @param height rows of a raw frame, or 0
 * @param pixelType pixel type of a raw file, or null
 * @param byteOrder byte order of a raw file, or null for little-endian
 * @param headerBytes bytes to skip at the start of a raw file, at least 0
 * @param formatOptions format-specific choices, key to value; each reader documents the keys it reads
 */
public record ReadOptions(int width, int height, PixelType pixelType, ByteOrder byteOrder, long headerBytes,
        Map<String, String> formatOptions) {

    /** No options: for self-describing formats. */
    public static final ReadOptions NONE = new ReadOptions(0, 0, null, null, 0, Map.of());

    /** Validates that sizes are not negative and copies the format options (sorted by key, unmodifiable). */
    public ReadOptions {
        if (width < 0 || height < 0 || headerBytes < 0) {
            throw new IllegalArgumentException("raw layout cannot be negative: width " + width + ", height "
                    + height + ", header " + headerBytes + " bytes");
        }
        formatOptions = Collections.unmodifiableMap(new TreeMap<>(formatOptions));
    }

    /**
     * The layout of a little-endian raw file without header.
     *
     * @param width columns of a frame
     * @param height rows of a frame
     * @param pixelType type of each pixel
     */
    public static ReadOptions raw(int width, int height, PixelType pixelType) {
        return new ReadOptions(width, height, pixelType, null, 0, Map.of());
    }

    /** @return these options with another byte order */
    public ReadOptions withByteOrder(ByteOrder order) {
        return new ReadOptions(width, height, pixelType, order, headerBytes, formatOptions);
    }

    /** @return these options with a header of {@code bytes} to skip */
    public ReadOptions withHeaderBytes(long bytes) {
        return new ReadOptions(width, height, pixelType, byteOrder, bytes, formatOptions);
    }

    /**
     * @param key a key that some reader documents, e.g. "dataset"
     * @param value its value
     * @return these options with {@code key} set to {@code value} (replacing an earlier value)
     */
    public ReadOptions withFormatOption(String key, String value) {
        Map<String, String> options = new TreeMap<>(formatOptions);
        options.put(key, value);
        return new ReadOptions(width, height, pixelType, byteOrder, headerBytes, options);
    }

    /** @return the value of the format-specific option {@code key}, or null when it is not given */
    public String formatOption(String key) {
        return formatOptions.get(key);
    }

    /** @return true when width, height and pixel type are all given */
    public boolean hasRawLayout() {
        return width > 0 && height > 0 && pixelType != null;
    }
}
