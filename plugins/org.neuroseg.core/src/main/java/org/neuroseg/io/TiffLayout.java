package org.neuroseg.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.VideoShape;

/**
 * The directories of a TIFF written by {@link TiffWriter}: frames stored back to back from {@code dataStart}, then
 * the description, then one directory per page. Chooses BigTIFF when the classic file would exceed the threshold.
 */
final class TiffLayout {

    private static final short SHORT = 3;
    private static final short LONG = 4;
    private static final short LONG8 = 16;
    private static final short ASCII = 2;
    private static final int CHUNK = 1 << 16;

    private final VideoShape shape;
    private final long dataStart;
    private final byte[] description;
    private final boolean bigTiff;
    private final long descriptionAt;
    private final long firstIfd;

    TiffLayout(VideoShape shape, long dataStart, byte[] description, long bigTiffThreshold) {
        this.shape = shape;
        this.dataStart = dataStart;
        this.description = description;
        this.descriptionAt = align(dataStart + shape.totalBytes());
        this.firstIfd = align(descriptionAt + description.length);
        long classicEnd = firstIfd + ifdBytes(false, true) + (shape.frames() - 1L) * ifdBytes(false, false);
        this.bigTiff = classicEnd > bigTiffThreshold;
    }

    boolean bigTiff() {
        return bigTiff;
    }

    /** @return the file header, to write at offset 0 */
    ByteBuffer header() {
        ByteBuffer header = ByteBuffer.allocate(bigTiff ? 16 : 8).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 'I').put((byte) 'I');
        if (bigTiff) {
            header.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(firstIfd);
        } else {
            header.putShort((short) 42).putInt((int) firstIfd);
        }
        return header.flip();
    }

    /** Writes the description and all directories after the pixel data, through {@code channel}. */
    void writeDirectories(FileChannel channel) throws IOException {
        write(channel, ByteBuffer.wrap(description), descriptionAt);
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        long bufferAt = firstIfd;
        long ifdAt = firstIfd;
        for (int page = 0; page < shape.frames(); page++) {
            int size = ifdBytes(bigTiff, page == 0);
            if (buffer.remaining() < size) {
                write(channel, buffer.flip(), bufferAt);
                bufferAt = ifdAt;
                buffer.clear();
            }
            long next = page + 1 < shape.frames() ? ifdAt + size : 0;
            putDirectory(buffer, page, next);
            ifdAt += size;
        }
        write(channel, buffer.flip(), bufferAt);
    }

    private void putDirectory(ByteBuffer out, int page, long next) {
        PixelType type = shape.pixelType();
        int entries = page == 0 ? 12 : 11;
        putCount(out, entries);
        entry(out, 254, LONG, 1, 0);
        entry(out, 256, LONG, 1, shape.width());
        entry(out, 257, LONG, 1, shape.height());
        entry(out, 258, SHORT, 1, 8 * type.bytes());
        entry(out, 259, SHORT, 1, 1);
        entry(out, 262, SHORT, 1, 1);
        if (page == 0) {
            entry(out, 270, ASCII, description.length, descriptionAt);
        }
        entry(out, 273, bigTiff ? LONG8 : LONG, 1, dataStart + (long) page * shape.bytesPerFrame());
        entry(out, 277, SHORT, 1, 1);
        entry(out, 278, LONG, 1, shape.height());
        entry(out, 279, bigTiff ? LONG8 : LONG, 1, shape.bytesPerFrame());
        entry(out, 339, SHORT, 1, type == PixelType.FLOAT32 ? 3 : 1);
        if (bigTiff) {
            out.putLong(next);
        } else {
            out.putInt((int) next);
        }
    }

    private void putCount(ByteBuffer out, int count) {
        if (bigTiff) {
            out.putLong(count);
        } else {
            out.putShort((short) count);
        }
    }

    /** One entry with a single inline value, or an offset for the description. */
    private void entry(ByteBuffer out, int tag, short type, long count, long value) {
        out.putShort((short) tag).putShort(type);
        int start;
        if (bigTiff) {
            out.putLong(count);
            start = out.position();
            out.putLong(0);
        } else {
            out.putInt((int) count);
            start = out.position();
            out.putInt(0);
        }
        switch (type) {
            case SHORT -> out.putShort(start, (short) value);
            case LONG -> out.putInt(start, (int) value);
            default -> {
                if (bigTiff) {
                    out.putLong(start, value);
                } else {
                    out.putInt(start, (int) value);
                }
            }
        }
    }

    private static int ifdBytes(boolean big, boolean first) {
        int entries = first ? 12 : 11;
        return big ? 8 + 20 * entries + 8 : 2 + 12 * entries + 4;
    }

    private static long align(long offset) {
        return (offset + 7) & ~7L;
    }

    private static void write(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }
}
