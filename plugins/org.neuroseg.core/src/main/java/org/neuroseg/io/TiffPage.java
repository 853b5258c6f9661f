package org.neuroseg.io;

import org.neuroseg.video.PixelType;

/**
 * The layout of one TIFF page (image file directory): its size, pixel type, compression and where its strips or
 * tiles lie. Strips are treated as tiles as wide as the image.
 *
 * @param width columns
 * @param height rows
 * @param pixelType type of each pixel (one sample per pixel)
 * @param compression TIFF compression code
 * @param predictor TIFF predictor code (1 none, 2 horizontal, 3 floating point)
 * @param tiled whether the page is tiled (else stripped)
 * @param blockWidth tile width, or the image width for strips
 * @param blockHeight tile height, or rows per strip
 * @param offsets file offset of each strip or tile
 * @param byteCounts stored bytes of each strip or tile
 * @param description the ImageDescription tag, or "" when absent
 * @param nextIfd offset of the next directory, 0 for the last page
 */
record TiffPage(int width, int height, PixelType pixelType, int compression, int predictor, boolean tiled,
        int blockWidth, int blockHeight, long[] offsets, long[] byteCounts, String description, long nextIfd) {

    static final int NONE = 1;
    static final int LZW = 5;
    static final int DEFLATE = 8;
    static final int DEFLATE_OLD = 32946;
    static final int PACKBITS = 32773;

    /** @return strips or tiles across the image */
    int blocksAcross() {
        return (width + blockWidth - 1) / blockWidth;
    }

    /** @return strips or tiles down the image */
    int blocksDown() {
        return (height + blockHeight - 1) / blockHeight;
    }

    /** @return rows of pixel data stored in block {@code index}: tiles are padded, the last strip may be short */
    int rowsIn(int index) {
        return tiled ? blockHeight : Math.min(blockHeight, height - (index / blocksAcross()) * blockHeight);
    }

    /** @return decoded bytes of block {@code index} */
    int bytesIn(int index) {
        return rowsIn(index) * blockWidth * pixelType.bytes();
    }

    /**
     * @return the file offset where the whole frame lies as one uncompressed run of bytes, or -1 when it does not
     */
    long contiguousStart() {
        if (compression != NONE || predictor != 1 || tiled) {
            return -1;
        }
        for (int i = 0; i + 1 < offsets.length; i++) {
            if (offsets[i + 1] != offsets[i] + bytesIn(i)) {
                return -1;
            }
        }
        return offsets[0];
    }

    /** @return e.g. "128 x 256 uint16" */
    String sizeText() {
        return height + " x " + width + " " + pixelType.name().toLowerCase();
    }
}
