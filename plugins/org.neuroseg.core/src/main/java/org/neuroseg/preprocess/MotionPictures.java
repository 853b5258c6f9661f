package org.neuroseg.preprocess;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import org.neuroseg.io.Pictures;
import org.neuroseg.stage.MotionShifts;
import org.neuroseg.stage.Picture;

/**
 * The picture of a motion correction: the mean image before and after correction side by side (sharper after), and
 * below them the shift traces dx (red) and dy (blue) in pixels against the frame number.
 */
final class MotionPictures {

    private static final int PANEL_PX = 384;
    private static final int PLOT_HEIGHT_PX = 220;
    private static final int MARGIN_PX = 40;
    private static final int TITLE_PX = 22;

    private MotionPictures() {
    }

    /**
     * @param before mean image of the input, height x width, row-major
     * @param after mean image of the corrected video
     * @return the picture as PNG
     */
    static Picture beforeAfter(float[] before, float[] after, int height, int width, MotionShifts shifts) {
        double scale = (double) PANEL_PX / Math.max(height, width);
        int panelWidth = (int) Math.round(width * scale);
        int panelHeight = (int) Math.round(height * scale);
        int pictureWidth = 2 * panelWidth + 3 * MARGIN_PX / 2;
        int pictureHeight = TITLE_PX + panelHeight + PLOT_HEIGHT_PX + 2 * MARGIN_PX;
        BufferedImage picture = new BufferedImage(pictureWidth, pictureHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, pictureWidth, pictureHeight);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.setColor(Color.BLACK);
            int left = MARGIN_PX / 2;
            int right = left + panelWidth + MARGIN_PX / 2;
            g.drawString("Mean image before correction", left, TITLE_PX - 6);
            g.drawString("Mean image after correction", right, TITLE_PX - 6);
            g.drawImage(gray(before, height, width), left, TITLE_PX, panelWidth, panelHeight, null);
            g.drawImage(gray(after, height, width), right, TITLE_PX, panelWidth, panelHeight, null);
            plot(g, shifts, MARGIN_PX, TITLE_PX + panelHeight + MARGIN_PX / 2 + 8, pictureWidth - 3 * MARGIN_PX / 2,
                    PLOT_HEIGHT_PX);
        } finally {
            g.dispose();
        }
        return Pictures.toPicture(picture);
    }

    /** Draws dx and dy against the frame number in the box at (x, y) of the given size, with axes and labels. */
    private static void plot(Graphics2D g, MotionShifts shifts, int x, int y, int plotWidth, int plotHeight) {
        double limit = 0.5;
        for (int t = 0; t < shifts.frames(); t++) {
            limit = Math.max(limit, Math.max(Math.abs(shifts.dx()[t]), Math.abs(shifts.dy()[t])));
        }
        limit = Math.ceil(limit);
        g.setColor(Color.BLACK);
        g.drawRect(x, y, plotWidth, plotHeight);
        g.setColor(Color.LIGHT_GRAY);
        g.drawLine(x, y + plotHeight / 2, x + plotWidth, y + plotHeight / 2);
        g.setColor(Color.BLACK);
        g.drawString(String.format(Locale.ROOT, "+%.0f px", limit), x - MARGIN_PX + 2, y + 12);
        g.drawString("0", x - 12, y + plotHeight / 2 + 5);
        g.drawString(String.format(Locale.ROOT, "-%.0f px", limit), x - MARGIN_PX + 2, y + plotHeight);
        g.drawString("frame " + Math.max(0, shifts.frames() - 1), x + plotWidth - 70, y + plotHeight + 15);
        g.drawString("0", x, y + plotHeight + 15);
        g.setColor(new Color(200, 30, 30));
        g.drawString("dx", x + 8, y + 16);
        trace(g, shifts.dx(), limit, x, y, plotWidth, plotHeight);
        g.setColor(new Color(30, 60, 200));
        g.drawString("dy", x + 32, y + 16);
        trace(g, shifts.dy(), limit, x, y, plotWidth, plotHeight);
    }

    private static void trace(Graphics2D g, double[] values, double limit, int x, int y, int plotWidth,
            int plotHeight) {
        Path2D.Double path = new Path2D.Double();
        for (int t = 0; t < values.length; t++) {
            double px = x + (values.length == 1 ? 0 : (double) t / (values.length - 1) * plotWidth);
            double py = y + plotHeight / 2.0 - values[t] / limit * (plotHeight / 2.0);
            if (t == 0) {
                path.moveTo(px, py);
            } else {
                path.lineTo(px, py);
            }
        }
        g.setStroke(new BasicStroke(1.2f));
        g.draw(path);
    }

    /** @return the image in gray, stretched between its 1st and 99.5th percentiles */
    private static BufferedImage gray(float[] image, int height, int width) {
        float[] sorted = image.clone();
        Arrays.sort(sorted);
        float low = sorted[(int) (0.01 * (sorted.length - 1))];
        float high = sorted[(int) (0.995 * (sorted.length - 1))];
        float scale = high > low ? 255f / (high - low) : 0;
        BufferedImage gray = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((java.awt.image.DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) Math.max(0, Math.min(255, Math.round((image[i] - low) * scale)));
        }
        return gray;
    }
}
