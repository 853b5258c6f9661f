package org.neuroseg.dl.view;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.Locale;
import javax.swing.JComponent;

/**
 * The training and validation loss of every epoch as two lines over the epochs, from 0 to the largest loss, with
 * the best epoch marked. Drawn with Java2D to any size.
 */
final class LossPlot extends JComponent {

    static final Color TRAINING = new Color(0x1f, 0x77, 0xb4);
    static final Color VALIDATION = new Color(0xff, 0x7f, 0x0e);
    private static final Color AXES = new Color(0x55, 0x55, 0x55);
    private static final int LEFT = 58;
    private static final int RIGHT = 14;
    private static final int TOP = 26;
    private static final int BOTTOM = 36;
    private static final double POINT_RADIUS = 2.5;

    private final double[] training;
    private final double[] validation;
    private final int bestEpoch;
    private final double top;

    /**
     * @param training loss of each epoch, epoch 1 first; NaN where not recorded
     * @param validation the same length as {@code training}; NaN where not recorded
     * @param bestEpoch the epoch whose network was kept, from 1, or 0 when unknown
     */
    LossPlot(double[] training, double[] validation, int bestEpoch) {
        this.training = training.clone();
        this.validation = validation.clone();
        this.bestEpoch = bestEpoch;
        double largest = 0;
        for (double[] series : new double[][] {training, validation}) {
            for (double loss : series) {
                if (Double.isFinite(loss)) {
                    largest = Math.max(largest, loss);
                }
            }
        }
        this.top = largest > 0 ? largest * 1.05 : 1;
        setOpaque(true);
        setBackground(Color.WHITE);
        setPreferredSize(new Dimension(460, 230));
    }

    /** @return the epoch marked as the one whose network was kept, from 1; 0 when none is */
    int keptEpoch() {
        return bestEpoch;
    }

    /** @return the training loss of each epoch, epoch 1 first */
    double[] trainingLosses() {
        return training.clone();
    }

    /** @return the validation loss of each epoch, epoch 1 first */
    double[] validationLosses() {
        return validation.clone();
    }

    /** @return where the point of {@code loss} at {@code epoch} (from 1) is drawn at the current size */
    Point2D point(int epoch, double loss) {
        double plotWidth = getWidth() - LEFT - RIGHT;
        double plotHeight = getHeight() - TOP - BOTTOM;
        double x = training.length == 1 ? LEFT + plotWidth / 2
                : LEFT + (epoch - 1) * plotWidth / (training.length - 1);
        return new Point2D.Double(x, TOP + plotHeight * (1 - loss / top));
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(getBackground());
            g.fillRect(0, 0, getWidth(), getHeight());
            g.setFont(getFont() != null ? getFont().deriveFont(11f) : new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            if (training.length == 0) {
                g.setColor(AXES);
                g.drawString("No epochs recorded", LEFT, TOP + 20);
                return;
            }
            axes(g);
            if (bestEpoch >= 1 && bestEpoch <= training.length) {
                Point2D best = point(bestEpoch, 0);
                g.setColor(Color.GRAY);
                g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3},
                        0));
                g.draw(new Line2D.Double(best.getX(), TOP, best.getX(), best.getY()));
                g.drawString("best", (float) best.getX() + 3, TOP + 10);
            }
            series(g, validation, VALIDATION);
            series(g, training, TRAINING);
            legend(g);
        } finally {
            g.dispose();
        }
    }

    private void axes(Graphics2D g) {
        FontMetrics metrics = g.getFontMetrics();
        int bottom = getHeight() - BOTTOM;
        int right = getWidth() - RIGHT;
        g.setColor(AXES);
        g.drawLine(LEFT, TOP, LEFT, bottom);
        g.drawLine(LEFT, bottom, right, bottom);
        for (double fraction : new double[] {0, 0.5, 1}) {
            double loss = top * fraction;
            int y = (int) Math.round(point(1, loss).getY());
            g.drawLine(LEFT - 4, y, LEFT, y);
            String label = String.format(Locale.ROOT, "%.3g", loss);
            g.drawString(label, LEFT - 7 - metrics.stringWidth(label), y + metrics.getAscent() / 2 - 1);
        }
        int n = training.length;
        for (int epoch : n == 1 ? new int[] {1} : new int[] {1, (n + 1) / 2, n}) {
            int x = (int) Math.round(point(epoch, 0).getX());
            g.drawLine(x, bottom, x, bottom + 4);
            String label = Integer.toString(epoch);
            g.drawString(label, x - metrics.stringWidth(label) / 2, bottom + 6 + metrics.getAscent());
        }
        String axis = "epoch";
        g.drawString(axis, LEFT + (right - LEFT - metrics.stringWidth(axis)) / 2,
                bottom + 8 + 2 * metrics.getAscent());
        g.rotate(-Math.PI / 2);
        g.drawString("loss", -(TOP + bottom + metrics.stringWidth("loss")) / 2, 14);
        g.rotate(Math.PI / 2);
    }

    private void series(Graphics2D g, double[] losses, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(1.6f));
        Path2D line = new Path2D.Double();
        boolean drawing = false;
        for (int i = 0; i < losses.length; i++) {
            if (!Double.isFinite(losses[i])) {
                drawing = false;
                continue;
            }
            Point2D p = point(i + 1, losses[i]);
            if (drawing) {
                line.lineTo(p.getX(), p.getY());
            } else {
                line.moveTo(p.getX(), p.getY());
                drawing = true;
            }
        }
        g.draw(line);
        for (int i = 0; i < losses.length; i++) {
            if (Double.isFinite(losses[i])) {
                Point2D p = point(i + 1, losses[i]);
                g.fill(new Ellipse2D.Double(p.getX() - POINT_RADIUS, p.getY() - POINT_RADIUS, 2 * POINT_RADIUS,
                        2 * POINT_RADIUS));
            }
        }
    }

    private void legend(Graphics2D g) {
        int x = getWidth() - RIGHT - 230;
        legendEntry(g, x, "training loss", TRAINING);
        legendEntry(g, x + 115, "validation loss", VALIDATION);
    }

    private static void legendEntry(Graphics2D g, int x, String text, Color color) {
        int y = TOP - 10;
        g.setColor(color);
        g.fillRect(x, y - 4, 16, 3);
        g.setColor(AXES);
        g.drawString(text, x + 20, y + g.getFontMetrics().getAscent() / 2 - 1);
    }
}
