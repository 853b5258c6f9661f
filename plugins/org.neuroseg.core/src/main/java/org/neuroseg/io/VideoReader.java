package org.neuroseg.io;

import java.nio.file.Path;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.Video;

/**
 * One video file format that {@link VideoFormats} can detect and open. Implementations are stateless, public, have
 * a public no-argument constructor and are registered in a {@code META-INF/services/org.neuroseg.io.VideoReader}
 * file of their jar, so that {@link java.util.ServiceLoader} finds them (core's own readers are registered that
 * way too).
 */
public interface VideoReader {

    /** Priority of readers that recognize their files by content (magic bytes): after core's TIFF and store. */
    int BY_CONTENT = 500;

    /** @return the format's name for users, e.g. "TIFF" */
    String name();

    /**
     * The place of this reader in the order of trial: {@link VideoFormats} asks readers of lower priority first
     * (ties go by {@link #name()}), so that detection does not depend on the order in which jars are found.
     * Readers that claim files by content should use {@link #BY_CONTENT}; readers that claim files by extension or
     * options alone need a higher number than every reader whose files could carry that extension.
     *
     * @return the priority; core's readers use 100 (folders), 200 (TIFF), 300 (stores) and 1000 (raw)
     */
    int priority();

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
