package org.neuroseg.roi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.neuroseg.NeurosegException;
import org.neuroseg.io.VideoFormats;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;

/**
 * Reads ROIs from the files users have: a label image (TIFF or video store, one frame, each neuron's pixels set to
 * its id), Neurofinder regions JSON ({@code .json}) or an ImageJ RoiSet ({@code .zip} or {@code .roi}). The last two
 * do not record the image size, which the caller gives.
 */
public final class RoiFiles {

    private RoiFiles() {
    }

    /** @return true when {@code file} is a label image, which carries its own size */
    public static boolean isLabelImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !(name.endsWith(".json") || name.endsWith(".zip") || name.endsWith(".roi"));
    }

    /**
     * @param height image rows, used for JSON and RoiSet files; ignored (may be 0) for label images
     * @param width image columns, as height
     * @throws NeurosegException naming the file when it cannot be read, or a label image has several frames
     */
    public static RoiSet read(Path file, int height, int width) throws NeurosegException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return NeurofinderRegions.read(file, height, width);
        }
        if (name.endsWith(".zip") || name.endsWith(".roi")) {
            return ImageJRoiSets.read(file, height, width);
        }
        try (Video labels = VideoFormats.open(file)) {
            VideoShape shape = labels.shape();
            if (shape.frames() != 1) {
                throw new NeurosegException(file + " has " + shape.frames()
                        + " frames; a label image has exactly one");
            }
            float[] pixels = new float[shape.pixelsPerFrame()];
            labels.readFrame(0, pixels);
            return RoiSet.fromLabelImage(pixels, shape.height(), shape.width());
        } catch (IOException e) {
            throw new NeurosegException("Cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
