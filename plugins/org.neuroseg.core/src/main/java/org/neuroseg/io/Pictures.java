package org.neuroseg.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import javax.imageio.ImageIO;
import org.neuroseg.NeurosegException;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.Picture;

/** Pictures for people: grayscale images with ROI outlines drawn over them, as PNG. */
public final class Pictures {

    private static final double LOW_PERCENTILE = 0.01;
    private static final double HIGH_PERCENTILE = 0.995;

    private Pictures() {
    }

    /**
     * Renders {@code image} in gray, stretched between its 1st and 99.5th percentiles, with the outline of each ROI
     * (its pixels that touch a pixel outside it) in the colour {@code colorOfRoi} gives for its id.
     *
     * @param image height x width values, row-major
     * @param colorOfRoi ROI id to 0xRRGGBB
     * @return the picture, width x height pixels
     */
    public static BufferedImage outlines(float[] image, int height, int width, RoiSet rois,
            IntUnaryOperator colorOfRoi) {
        float[] sorted = image.clone();
        Arrays.sort(sorted);
        float low = sorted[(int) (LOW_PERCENTILE * (sorted.length - 1))];
        float high = sorted[(int) (HIGH_PERCENTILE * (sorted.length - 1))];
        float scale = high > low ? 255f / (high - low) : 0;
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int gray = Math.max(0, Math.min(255, Math.round((image[y * width + x] - low) * scale)));
                picture.setRGB(x, y, gray * 0x010101);
            }
        }
        int[] owner = new int[height * width];
        for (Roi roi : rois.rois()) {
            for (int i = 0; i < roi.area(); i++) {
                owner[roi.rows()[i] * width + roi.cols()[i]] = roi.id();
            }
        }
        for (Roi roi : rois.rois()) {
            int color = colorOfRoi.applyAsInt(roi.id());
            for (int i = 0; i < roi.area(); i++) {
                int y = roi.rows()[i];
                int x = roi.cols()[i];
                if (isEdge(owner, height, width, y, x)) {
                    picture.setRGB(x, y, color);
                }
            }
        }
        return picture;
    }

    /**
     * @return the picture encoded as PNG
     * @throws IllegalStateException when this Java runtime has no PNG writer
     */
    public static Picture toPicture(BufferedImage picture) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(picture, "png", png)) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory failed", e);
        }
        return new Picture(png.toByteArray());
    }

    /** Writes a picture as PNG, all or nothing. */
    public static void writePng(BufferedImage picture, Path file) throws NeurosegException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(picture, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }

    private static boolean isEdge(int[] owner, int height, int width, int y, int x) {
        int id = owner[y * width + x];
        return y == 0 || x == 0 || y == height - 1 || x == width - 1 || owner[(y - 1) * width + x] != id
                || owner[(y + 1) * width + x] != id || owner[y * width + x - 1] != id
                || owner[y * width + x + 1] != id;
    }
}
