package org.neuroseg.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.neuroseg.NeurosegException;

/**
 * Appends frames to a new video store. Frames go to a temporary file beside the target; {@link #commit()} writes
 * the frame count and renames it into place. Closing without committing deletes the temporary file, so a failed or
 * canceled run leaves no half-written store behind. Use in try-with-resources and call {@code commit()} last.
 */
public final class VideoWriter implements AutoCloseable {

    private final Path target;
    private final Path partial;
    private final VideoShape frameShape;
    private final FileChannel channel;
    private final ByteBuffer frameBuffer;
    private int frames;
    private boolean finished;

    VideoWriter(Path target, VideoShape frameShape, double frameRateHz, String metadataJson)
            throws NeurosegException {
        this.target = target.toAbsolutePath();
        this.partial = this.target.resolveSibling(this.target.getFileName() + ".part");
        this.frameShape = frameShape;
        try {
            Files.createDirectories(this.target.getParent());
            channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            ByteBuffer header = VideoStore.encodeHeader(frameShape, frameRateHz, metadataJson);
            while (header.hasRemaining()) {
                channel.write(header);
            }
        } catch (IOException e) {
            throw new NeurosegException("Cannot create video file " + target + ": " + e.getMessage(), e);
        }
        frameBuffer = ByteBuffer.allocateDirect(frameShape.bytesPerFrame()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** @return height, width and pixel type, with the number of frames appended so far */
    public VideoShape shape() {
        return frameShape.withFrames(frames);
    }

    /**
     * Appends one frame, converted to the store's pixel type (rounded and clamped for integer types).
     *
     * @param pixels height x width values, row-major
     */
    public void append(float[] pixels) throws NeurosegException {
        if (pixels.length != frameShape.pixelsPerFrame()) {
            throw new IllegalArgumentException("frame has " + pixels.length + " pixels, expected "
                    + frameShape.pixelsPerFrame());
        }
        frameBuffer.clear();
        frameShape.pixelType().fromFloats(pixels, frameBuffer);
        writeFrame(frameBuffer);
    }

    /**
     * Appends one frame given as raw bytes in the store's pixel type, little-endian: the remaining bytes of
     * {@code bytes}, exactly one frame. The buffer's position advances to its limit.
     */
    public void appendBytes(ByteBuffer bytes) throws NeurosegException {
        if (bytes.remaining() != frameShape.bytesPerFrame()) {
            throw new IllegalArgumentException("frame has " + bytes.remaining() + " bytes, expected "
                    + frameShape.bytesPerFrame());
        }
        writeFrame(bytes);
    }

    /**
     * Appends all frames of {@code video}, which must have this store's frame size and pixel type.
     */
    public void appendAll(Video video) throws NeurosegException {
        VideoShape source = video.shape();
        if (source.height() != frameShape.height() || source.width() != frameShape.width()
                || source.pixelType() != frameShape.pixelType()) {
            throw new IllegalArgumentException("cannot append " + source + " to a store of " + frameShape);
        }
        for (int t = 0; t < source.frames(); t++) {
            frameBuffer.clear();
            video.readFrameBytes(t, frameBuffer);
            frameBuffer.flip();
            writeFrame(frameBuffer);
        }
    }

    private void writeFrame(ByteBuffer bytes) throws NeurosegException {
        ensureOpen();
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new NeurosegException("Cannot write frame " + frames + " to " + target + ": " + e.getMessage(), e);
        }
        frames++;
    }

    /**
     * Completes the store: records the frame count and moves it to its final name.
     *
     * @return the final path
     */
    public Path commit() throws NeurosegException {
        ensureOpen();
        try {
            ByteBuffer count = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(0, frames);
            channel.write(count, VideoStore.FRAMES_OFFSET);
            channel.close();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new NeurosegException("Cannot finish video file " + target + ": " + e.getMessage(), e);
        } finally {
            finished = true;
        }
        return target;
    }

    /** Deletes the temporary file unless {@link #commit()} succeeded. */
    @Override
    public void close() throws NeurosegException {
        if (finished) {
            return;
        }
        finished = true;
        try {
            channel.close();
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new NeurosegException("Cannot remove unfinished file " + partial + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the original error matters more
        }
    }

    private void ensureOpen() {
        if (finished) {
            throw new IllegalStateException("writer for " + target + " is already closed");
        }
    }
}
