package org.neuroseg.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.neuroseg.NeurosegException;

/**
 * The NeuroSeg video store: one file per video (or image), a small header followed by raw little-endian frames,
 * read a frame at a time by positional reads and written by appending frames.
 *
 * <pre>
 * offset  size  field
 *      0     8  magic "NSVIDEO\0"
 *      8     4  format version (1)
 *     12     4  header size in bytes = offset of frame 0 (a multiple of 4096)
 *     16     8  number of frames T
 *     24     4  height H
 *     28     4  width W
 *     32     4  pixel type code ({@link PixelType#code()})
 *     36     4  reserved, 0
 *     40     8  frame rate in Hz (0 when unknown)
 *     48     4  length N of the metadata in bytes
 *     52     N  metadata, UTF-8 JSON
 * header      T x H x W pixels, frame after frame, row-major
 * </pre>
 *
 * The usual file extension is {@value #EXTENSION}.
 */
public final class VideoStore {

    /** File extension of stores. */
    public static final String EXTENSION = ".nsv";

    static final byte[] MAGIC = "NSVIDEO\0".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int ALIGNMENT = 4096;
    static final int FIXED_HEADER_BYTES = 52;
    static final int FRAMES_OFFSET = 16;

    private VideoStore() {
    }

    /**
     * Opens a store for reading.
     *
     * @throws NeurosegException when the file is missing, not a store, of an unknown version or truncated
     */
    public static FileVideo open(Path file) throws NeurosegException {
        return FileVideo.open(file);
    }

    /**
     * Starts writing a store. Frames are appended; nothing appears at {@code file} until
     * {@link VideoWriter#commit()}.
     *
     * @param file where the store will be
     * @param height rows of each frame
     * @param width columns of each frame
     * @param pixelType stored type
     * @param frameRateHz frames per second, or 0 when unknown
     * @param metadataJson JSON object with anything else worth keeping (source file, stage parameters), or null
     * @throws NeurosegException when the file cannot be created
     */
    public static VideoWriter create(Path file, int height, int width, PixelType pixelType, double frameRateHz,
            String metadataJson) throws NeurosegException {
        return new VideoWriter(file, new VideoShape(0, height, width, pixelType), frameRateHz,
                metadataJson == null ? "{}" : metadataJson);
    }

    /** @return true when the file starts with the store's magic bytes */
    public static boolean isStore(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(MAGIC.length);
            while (head.hasRemaining() && channel.read(head) >= 0) {
                // fill
            }
            return !head.hasRemaining() && head.flip().equals(ByteBuffer.wrap(MAGIC));
        } catch (IOException e) {
            return false;
        }
    }

    static ByteBuffer encodeHeader(VideoShape shape, double frameRateHz, String metadataJson) {
        byte[] metadata = metadataJson.getBytes(StandardCharsets.UTF_8);
        int size = FIXED_HEADER_BYTES + metadata.length;
        int headerBytes = (size + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        ByteBuffer header = ByteBuffer.allocate(headerBytes).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putInt(VERSION).putInt(headerBytes).putLong(shape.frames()).putInt(shape.height())
                .putInt(shape.width()).putInt(shape.pixelType().code()).putInt(0).putDouble(frameRateHz)
                .putInt(metadata.length).put(metadata);
        header.clear();
        return header;
    }
}
