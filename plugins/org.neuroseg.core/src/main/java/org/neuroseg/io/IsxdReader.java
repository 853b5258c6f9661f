package org.neuroseg.io;

import java.nio.file.Files;
import java.nio.file.Path;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.Video;

/**
 * Inscopix movies ({@link IsxdVideo}), recognized by the JSON header and its length at the end of the file; a file
 * named {@code .isxd} is claimed even without them, so that a movie cut off before Inscopix wrote its header gets
 * a message that says so.
 */
public final class IsxdReader implements VideoReader {

    @Override
    public String name() {
        return "Inscopix movie (.isxd)";
    }

    @Override
    public int priority() {
        return BY_CONTENT;
    }

    @Override
    public boolean canRead(Path file, ReadOptions options) {
        return Files.isRegularFile(file)
                && (VideoFormats.hasExtension(file, ".isxd") || IsxdVideo.hasHeaderAtEnd(file));
    }

    @Override
    public Video open(Path file, ReadOptions options) throws NeurosegException {
        return IsxdVideo.open(file);
    }
}
