package org.neuroseg.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;

/**
 * Writes a video, axis order (T, Y, X), as an uncompressed little-endian multi-page TIFF in its own pixel type,
 * one page per frame, with an ImageJ description ({@code images=N}, {@code frames=N}, {@code finterval}) so that
 * ImageJ and Fiji open it as a time series. Frames are stored back to back after the header and the directories
 * follow them, as ImageJ expects. The file is a classic TIFF when it stays under 4 GB and a BigTIFF otherwise.
 *
 * <p>Frames are appended to {@code <name>.part} beside the target; {@link #commit()} adds the directories and renames
 * it into place. Closing without committing deletes the partial file, so a failed or canceled run leaves nothing
 * behind. Use in try-with-resources and call {@code commit()} last.
 */
public final class TiffWriter implements AutoCloseable {

    /** Largest file written as a classic TIFF, whose offsets are 32-bit. */
    static final long CLASSIC_LIMIT = 0xFFFF_FFFFL;
    private static final int DATA_START = 16;

    private final Path target;
    private final Path partial;
    private final VideoShape frameShape;
    private final double frameRateHz;
    private final long bigTiffThreshold;
    private final FileChannel channel;
    private final ByteBuffer frameBuffer;
    private int frames;
    private boolean finished;

    TiffWriter(Path target, VideoShape frameShape, double frameRateHz, long bigTiffThreshold)
            throws NeurosegException {
        this.target = target.toAbsolutePath();
        this.partial = this.target.resolveSibling(this.target.getFileName() + ".part");
        this.frameShape = frameShape.withFrames(0);
        this.frameRateHz = frameRateHz;
        this.bigTiffThreshold = bigTiffThreshold;
        try {
            Files.createDirectories(this.target.getParent());
            channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            channel.position(DATA_START);
        } catch (IOException e) {
            throw new NeurosegException("Cannot create TIFF file " + target + ": " + e.getMessage(), e);
        }
        frameBuffer = ByteBuffer.allocateDirect(frameShape.bytesPerFrame()).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Starts writing a TIFF; nothing appears at {@code file} until {@link #commit()}.
     *
     * @param file where the TIFF will be
     * @param height rows of each frame
     * @param width columns of each frame
     * @param pixelType stored type
     * @param frameRateHz frames per second, or 0 when unknown
     * @throws NeurosegException when the file cannot be created
     */
    public static TiffWriter create(Path file, int height, int width, PixelType pixelType, double frameRateHz)
            throws NeurosegException {
        return new TiffWriter(file, new VideoShape(0, height, width, pixelType), frameRateHz, CLASSIC_LIMIT);
    }

    /**
     * Writes all frames of {@code video} to a TIFF at {@code file} in the video's pixel type, reporting progress per
     * frame. Nothing is left at {@code file} when reading fails or the monitor cancels.
     *
     * @param video the frames to write, with their frame rate
     * @param file where the TIFF will be
     * @param monitor receives progress and may cancel
     * @return the final path
     * @throws NeurosegException when reading the video or writing the file fails
     * @throws CanceledException when the monitor cancels
     */
    public static Path write(Video video, Path file, ProgressMonitor monitor)
            throws NeurosegException, CanceledException {
        return write(video, file, monitor, CLASSIC_LIMIT);
    }

    static Path write(Video video, Path file, ProgressMonitor monitor, long bigTiffThreshold)
            throws NeurosegException, CanceledException {
        VideoShape shape = video.shape();
        try (TiffWriter writer = new TiffWriter(file, shape, video.frameRateHz(), bigTiffThreshold)) {
            ByteBuffer frame = writer.frameBuffer;
            for (int t = 0; t < shape.frames(); t++) {
                monitor.checkCanceled();
                frame.clear();
                video.readFrameBytes(t, frame);
                frame.flip();
                writer.appendBytes(frame);
                monitor.setProgress((t + 1.0) / shape.frames(), null);
            }
            return writer.commit();
        }
    }

    /**
     * Writes a label image (0 background, 1..65535 regions) as a single-page 16-bit TIFF.
     *
     * @param file where the TIFF will be
     * @param labels height x width whole numbers, row-major
     * @param height rows
     * @param width columns
     * @return the final path
     * @throws NeurosegException when a label is negative, above 65535 or not a whole number (naming the pixel), or
     *         the file cannot be written
     */
    public static Path writeLabelImage(Path file, float[] labels, int height, int width) throws NeurosegException {
        if (labels.length != height * width) {
            throw new IllegalArgumentException(labels.length + " labels for a " + height + " x " + width + " image");
        }
        for (int i = 0; i < labels.length; i++) {
            float label = labels[i];
            if (!(label >= 0 && label <= 65535 && label == Math.rint(label))) {
                throw new NeurosegException("Cannot write label image " + file + ": pixel (y " + i / width + ", x "
                        + i % width + ") has label " + label + "; labels must be whole numbers from 0 to 65535");
            }
        }
        try (TiffWriter writer = create(file, height, width, PixelType.UINT16, 0)) {
            writer.append(labels);
            return writer.commit();
        }
    }

    /** @return height, width and pixel type, with the number of frames appended so far */
    public VideoShape shape() {
        return frameShape.withFrames(frames);
    }

    /**
     * Appends one frame, converted to the file's pixel type (rounded and clamped for integer types).
     *
     * @param pixels height x width values, row-major
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
     * Completes the TIFF: writes the description and directories and moves the file to its final name.
     *
     * @return the final path
     * @throws NeurosegException when no frame was appended or the file cannot be written
     */
    public Path commit() throws NeurosegException {
        ensureOpen();
        try {
            if (frames == 0) {
                throw new NeurosegException("Cannot write " + target + ": a TIFF needs at least one frame");
            }
            TiffLayout layout = new TiffLayout(frameShape.withFrames(frames), DATA_START, description(),
                    bigTiffThreshold);
            layout.writeDirectories(channel);
            channel.write(layout.header(), 0);
            channel.close();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new NeurosegException("Cannot finish TIFF file " + target + ": " + e.getMessage(), e);
        } finally {
            finished = true;
            closeAndDelete();
        }
        return target;
    }

    private byte[] description() {
        StringBuilder text = new StringBuilder("ImageJ=1.11a\nimages=").append(frames).append("\nframes=")
                .append(frames).append('\n');
        if (frameRateHz > 0) {
            text.append("finterval=").append(1 / frameRateHz).append('\n');
        }
        text.append("loop=false\n\0");
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

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
