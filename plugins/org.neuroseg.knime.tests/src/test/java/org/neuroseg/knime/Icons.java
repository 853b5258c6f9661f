package org.neuroseg.knime;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.neuroseg.stage.Stage;

/** Draws a node's 16 x 16 icon: a cell outline in its category's colour, filled for sources. */
final class Icons {

    private Icons() {
    }

    static void write(Stage stage, Path file) throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color color = switch (stage.category()) {
            case IO -> new Color(0x2e7d32);
            case PREPROCESSING -> new Color(0x1565c0);
            case SEGMENTATION -> new Color(0x6a1b9a);
            case ANALYSIS -> new Color(0xef6c00);
            case EVALUATION -> new Color(0xc62828);
        };
        g.setColor(color);
        g.setStroke(new BasicStroke(1.5f));
        if (stage.inputs().isEmpty()) {
            g.fillOval(2, 3, 12, 10);
        } else {
            g.drawOval(2, 3, 11, 9);
        }
        g.setColor(Color.WHITE);
        g.fillOval(6, 6, 4, 4);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
