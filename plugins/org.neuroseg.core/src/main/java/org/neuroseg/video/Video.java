package org.neuroseg.video;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.neuroseg.NeurosegException;

/**
 * A calcium-imaging video, axis order (T, C, Y, X) (see {@link VideoShape} for the layout of channels; most videos
 * have one channel and are simply (T, Y, X)), read frame by frame, with what is known of its recording. Frames are
 * random-access by index; a video is never required to fit on the heap. Implementations are not thread-safe unless
 * they say so.
 */
public interface Video extends Closeable {

    /** @return frames, channels, height, width and pixel type */
    VideoShape shape();

    /** @return frame rate, pixel size and cell diameter, each 0 when unknown */
    RecordingInfo recording();

    /** @return frames per second, or 0 when unknown: {@link RecordingInfo#frameRateHz()} of {@link #recording()} */
    default double frameRateHz() {
        return recording().frameRateHz();
    }

    /**
     * Copies frame {@code index} (all its channels) in its own pixel type, little-endian, row-major, into
     * {@code target} from its position, which advances by {@link VideoShape#bytesPerFrame()}.
     *
     * @throws IndexOutOfBoundsException when index is outside [0, frames)
     * @throws NeurosegException when the underlying file cannot be read or decoded
     */
    void readFrameBytes(int index, ByteBuffer target) throws NeurosegException;

    /**
     * Reads frame {@code index} converted to float, row-major, into {@code target} of length
     * {@link VideoShape#pixelsPerFrame()} (channels x height x width: the planes one after the other).
     *
     * @throws NeurosegException when the underlying file cannot be read or decoded
     */
    default void readFrame(int index, float[] target) throws NeurosegException {
        VideoShape shape = shape();
        shape.checkFrameTarget(target.length);
        ByteBuffer bytes = ByteBuffer.allocate(shape.bytesPerFrame()).order(ByteOrder.LITTLE_ENDIAN);
        readFrameBytes(index, bytes);
        bytes.flip();
        shape.pixelType().toFloats(bytes, target);
    }

    /**
     * @return what the video was read from, for messages to users: a file or folder when there is one (a store
     *         written by the Calcium Video Reader names the file it was read from); the default is
     *         {@link #toString()}
     */
    default String source() {
        return toString();
    }

    /**
     * Reads one channel of frame {@code index} converted to float, row-major, into {@code target} of length height x
     * width. The default reads the whole frame; implementations that can read one plane alone do so.
     *
     * @throws IndexOutOfBoundsException when index or channel is out of range
     * @throws NeurosegException when the underlying file cannot be read or decoded
     */
    default void readChannel(int index, int channel, float[] target) throws NeurosegException {
        VideoShape shape = shape();
        shape.checkPlaneTarget(channel, target.length);
        if (shape.channels() == 1) {
            readFrame(index, target);
            return;
        }
        float[] frame = new float[shape.pixelsPerFrame()];
        readFrame(index, frame);
        System.arraycopy(frame, channel * shape.pixelsPerPlane(), target, 0, target.length);
    }

    /** Releases files and mappings. The default does nothing. */
    @Override
    default void close() throws IOException {
        // nothing to release
    }
}
