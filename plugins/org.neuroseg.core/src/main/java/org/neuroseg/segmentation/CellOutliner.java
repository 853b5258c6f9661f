package org.neuroseg.segmentation;

import java.util.ArrayList;
import java.util.List;
import org.neuroseg.imaging.ConnectedComponents;
import org.neuroseg.imaging.Gaussian;
import org.neuroseg.imaging.Morphology;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;

/**
 * Outlines each cell from the data: the cell's footprint is, per pixel near it, how much the pixel's activity rises
 * with the cell's mean activity (the least-squares slope of the pixel on the cell's trace over all frames, as CNMF
 * estimates spatial footprints), smoothed over 1 px; the outline keeps the pixels whose footprint reaches a share of
 * its peak over the cell, connected to the cell, holes filled. A per-frame network's masks grow where noise beside a
 * cell happens to rise with it in the frames it marked; the footprint over the whole recording does not.
 *
 * <p>Streams the frames once ({@link #push}); memory: a window around each cell, independent of the number of
 * frames.
 */
public final class CellOutliner {

    private static final double FOOTPRINT_SMOOTHING_PX = 1;
    /** Outlines smaller than this are noise of the footprint; the cell keeps its outline. */
    private static final int MIN_OUTLINE_PX = 5;

    private final RoiSet cells;
    private final double level;
    private final List<Window> windows = new ArrayList<>();
    private long frames;

    /**
     * @param cells the cells to outline, on frames of their height and width
     * @param marginPx how far (px) an outline may reach beyond the cell's pixels, at least 0
     * @param level the share of the footprint's peak an outline keeps, in (0, 1)
     */
    public CellOutliner(RoiSet cells, double marginPx, double level) {
        if (!(marginPx >= 0) || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("need a margin of at least 0 and a level in (0, 1), got " + marginPx
                    + " and " + level);
        }
        this.cells = cells;
        this.level = level;
        for (Roi cell : cells.rois()) {
            windows.add(new Window(cell, (int) Math.ceil(marginPx), marginPx, cells.height(), cells.width()));
        }
    }

    /** Adds one frame (row-major, the cells' height x width). */
    public void push(float[] frame) {
        if (frame.length != cells.height() * cells.width()) {
            throw new IllegalArgumentException("frame has " + frame.length + " pixels, the cells' frames "
                    + cells.height() * cells.width());
        }
        for (Window window : windows) {
            window.add(frame, cells.width());
        }
        frames++;
    }

    /**
     * @return the cells with their outlines from the frames pushed, ids kept; a cell whose footprint does not rise
     *         above 0 keeps its own outline
     */
    public RoiSet outlines() {
        List<Roi> outlined = new ArrayList<>(windows.size());
        for (Window window : windows) {
            outlined.add(window.outline(frames, level));
        }
        return new RoiSet(cells.height(), cells.width(), outlined);
    }

    /** Sums over the frames for the pixels within the margin of one cell. */
    private static final class Window {
        private final Roi cell;
        private final int top;
        private final int left;
        private final int height;
        private final int width;
        private final boolean[] reach;
        private final boolean[] inCell;
        private final double[] sumPixel;
        private final double[] sumPixelTrace;
        private double sumTrace;
        private double sumTraceSquared;

        Window(Roi cell, int pad, double marginPx, int frameHeight, int frameWidth) {
            this.cell = cell;
            int[] box = cell.boundingBox();
            top = Math.max(0, box[0] - pad);
            left = Math.max(0, box[1] - pad);
            height = Math.min(frameHeight - 1, box[2] + pad) - top + 1;
            width = Math.min(frameWidth - 1, box[3] + pad) - left + 1;
            inCell = new boolean[height * width];
            for (int i = 0; i < cell.area(); i++) {
                inCell[(cell.rows()[i] - top) * width + cell.cols()[i] - left] = true;
            }
            reach = marginPx > 0 ? Morphology.dilate(inCell, height, width, marginPx) : inCell.clone();
            sumPixel = new double[height * width];
            sumPixelTrace = new double[height * width];
        }

        void add(float[] frame, int frameWidth) {
            double trace = 0;
            for (int i = 0; i < cell.area(); i++) {
                trace += frame[cell.rows()[i] * frameWidth + cell.cols()[i]];
            }
            trace /= cell.area();
            sumTrace += trace;
            sumTraceSquared += trace * trace;
            for (int r = 0; r < height; r++) {
                int from = (top + r) * frameWidth + left;
                for (int c = 0; c < width; c++) {
                    float value = frame[from + c];
                    sumPixel[r * width + c] += value;
                    sumPixelTrace[r * width + c] += value * trace;
                }
            }
        }

        Roi outline(long frames, double level) {
            double traceVariance = sumTraceSquared - sumTrace * sumTrace / frames;
            if (frames < 2 || !(traceVariance > 0)) {
                return cell;
            }
            float[] footprint = new float[height * width];
            for (int i = 0; i < footprint.length; i++) {
                footprint[i] = (float) ((sumPixelTrace[i] - sumPixel[i] * sumTrace / frames) / traceVariance);
            }
            footprint = smooth(footprint);
            double peak = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < footprint.length; i++) {
                if (inCell[i]) {
                    peak = Math.max(peak, footprint[i]);
                }
            }
            if (!(peak > 0)) {
                return cell;
            }
            boolean[] kept = new boolean[footprint.length];
            for (int i = 0; i < kept.length; i++) {
                kept[i] = reach[i] && footprint[i] >= level * peak;
            }
            boolean[] outline = Morphology.fillHoles(largestOverlap(kept), height, width);
            int area = Morphology.count(outline);
            if (area < MIN_OUTLINE_PX) {
                return cell;
            }
            int[] rows = new int[area];
            int[] cols = new int[area];
            int n = 0;
            for (int i = 0; i < outline.length; i++) {
                if (outline[i]) {
                    rows[n] = top + i / width;
                    cols[n++] = left + i % width;
                }
            }
            return new Roi(cell.id(), rows, cols);
        }

        /** @return the connected part of {@code kept} that covers most of the cell's pixels (none: empty) */
        private boolean[] largestOverlap(boolean[] kept) {
            ConnectedComponents parts = ConnectedComponents.of(kept, height, width, false);
            int[] overlap = new int[parts.count() + 1];
            for (int i = 0; i < kept.length; i++) {
                if (inCell[i]) {
                    overlap[parts.labels()[i]]++;
                }
            }
            int best = 0;
            for (int label = 1; label < overlap.length; label++) {
                if (overlap[label] > (best == 0 ? 0 : overlap[best])) {
                    best = label;
                }
            }
            boolean[] part = new boolean[kept.length];
            for (int i = 0; i < kept.length; i++) {
                part[i] = best > 0 && parts.labels()[i] == best;
            }
            return part;
        }

        /** Separable Gaussian, edges mirrored: the footprint of one pixel is noisy, a cell spans several. */
        private float[] smooth(float[] image) {
            float[] line = new float[width];
            for (int r = 0; r < height; r++) {
                System.arraycopy(image, r * width, line, 0, width);
                System.arraycopy(Gaussian.smooth(line, FOOTPRINT_SMOOTHING_PX), 0, image, r * width, width);
            }
            float[] column = new float[height];
            for (int c = 0; c < width; c++) {
                for (int r = 0; r < height; r++) {
                    column[r] = image[r * width + c];
                }
                float[] smoothed = Gaussian.smooth(column, FOOTPRINT_SMOOTHING_PX);
                for (int r = 0; r < height; r++) {
                    image[r * width + c] = smoothed[r];
                }
            }
            return image;
        }
    }
}
