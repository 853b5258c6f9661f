package org.neuroseg.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.PixelType;

/**
 * Reads the header and image file directories (IFDs) of a classic TIFF or BigTIFF file, validating what it reads:
 * directories and pixel data inside the file, sane entry counts, a supported pixel type and compression.
 */
final class TiffParser {

    /** More directory entries than this means a corrupt directory (real files have a few dozen). */
    static final int MAX_ENTRIES = 4096;

    private static final int WIDTH = 256;
    private static final int HEIGHT = 257;
    private static final int BITS = 258;
    private static final int COMPRESSION = 259;
    private static final int DESCRIPTION = 270;
    private static final int STRIP_OFFSETS = 273;
    private static final int SAMPLES = 277;
    private static final int ROWS_PER_STRIP = 278;
    private static final int STRIP_BYTES = 279;
    private static final int PREDICTOR = 317;
    private static final int TILE_WIDTH = 322;
    private static final int TILE_HEIGHT = 323;
    private static final int TILE_OFFSETS = 324;
    private static final int TILE_BYTES = 325;
    private static final int SAMPLE_FORMAT = 339;

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private final ByteOrder order;
    private final boolean bigTiff;
    private final long firstIfd;

    private TiffParser(Path file, FileChannel channel, long size, ByteOrder order, boolean bigTiff, long firstIfd) {
        this.file = file;
        this.channel = channel;
        this.size = size;
        this.order = order;
        this.bigTiff = bigTiff;
        this.firstIfd = firstIfd;
    }

    /** Reads the header of {@code file}, open as {@code channel}. */
    static TiffParser open(Path file, FileChannel channel) throws NeurosegException, IOException {
        long size = channel.size();
        ByteBuffer head = read(channel, 0, (int) Math.min(16, size));
        if (size < 8 || !TiffVideo.isTiff(head.array())) {
            throw new NeurosegException(file + " is not a TIFF file (it starts with bytes "
                    + VideoFormats.hex(head.array()) + ")");
        }
        ByteOrder order = head.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        head.order(order);
        boolean big = head.getShort(2) == 43;
        if (big && (size < 16 || head.getShort(4) != 8)) {
            throw new NeurosegException(file + " has a corrupt BigTIFF header");
        }
        return new TiffParser(file, channel, size, order, big, big ? head.getLong(8) : head.getInt(4) & 0xFFFFFFFFL);
    }

    ByteOrder order() {
        return order;
    }

    long firstIfd() {
        return firstIfd;
    }

    long fileSize() {
        return size;
    }

    /** Parses and validates the directory of page {@code page} at {@code offset}. */
    TiffPage parse(int page, long offset) throws NeurosegException, IOException {
        int countBytes = bigTiff ? 8 : 2;
        int entryBytes = bigTiff ? 20 : 12;
        if (offset < 8 || offset + countBytes > size) {
            throw new NeurosegException(file + " is truncated or has a corrupt directory: page " + page
                    + " should start at byte " + offset + " but the file has " + size + " bytes");
        }
        ByteBuffer countBuffer = read(channel, offset, countBytes).order(order);
        long count = bigTiff ? countBuffer.getLong(0) : countBuffer.getShort(0) & 0xFFFF;
        int pointerBytes = bigTiff ? 8 : 4;
        long end = offset + countBytes + count * entryBytes + pointerBytes;
        if (count < 1 || count > MAX_ENTRIES || end > size) {
            throw new NeurosegException(file + " has a corrupt directory: page " + page + " at byte " + offset
                    + " claims " + count + " entries" + (end > size ? ", past the end of the file" : ""));
        }
        ByteBuffer ifd = read(channel, offset + countBytes, (int) count * entryBytes + pointerBytes).order(order);
        Map<Integer, Integer> entries = new HashMap<>();
        for (int i = 0; i < count; i++) {
            entries.put(ifd.getShort(i * entryBytes) & 0xFFFF, i * entryBytes);
        }
        Directory dir = new Directory(page, ifd, entries);
        int width = (int) dir.single(WIDTH, -1);
        int height = (int) dir.single(HEIGHT, -1);
        if (width < 1 || height < 1) {
            throw new NeurosegException(file + " has a corrupt directory: page " + page + " has size " + height
                    + " x " + width);
        }
        PixelType type = pixelType(page, (int) dir.single(SAMPLES, 1), (int) dir.single(BITS, 1),
                (int) dir.single(SAMPLE_FORMAT, 1));
        int compression = (int) dir.single(COMPRESSION, TiffPage.NONE);
        if (compression != TiffPage.NONE && compression != TiffPage.LZW && compression != TiffPage.DEFLATE
                && compression != TiffPage.DEFLATE_OLD && compression != TiffPage.PACKBITS) {
            throw new NeurosegException(file + ", page " + page + ": unsupported TIFF compression " + compression
                    + "; NeuroSeg reads uncompressed, LZW, Deflate and PackBits TIFFs");
        }
        int predictor = (int) dir.single(PREDICTOR, 1);
        if (predictor != 1 && predictor != 2 && !(predictor == 3 && type == PixelType.FLOAT32)) {
            throw new NeurosegException(file + ", page " + page + ": unsupported TIFF predictor " + predictor);
        }
        boolean tiled = entries.containsKey(TILE_OFFSETS);
        int blockWidth = tiled ? (int) dir.single(TILE_WIDTH, -1) : width;
        int blockHeight = tiled ? (int) dir.single(TILE_HEIGHT, -1)
                : (int) Math.min(height, dir.single(ROWS_PER_STRIP, height));
        if (blockWidth < 1 || blockHeight < 1 || (long) blockWidth * blockHeight * type.bytes() > 1 << 30) {
            throw new NeurosegException(file + " has a corrupt directory: page " + page + " has blocks of "
                    + blockHeight + " x " + blockWidth + " pixels");
        }
        long[] offsets = dir.values(tiled ? TILE_OFFSETS : STRIP_OFFSETS);
        String description = dir.text(DESCRIPTION);
        long next = bigTiff ? ifd.getLong((int) count * entryBytes) : ifd.getInt((int) count * entryBytes) & 0xFFFFFFFFL;
        TiffPage layout = new TiffPage(width, height, type, compression, predictor, tiled, blockWidth, blockHeight,
                offsets, null, description, next);
        int blocks = layout.blocksAcross() * layout.blocksDown();
        long[] counts = entries.containsKey(tiled ? TILE_BYTES : STRIP_BYTES) ? dir.values(tiled ? TILE_BYTES
                : STRIP_BYTES) : compression == TiffPage.NONE ? expectedCounts(layout, blocks) : null;
        if (offsets == null || counts == null || offsets.length < blocks || counts.length < blocks) {
            throw new NeurosegException(file + " has a corrupt directory: page " + page + " needs " + blocks
                    + (tiled ? " tiles" : " strips") + " but lists " + (offsets == null ? 0 : offsets.length)
                    + " offsets and " + (counts == null ? 0 : counts.length) + " byte counts");
        }
        for (int b = 0; b < blocks; b++) {
            if (offsets[b] < 0 || counts[b] < 0 || offsets[b] + counts[b] > size
                    || compression == TiffPage.NONE && counts[b] < layout.bytesIn(b)) {
                throw new NeurosegException(file + " is truncated: page " + page + (tiled ? " tile " : " strip ")
                        + b + " should hold bytes " + offsets[b] + ".." + (offsets[b] + Math.max(counts[b],
                        compression == TiffPage.NONE ? layout.bytesIn(b) : 0)) + " but the file has " + size
                        + " bytes");
            }
        }
        return new TiffPage(width, height, type, compression, predictor, tiled, blockWidth, blockHeight, offsets,
                counts, description, next);
    }

    private static long[] expectedCounts(TiffPage layout, int blocks) {
        long[] counts = new long[blocks];
        for (int b = 0; b < blocks; b++) {
            counts[b] = layout.bytesIn(b);
        }
        return counts;
    }

    private PixelType pixelType(int page, int samples, int bits, int format) throws NeurosegException {
        if (samples == 1 && bits == 8 && format == 1) {
            return PixelType.UINT8;
        }
        if (samples == 1 && bits == 16 && format == 1) {
            return PixelType.UINT16;
        }
        if (samples == 1 && bits == 32 && format == 3) {
            return PixelType.FLOAT32;
        }
        String kind = switch (format) {
            case 1 -> "unsigned integer";
            case 2 -> "signed integer";
            case 3 -> "float";
            default -> "sample format " + format;
        };
        throw new NeurosegException(file + ", page " + page + ": unsupported pixel type: " + samples
                + (samples == 1 ? " sample" : " samples (color)") + " per pixel of " + bits + "-bit " + kind
                + "; NeuroSeg reads grayscale 8- and 16-bit unsigned and 32-bit float TIFFs");
    }

    /** The entries of one directory, read on demand. */
    private final class Directory {
        private final int page;
        private final ByteBuffer ifd;
        private final Map<Integer, Integer> entries;

        Directory(int page, ByteBuffer ifd, Map<Integer, Integer> entries) {
            this.page = page;
            this.ifd = ifd;
            this.entries = entries;
        }

        long single(int tag, long absent) throws NeurosegException, IOException {
            long[] values = values(tag);
            return values == null || values.length == 0 ? absent : values[0];
        }

        String text(int tag) throws NeurosegException, IOException {
            ByteBuffer raw = raw(tag);
            if (raw == null) {
                return "";
            }
            byte[] bytes = new byte[raw.limit()];
            raw.get(0, bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.indexOf('\0');
            return end < 0 ? text : text.substring(0, end);
        }

        /** @return the integer values of {@code tag}, or null when absent */
        long[] values(int tag) throws NeurosegException, IOException {
            ByteBuffer raw = raw(tag);
            if (raw == null) {
                return null;
            }
            int type = ifd.getShort(entries.get(tag) + 2);
            int bytes = typeBytes(type);
            long[] values = new long[raw.limit() / bytes];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (type) {
                    case 1, 7 -> raw.get(i) & 0xFF;
                    case 3 -> raw.getShort(2 * i) & 0xFFFF;
                    case 4, 13 -> raw.getInt(4 * i) & 0xFFFFFFFFL;
                    case 16, 18 -> raw.getLong(8 * i);
                    default -> throw new NeurosegException(file + " has a corrupt directory: page " + page
                            + " tag " + tag + " has non-integer type " + type);
                };
            }
            return values;
        }

        private ByteBuffer raw(int tag) throws NeurosegException, IOException {
            Integer at = entries.get(tag);
            if (at == null) {
                return null;
            }
            int type = ifd.getShort(at + 2);
            long count = bigTiff ? ifd.getLong(at + 4) : ifd.getInt(at + 4) & 0xFFFFFFFFL;
            int bytes = typeBytes(type);
            long total = count * bytes;
            int inline = bigTiff ? 8 : 4;
            int valueAt = at + (bigTiff ? 12 : 8);
            if (bytes == 0 || count < 0 || total > Math.min(size, Integer.MAX_VALUE - 8)) {
                throw new NeurosegException(file + " has a corrupt directory: page " + page + " tag " + tag
                        + " claims " + count + " values of type " + type);
            }
            if (total <= inline) {
                return ByteBuffer.wrap(ifd.array(), valueAt, (int) total).slice().order(order);
            }
            long offset = bigTiff ? ifd.getLong(valueAt) : ifd.getInt(valueAt) & 0xFFFFFFFFL;
            if (offset < 0 || offset + total > size) {
                throw new NeurosegException(file + " is truncated or has a corrupt directory: page " + page
                        + " tag " + tag + " values lie at bytes " + offset + ".." + (offset + total)
                        + " but the file has " + size + " bytes");
            }
            return read(channel, offset, (int) total).order(order);
        }
    }

    private static int typeBytes(int type) {
        return switch (type) {
            case 1, 2, 6, 7 -> 1;
            case 3, 8 -> 2;
            case 4, 9, 11, 13 -> 4;
            case 5, 10, 12, 16, 17, 18 -> 8;
            default -> 0;
        };
    }

    /** Reads {@code length} bytes at {@code position}; fewer at the end of the file. */
    static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        readFully(channel, buffer, position);
        buffer.flip();
        return buffer;
    }

    /** Fills {@code target} from {@code position} or until the end of the file. */
    static void readFully(FileChannel channel, ByteBuffer target, long position) throws IOException {
        long at = position;
        while (target.hasRemaining()) {
            int read = channel.read(target, at);
            if (read < 0) {
                return;
            }
            at += read;
        }
    }
}
