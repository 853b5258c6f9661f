package org.neuroseg.io;

import java.nio.file.Files;
import java.nio.file.Path;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.Video;

/** Folders of single-page TIFF images ({@link ImageFolderVideo}). */
public final class ImageFolderReader implements VideoReader {

    @Override
    public String name() {
        return "TIFF image folder";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public boolean canRead(Path file, ReadOptions options) {
        return Files.isDirectory(file);
    }

    @Override
    public Video open(Path file, ReadOptions options) throws NeurosegException {
        return ImageFolderVideo.open(file);
    }
}
