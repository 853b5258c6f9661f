package org.neuroseg.activity;

import java.awt.image.BufferedImage;
import java.util.Set;
import org.neuroseg.io.Pictures;
import org.neuroseg.stage.Picture;
import org.neuroseg.stage.Raster;

/**
 * The raster plot: neurons as rows (top to bottom in table order), frames as columns (left to right), black where
 * active. Rows of neurons that were not kept are drawn in light red. Long videos are binned: a column is active when
 * any of its frames is.
 */
public final class RasterPlot {

    /** Widest plot in pixels. */
    static final int MAX_WIDTH = 2000;
    /** Tallest row in pixels. */
    static final int MAX_ROW_HEIGHT = 4;
    /** Tallest plot in pixels. */
    static final int MAX_HEIGHT = 2000;

    private RasterPlot() {
    }

    /**
     * @param kept ids of the neurons that were kept; other rows are drawn faint
     * @return the plot as PNG
     */
    public static Picture draw(Raster raster, Set<Integer> kept) {
        int rows = raster.neuronIds().length;
        int frames = Math.max(1, raster.frames());
        int width = Math.min(MAX_WIDTH, frames);
        int rowHeight = rows == 0 ? 1 : Math.max(1, Math.min(MAX_ROW_HEIGHT, MAX_HEIGHT / rows));
        int height = Math.max(1, Math.min(MAX_HEIGHT, rows * rowHeight));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            int row = (int) ((long) y * rows / height);
            boolean keptRow = rows > 0 && kept.contains(raster.neuronIds()[row]);
            for (int x = 0; x < width; x++) {
                int fromFrame = (int) ((long) x * frames / width);
                int toFrame = (int) ((long) (x + 1) * frames / width);
                boolean active = rows > 0 && raster.rows().get(row).nextSetBit(fromFrame) >= 0
                        && raster.rows().get(row).nextSetBit(fromFrame) < toFrame;
                int color = !active ? 0xFFFFFF : keptRow ? 0x000000 : 0xF0A0A0;
                image.setRGB(x, y, color);
            }
        }
        return Pictures.toPicture(image);
    }
}
