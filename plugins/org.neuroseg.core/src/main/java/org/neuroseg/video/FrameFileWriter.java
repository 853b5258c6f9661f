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
 * Appends frames of one size and pixel type to a file. Frames go to {@code <name>.part} beside the target;
 * {@link #commit()} lets the format finish the file and renames it into place. Closing without committing deletes
 * the partial file, so a failed or canceled run leaves nothing behind. Use in try-with-resources and call
 * {@code commit()} last. Not thread-safe.
 */
public abstract class FrameFileWriter implements AutoCloseable {

    private final Path target;
    private final Path partial;
    private final String kind;
    private final VideoShape frameShape;
    private final FileChannel channel;
    private final ByteBuffer frameBuffer;
    private int frames;
    private boolean finished;

    /**
     * Creates the partial file and writes {@code prefix} at its start; frames follow it.
     *
     * @param target the final file
     * @param frameShape channels, height, width and pixel type of each frame (its frame count is ignored)
     * @param kind what the file is, for error messages, e.g. "TIFF file"
     * @param prefix the first bytes of the file (header or room for one)
     * @throws NeurosegException when the file cannot be created
     */
    protected FrameFileWriter(Path target, VideoShape frameShape, String kind, ByteBuffer prefix)
            throws NeurosegException {
        this.target = target.toAbsolutePath();
        this.partial = this.target.resolveSibling(this.target.getFileName() + ".part");
        this.kind = kind;
        this.frameShape = frameShape.withFrames(0);
        try {
            Files.createDirectories(this.target.getParent());
            channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            while (prefix.hasRemaining()) {
                channel.write(prefix);
            }
        } catch (IOException e) {
            throw new NeurosegException("Cannot create " + kind + " " + target + ": " + e.getMessage(), e);
        }
        frameBuffer = ByteBuffer.allocateDirect(frameShape.bytesPerFrame()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** @return height, width and pixel type, with the number of frames appended so far */
    public VideoShape shape() {
        return frameShape.withFrames(frames);
    }

    /** @return the final path */
    public Path target() {
        return target;
    }

    /**
     * Appends one frame, converted to the file's pixel type (rounded and clamped for integer types).
     *
     * @param pixels channels x height x width values, the planes one after the other, row-major
     * @throws NeurosegException when the frame cannot be written
     */
    public void append(float[] pixels) throws NeurosegException {
        if (pixels.length != frameShape.pixelsPerFrame()) {
            throw new IllegalArgumentException("frame has " + pixels.length + " pixels, expected "
                    + frameShape.pixelsPerFrame());
        }
        frameBuffer.clear();
        frameShape.pixelType().fromFloats(pixels, frameBuffer);
        appendBytes(frameBuffer);
    }

    /**
     * Appends one frame given as raw bytes in the file's pixel type, little-endian: the remaining bytes of
     * {@code bytes}, exactly one frame. The buffer's position advances to its limit.
     *
     * @throws NeurosegException when the frame cannot be written
     */
    public void appendBytes(ByteBuffer bytes) throws NeurosegException {
        ensureOpen();
        if (bytes.remaining() != frameShape.bytesPerFrame()) {
            throw new IllegalArgumentException("frame has " + bytes.remaining() + " bytes, expected "
                    + frameShape.bytesPerFrame());
        }
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
     * Appends frame {@code index} of {@code video}, which must have this file's channels, frame size and pixel type.
     *
     * @throws NeurosegException when reading the frame or writing it fails
     */
    public void appendFrameOf(Video video, int index) throws NeurosegException {
        VideoShape source = video.shape();
        if (!source.withFrames(0).equals(frameShape)) {
            throw new IllegalArgumentException("cannot append a frame of " + source + " to a file of "
                    + frameShape);
        }
        frameBuffer.clear();
        video.readFrameBytes(index, frameBuffer);
        appendBytes(frameBuffer.flip());
    }

    /**
     * Lets the format finish the file, then moves it to its final name.
     *
     * @return the final path
     * @throws NeurosegException when the format refuses (e.g. no frames) or the file cannot be written
     */
    public Path commit() throws NeurosegException {
        ensureOpen();
        try {
            finish(channel, frameShape.withFrames(frames));
            channel.close();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new NeurosegException("Cannot finish " + kind + " " + target + ": " + e.getMessage(), e);
        } finally {
            finished = true;
            closeAndDelete();
        }
        return target;
    }

    /**
     * Writes what the format needs once all frames are in (frame count, directories, header).
     *
     * @param file the partial file, positioned after the last frame
     * @param shape the frames written
     * @throws NeurosegException when the content cannot be finished, e.g. a format that needs frames has none
     */
    protected abstract void finish(FileChannel file, VideoShape shape) throws IOException, NeurosegException;

    /** Deletes the partial file unless {@link #commit()} succeeded. */
    @Override
    public void close() throws NeurosegException {
        if (!finished) {
            finished = true;
            closeAndDelete();
        }
    }

    private void closeAndDelete() throws NeurosegException {
        try {
            channel.close();
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new NeurosegException("Cannot remove unfinished file " + partial + ": " + e.getMessage(), e);
        }
    }

    private void ensureOpen() {
        if (finished) {
            throw new IllegalStateException("writer for " + target + " is already closed");
        }
    }
}
