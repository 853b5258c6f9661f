package org.neuroseg.video;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.neuroseg.NeurosegException;

/**
 * A calcium-imaging video, axis order (T, Y, X), read frame by frame. Frames are random-access by index; a video
 * is never required to fit on the heap. Implementations are not thread-safe unless they say so.
 */
public interface Video extends Closeable {

    /** @return frames, height, width and pixel type */
    VideoShape shape();

    /** @return frames per second, or 0 when unknown */
    double frameRateHz();

    /**
     * Copies frame {@code index} in its own pixel type, little-endian, row-major, into {@code target} from its
     * position, which advances by {@link VideoShape#bytesPerFrame()}.
     *
     * @throws IndexOutOfBoundsException when index is outside [0, frames)
     * @throws NeurosegException when the underlying file cannot be read or decoded
     */
    void readFrameBytes(int index, ByteBuffer target) throws NeurosegException;

    /**
     * Reads frame {@code index} converted to float, row-major, into {@code target} of length height x width.
     *
     * @throws NeurosegException when the underlying file cannot be read or decoded
     */
    default void readFrame(int index, float[] target) throws NeurosegException {
        VideoShape shape = shape();
        if (target.length != shape.pixelsPerFrame()) {
            throw new IllegalArgumentException("target holds " + target.length + " pixels, a frame has "
                    + shape.pixelsPerFrame());
        }
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

    /** Releases files and mappings. The default does nothing. */
    @Override
    default void close() throws IOException {
        // nothing to release
    }
}
