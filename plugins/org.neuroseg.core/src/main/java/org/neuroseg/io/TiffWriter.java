package org.neuroseg.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.FrameFileWriter;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoStore;

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
public final class TiffWriter extends FrameFileWriter {

    /** Largest file written as a classic TIFF, whose offsets are 32-bit. */
    static final long CLASSIC_LIMIT = 0xFFFF_FFFFL;
    private static final int DATA_START = 16;

    private final double frameRateHz;
    private final long bigTiffThreshold;

    TiffWriter(Path target, VideoShape frameShape, double frameRateHz, long bigTiffThreshold)
            throws NeurosegException {
        super(target, frameShape, "TIFF file", ByteBuffer.allocate(DATA_START));
        this.frameRateHz = frameRateHz;
        this.bigTiffThreshold = bigTiffThreshold;
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
     * @throws NeurosegException when the video has more than one channel, or reading the video or writing the file
     *         fails
     * @throws CanceledException when the monitor cancels
     */
    public static Path write(Video video, Path file, ProgressMonitor monitor)
            throws NeurosegException, CanceledException {
        return write(video, file, monitor, CLASSIC_LIMIT);
    }

    static Path write(Video video, Path file, ProgressMonitor monitor, long bigTiffThreshold)
            throws NeurosegException, CanceledException {
        VideoShape shape = video.shape();
        if (shape.channels() != 1) {
            throw new NeurosegException("Cannot write " + file + ": NeuroSeg writes TIFF files of one channel, the"
                    + " video has " + shape.channels() + " channels; write a video store (" + VideoStore.EXTENSION
                    + ") instead");
        }
        try (TiffWriter writer = new TiffWriter(file, shape, video.frameRateHz(), bigTiffThreshold)) {
            for (int t = 0; t < shape.frames(); t++) {
                monitor.checkCanceled();
                writer.appendFrameOf(video, t);
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

    @Override
    protected void finish(FileChannel file, VideoShape shape) throws IOException, NeurosegException {
        if (shape.frames() == 0) {
            throw new NeurosegException("Cannot write " + target() + ": a TIFF needs at least one frame");
        }
        TiffLayout layout = new TiffLayout(shape, DATA_START, description(shape.frames()), bigTiffThreshold);
        layout.writeDirectories(file);
        file.write(layout.header(), 0);
    }

    private byte[] description(int frames) {
        StringBuilder text = new StringBuilder("ImageJ=1.11a\nimages=").append(frames).append("\nframes=")
                .append(frames).append('\n');
        if (frameRateHz > 0) {
            text.append("finterval=").append(1 / frameRateHz).append('\n');
        }
        text.append("loop=false\n\0");
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
