package org.neuroseg.io;

import java.nio.file.Path;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.Video;

/**
 * One video file format that {@link VideoFormats} can detect and open. Implementations are stateless.
 */
public interface VideoReader {

    /** @return the format's name for users, e.g. "TIFF" */
    String name();

    /**
     * Says whether this format claims {@code file}, from its magic bytes, its extension or the options. Cheap: reads
     * at most the first bytes; never throws.
     *
     * @param file an existing file or folder
     * @param options what the caller knows about the file
     */
    boolean canRead(Path file, ReadOptions options);

    /**
     * Opens {@code file} as a video, axis order (T, Y, X).
     *
     * @throws NeurosegException when the file cannot be read as this format; the message names the file and the
     *         problem
     */
    Video open(Path file, ReadOptions options) throws NeurosegException;
}
