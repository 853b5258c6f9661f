package org.neuroseg.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.neuroseg.NeurosegException;

/**
 * Appends frames to a new video store. Frames go to a temporary file beside the target; {@link #commit()} writes
 * the frame count and renames it into place. Closing without committing deletes the temporary file, so a failed or
 * canceled run leaves no half-written store behind. Use in try-with-resources and call {@code commit()} last.
 */
public final class VideoWriter extends FrameFileWriter {

    VideoWriter(Path target, VideoShape frameShape, RecordingInfo recording, String metadataJson)
            throws NeurosegException {
        super(target, frameShape, "video file", VideoStore.encodeHeader(frameShape, recording, metadataJson));
    }

    @Override
    protected void finish(FileChannel file, VideoShape shape) throws IOException {
        ByteBuffer count = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(0, shape.frames());
        file.write(count, VideoStore.FRAMES_OFFSET);
    }
}
