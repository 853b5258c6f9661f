package org.neuroseg.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.neuroseg.NeurosegException;

/**
 * Decodes the pixel data of one TIFF page (strips or tiles, any supported compression and predictor) into a frame of
 * bytes in the file's byte order. Buffers are reused between pages; not thread-safe.
 */
final class TiffDecoder {

    private final Path file;
    private final FileChannel channel;
    private final ByteOrder order;
    private final Inflater inflater = new Inflater();
    private LzwDecoder lzw;
    private byte[] stored = new byte[0];
    private byte[] block = new byte[0];

    TiffDecoder(Path file, FileChannel channel, ByteOrder order) {
        this.file = file;
        this.channel = channel;
        this.order = order;
    }

    /** Decodes page {@code index}, laid out as {@code page}, into {@code frame} (height x width pixels). */
    void decode(int index, TiffPage page, byte[] frame) throws NeurosegException {
        int bytesPerPixel = page.pixelType().bytes();
        int across = page.blocksAcross();
        int blocks = across * page.blocksDown();
        for (int b = 0; b < blocks; b++) {
            int storedBytes = (int) page.byteCounts()[b];
            if (stored.length < storedBytes) {
                stored = new byte[storedBytes];
            }
            try {
                TiffParser.readFully(channel, ByteBuffer.wrap(stored, 0, storedBytes), page.offsets()[b]);
            } catch (IOException e) {
                throw new NeurosegException("Cannot read page " + index + " of " + file + ": " + e.getMessage(), e);
            }
            int rows = page.rowsIn(b);
            int expected = page.bytesIn(b);
            byte[] decoded = decompress(index, b, page, storedBytes, expected);
            Predictors.undo(page.predictor(), decoded, rows, page.blockWidth(), bytesPerPixel, order);
            int x0 = (b % across) * page.blockWidth();
            int y0 = (b / across) * page.blockHeight();
            int rowBytes = Math.min(page.blockWidth(), page.width() - x0) * bytesPerPixel;
            int copyRows = Math.min(rows, page.height() - y0);
            int frameRowBytes = page.width() * bytesPerPixel;
            for (int r = 0; r < copyRows; r++) {
                System.arraycopy(decoded, r * page.blockWidth() * bytesPerPixel, frame,
                        (y0 + r) * frameRowBytes + x0 * bytesPerPixel, rowBytes);
            }
        }
    }

    private byte[] decompress(int index, int b, TiffPage page, int storedBytes, int expected)
            throws NeurosegException {
        if (page.compression() == TiffPage.NONE) {
            return stored;
        }
        if (block.length < expected) {
            block = new byte[expected];
        }
        int produced;
        try {
            produced = switch (page.compression()) {
                case TiffPage.LZW -> lzw().decode(stored, storedBytes, block, expected);
                case TiffPage.PACKBITS -> PackBits.decode(stored, storedBytes, block, expected);
                default -> inflate(storedBytes, expected);
            };
        } catch (DataFormatException e) {
            throw corrupt(index, b, page, e.getMessage());
        }
        if (produced < expected) {
            throw corrupt(index, b, page, "it decodes to " + produced + " bytes instead of " + expected);
        }
        return block;
    }

    private int inflate(int storedBytes, int expected) throws DataFormatException {
        inflater.reset();
        inflater.setInput(stored, 0, storedBytes);
        int produced = 0;
        while (produced < expected) {
            int n = inflater.inflate(block, produced, expected - produced);
            if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                break;
            }
            produced += n;
        }
        return produced;
    }

    private LzwDecoder lzw() {
        if (lzw == null) {
            lzw = new LzwDecoder();
        }
        return lzw;
    }

    private NeurosegException corrupt(int index, int b, TiffPage page, String why) {
        return new NeurosegException(file + " has corrupt compressed data: page " + index
                + (page.tiled() ? " tile " : " strip ") + b + ": " + why);
    }

    /** Frees the native memory of the Deflate decoder. */
    void close() {
        inflater.end();
    }
}
