package org.neuroseg.io;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.Video;

/**
 * Headerless (or fixed-header) raw binary frames with a layout given by the caller. Tried last: it claims any file
 * when the options give a raw layout, and files named .raw, .bin or .dat.
 */
public final class RawReader implements VideoReader {

    @Override
    public String name() {
        return "raw binary";
    }

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public boolean canRead(Path file, ReadOptions options) {
        return Files.isRegularFile(file)
                && (options.hasRawLayout() || VideoFormats.hasExtension(file, ".raw", ".bin", ".dat"));
    }

    @Override
    public Video open(Path file, ReadOptions options) throws NeurosegException {
        if (!options.hasRawLayout()) {
            throw new NeurosegException(file + " is a raw binary file: give its width, height and pixel type"
                    + " to read it");
        }
        ByteOrder order = options.byteOrder() == null ? ByteOrder.LITTLE_ENDIAN : options.byteOrder();
        return FileVideo.openRaw(file, options.height(), options.width(), options.pixelType(), order,
                options.headerBytes());
    }
}
