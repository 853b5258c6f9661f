package org.neuroseg.io;

import java.nio.ByteOrder;
import org.neuroseg.video.PixelType;

/**
 * What the caller knows about a file that the file itself does not say: the layout of raw binary files. Every
 * field is optional (0 or null when not given); formats that describe themselves (TIFF, stores) ignore them.
 *
 * @param width columns of a raw frame, or 0
 * @param height rows of a raw frame, or 0
 * @param pixelType pixel type of a raw file, or null
 * @param byteOrder byte order of a raw file, or null for little-endian
 * @param headerBytes bytes to skip at the start of a raw file, at least 0
 */
public record ReadOptions(int width, int height, PixelType pixelType, ByteOrder byteOrder, long headerBytes) {

    /** No options: for self-describing formats. */
    public static final ReadOptions NONE = new ReadOptions(0, 0, null, null, 0);

    /** Validates that sizes are not negative. */
    public ReadOptions {
        if (width < 0 || height < 0 || headerBytes < 0) {
            throw new IllegalArgumentException("raw layout cannot be negative: width " + width + ", height "
                    + height + ", header " + headerBytes + " bytes");
        }
    }

    /**
     * The layout of a little-endian raw file without header.
     *
     * @param width columns of a frame
     * @param height rows of a frame
     * @param pixelType type of each pixel
     */
    public static ReadOptions raw(int width, int height, PixelType pixelType) {
        return new ReadOptions(width, height, pixelType, null, 0);
    }

    /** @return these options with another byte order */
    public ReadOptions withByteOrder(ByteOrder order) {
        return new ReadOptions(width, height, pixelType, order, headerBytes);
    }

    /** @return these options with a header of {@code bytes} to skip */
    public ReadOptions withHeaderBytes(long bytes) {
        return new ReadOptions(width, height, pixelType, byteOrder, bytes);
    }

    /** @return true when width, height and pixel type are all given */
    public boolean hasRawLayout() {
        return width > 0 && height > 0 && pixelType != null;
    }
}
