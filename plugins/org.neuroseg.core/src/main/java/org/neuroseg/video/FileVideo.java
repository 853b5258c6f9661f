package org.neuroseg.video;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.neuroseg.NeurosegException;

/**
 * Frames of a file read one at a time by positional reads, so videos of any size (past 2 GB and 4 GB) are read with
 * a small heap and a resident memory that does not grow with the frames read (memory-mapped windows stayed resident
 * until the garbage collector unmapped them). Used for {@link VideoStore} files and for raw binary files with a
 * known layout. Thread-safe for reading.
 */
public final class FileVideo implements Video {

    private final Path file;
    private final FileChannel channel;
    private final VideoShape shape;
    private final RecordingInfo recording;
    private final String metadataJson;
    private final long dataOffset;
    private final ByteOrder order;
    /** One frame's bytes per reading thread, in the file's byte order. */
    private final ThreadLocal<ByteBuffer> frameBuffers;

    private FileVideo(Path file, FileChannel channel, VideoShape shape, RecordingInfo recording,
            String metadataJson, long dataOffset, ByteOrder order) {
        this.file = file;
        this.channel = channel;
        this.shape = shape;
        this.recording = recording;
        this.metadataJson = metadataJson;
        this.dataOffset = dataOffset;
        this.order = order;
        this.frameBuffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(shape.bytesPerFrame()).order(order));
    }

    /** Opens a {@link VideoStore} file of any format version this NeuroSeg reads. */
    static FileVideo open(Path file) throws NeurosegException {
        FileChannel channel = openChannel(file);
        try {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate(VideoStore.FIXED_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, head, 0);
            byte[] magic = new byte[VideoStore.MAGIC.length];
            head.get(0, magic);
            if (head.position() < VideoStore.VERSION_1_HEADER_BYTES || !Arrays.equals(magic, VideoStore.MAGIC)) {
                throw new NeurosegException(file + " is not a NeuroSeg video store (no NSVIDEO header)");
            }
            int version = head.getInt(8);
            if (version != 1 && version != VideoStore.VERSION) {
                throw new NeurosegException(file + " is a video store of format version " + version
                        + "; this NeuroSeg reads versions 1 to " + VideoStore.VERSION);
            }
            if (version == VideoStore.VERSION && head.position() < VideoStore.FIXED_HEADER_BYTES) {
                throw new NeurosegException(file + " is truncated inside its video header");
            }
            int headerBytes = head.getInt(12);
            long frames = head.getLong(16);
            int height = head.getInt(24);
            int width = head.getInt(28);
            PixelType type = PixelType.fromCode(head.getInt(32));
            // version 1 kept the channel field reserved (0) and knew only the frame rate
            int channels = version == 1 ? 1 : head.getInt(36);
            int metadataOffset = version == 1 ? VideoStore.VERSION_1_HEADER_BYTES : VideoStore.FIXED_HEADER_BYTES;
            int metadataLength = head.getInt(metadataOffset - 4);
            if (type == null || frames < 0 || frames > Integer.MAX_VALUE || channels < 1 || height < 1 || width < 1
                    || metadataLength < 0 || metadataOffset + (long) metadataLength > headerBytes) {
                throw new NeurosegException(file + " has a corrupt video header (frames " + frames + ", channels "
                        + channels + ", size " + height + " x " + width + ", pixel type code " + head.getInt(32)
                        + ")");
            }
            RecordingInfo recording;
            try {
                recording = version == 1 ? RecordingInfo.ofFrameRate(head.getDouble(40))
                        : new RecordingInfo(head.getDouble(40), head.getDouble(48), head.getDouble(56));
            } catch (IllegalArgumentException e) {
                throw new NeurosegException(file + " has a corrupt video header: " + e.getMessage(), e);
            }
            VideoShape shape = new VideoShape((int) frames, channels, height, width, type);
            long expected = headerBytes + shape.totalBytes();
            if (size < expected) {
                throw new NeurosegException(file + " is truncated: it should hold " + shape + " (" + expected
                        + " bytes) but has " + size + " bytes");
            }
            ByteBuffer metadata = ByteBuffer.allocate(metadataLength);
            readFully(channel, metadata, metadataOffset);
            String json = new String(metadata.array(), 0, metadata.position(), StandardCharsets.UTF_8);
            return new FileVideo(file, channel, shape, recording, json, headerBytes, ByteOrder.LITTLE_ENDIAN);
        } catch (NeurosegException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new NeurosegException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a headerless raw binary file of frames.
     *
     * @param file the raw file
     * @param height rows per frame
     * @param width columns per frame
     * @param pixelType type of each pixel
     * @param order byte order of the file
     * @param headerBytes bytes to skip at the start
     * @throws NeurosegException when the file is missing or its size is not a whole number of frames
     */
    public static FileVideo openRaw(Path file, int height, int width, PixelType pixelType, ByteOrder order,
            long headerBytes) throws NeurosegException {
        FileChannel channel = openChannel(file);
        try {
            long size = channel.size() - headerBytes;
            long frameBytes = (long) height * width * pixelType.bytes();
            if (size <= 0 || size % frameBytes != 0 || size / frameBytes > Integer.MAX_VALUE) {
                throw new NeurosegException(file + " holds " + Math.max(0, size) + " bytes of pixels, which is not a"
                        + " whole number of " + height + " x " + width + " " + pixelType.name().toLowerCase()
                        + " frames (" + frameBytes + " bytes each): check width, height and pixel type");
            }
            VideoShape shape = new VideoShape((int) (size / frameBytes), height, width, pixelType);
            return new FileVideo(file, channel, shape, RecordingInfo.UNKNOWN, "{}", headerBytes, order);
        } catch (NeurosegException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new NeurosegException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public VideoShape shape() {
        return shape;
    }

    @Override
    public RecordingInfo recording() {
        return recording;
    }

    /** @return the JSON metadata stored with the video ("{}" when none) */
    public String metadataJson() {
        return metadataJson;
    }

    /** @return the file this video is read from */
    public Path file() {
        return file;
    }

    /** @return the "source" of the metadata when it names one (the file a reader copied), else this file */
    @Override
    public String source() {
        try {
            JsonElement metadata = JsonParser.parseString(metadataJson);
            if (metadata.isJsonObject() && metadata.getAsJsonObject().get("source") instanceof JsonPrimitive text
                    && text.isString()) {
                return text.getAsString();
            }
        } catch (JsonParseException e) {
            // metadata that is not JSON names no source
        }
        return file.toString();
    }

    @Override
    public void readFrameBytes(int index, ByteBuffer target) throws NeurosegException {
        ByteBuffer frame = read(index, target.slice(target.position(), shape.bytesPerFrame()));
        if (order != ByteOrder.LITTLE_ENDIAN) {
            shape.pixelType().bigToLittleEndian(frame, frame, shape.pixelsPerFrame());
        }
        target.position(target.position() + shape.bytesPerFrame());
    }

    @Override
    public void readFrame(int index, float[] target) throws NeurosegException {
        shape.checkFrameTarget(target.length);
        shape.pixelType().toFloats(read(index, frameBuffers.get()), target);
    }

    /** Reads only the plane of {@code channel} from the file. */
    @Override
    public void readChannel(int index, int channel, float[] target) throws NeurosegException {
        shape.checkPlaneTarget(channel, target.length);
        int planeBytes = shape.pixelsPerPlane() * shape.pixelType().bytes();
        ByteBuffer plane = frameBuffers.get().clear().limit(planeBytes);
        shape.pixelType().toFloats(read(index, (long) channel * planeBytes, plane), target);
    }

    /** Reads frame {@code index} into the whole of {@code buffer} and returns it flipped for reading. */
    private ByteBuffer read(int index, ByteBuffer buffer) throws NeurosegException {
        return read(index, 0, buffer.clear());
    }

    /**
     * Reads the remaining bytes of {@code buffer} from frame {@code index}, starting {@code offset} bytes into the
     * frame, and returns the buffer flipped for reading.
     */
    private ByteBuffer read(int index, long offset, ByteBuffer buffer) throws NeurosegException {
        shape.checkFrame(index);
        try {
            readFully(channel, buffer, dataOffset + (long) index * shape.bytesPerFrame() + offset);
        } catch (IOException e) {
            throw new NeurosegException("Cannot read frame " + index + " of " + file + ": " + e.getMessage(), e);
        }
        if (buffer.hasRemaining()) {
            throw new NeurosegException(file + " was truncated while being read: frame " + index + " is incomplete");
        }
        return buffer.flip();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static FileChannel openChannel(Path file) throws NeurosegException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new NeurosegException("File not found: " + file, e);
        } catch (IOException e) {
            throw new NeurosegException("Cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer target, long position) throws IOException {
        long at = position;
        while (target.hasRemaining()) {
            int read = channel.read(target, at);
            if (read < 0) {
                return;
            }
            at += read;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the original error matters more
        }
    }
}
