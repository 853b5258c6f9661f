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
 *      8     4  format version (2)
 *     12     4  header size in bytes = offset of frame 0 (a multiple of 4096)
 *     16     8  number of frames T
 *     24     4  height H
 *     28     4  width W
 *     32     4  pixel type code ({@link PixelType#code()})
 *     36     4  channels C, at least 1
 *     40     8  frame rate in Hz (0 when unknown)
 *     48     8  pixel size in µm (0 when unknown)
 *     56     8  cell diameter in pixels (0 when unknown)
 *     64     4  length N of the metadata in bytes
 *     68     N  metadata, UTF-8 JSON
 * header      T x C x H x W pixels, frame after frame, each frame its channels' planes in order, row-major
 * </pre>
 *
 * Version 1 stores (written before channels and recording facts were kept) are read too: their bytes 36 to 39 are
 * reserved (read as one channel), the metadata length is at offset 48 and the metadata at 52, and only the frame rate
 * of the recording is known. The usual file extension is {@value #EXTENSION}.
 */
public final class VideoStore {

    /** File extension of stores. */
    public static final String EXTENSION = ".nsv";

    static final byte[] MAGIC = "NSVIDEO\0".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;
    static final int ALIGNMENT = 4096;
    static final int FIXED_HEADER_BYTES = 68;
    /** Fixed part of a version 1 header; its metadata length sits in its last 4 bytes. */
    static final int VERSION_1_HEADER_BYTES = 52;
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
     * Starts writing a single-channel store of which only the frame rate is known; see
     * {@link #create(Path, VideoShape, RecordingInfo, String)}.
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
        return create(file, new VideoShape(0, height, width, pixelType), RecordingInfo.ofFrameRate(frameRateHz),
                metadataJson);
    }

    /**
     * Starts writing a store. Frames are appended; nothing appears at {@code file} until
     * {@link VideoWriter#commit()}.
     *
     * @param file where the store will be
     * @param frameShape channels, height, width and pixel type of each frame (its frame count is ignored)
     * @param recording what is known of the recording, kept in the header
     * @param metadataJson JSON object with anything else worth keeping (source file, stage parameters), or null
     * @throws NeurosegException when the file cannot be created
     */
    public static VideoWriter create(Path file, VideoShape frameShape, RecordingInfo recording, String metadataJson)
            throws NeurosegException {
        return new VideoWriter(file, frameShape.withFrames(0), recording, metadataJson == null ? "{}" : metadataJson);
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

    static ByteBuffer encodeHeader(VideoShape shape, RecordingInfo recording, String metadataJson) {
        byte[] metadata = metadataJson.getBytes(StandardCharsets.UTF_8);
        int size = FIXED_HEADER_BYTES + metadata.length;
        int headerBytes = (size + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        ByteBuffer header = ByteBuffer.allocate(headerBytes).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putInt(VERSION).putInt(headerBytes).putLong(shape.frames()).putInt(shape.height())
                .putInt(shape.width()).putInt(shape.pixelType().code()).putInt(shape.channels())
                .putDouble(recording.frameRateHz()).putDouble(recording.micronsPerPixel())
                .putDouble(recording.cellDiameterPx()).putInt(metadata.length).put(metadata);
        header.clear();
        return header;
    }
}
