package org.neuroseg.io;

import java.nio.file.Files;
import java.nio.file.Path;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.Video;

/** Multi-page TIFF and BigTIFF ({@link TiffVideo}), recognized by their magic bytes. */
public final class TiffReader implements VideoReader {

    @Override
    public String name() {
        return "TIFF";
    }

    @Override
    public int priority() {
        return 200;
    }

    @Override
    public boolean canRead(Path file, ReadOptions options) {
        return Files.isRegularFile(file) && TiffVideo.isTiff(VideoFormats.head(file, 4));
    }

    @Override
    public Video open(Path file, ReadOptions options) throws NeurosegException {
        return TiffVideo.open(file);
    }
}
