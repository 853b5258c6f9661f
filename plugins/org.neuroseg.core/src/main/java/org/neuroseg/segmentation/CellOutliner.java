package org.neuroseg.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neuroseg.imaging.ConnectedComponents;
import org.neuroseg.imaging.Gaussian;
import org.neuroseg.imaging.Morphology;
import org.neuroseg.imaging.Statistics;
import org.neuroseg.imaging.Watershed;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;

/**
 * Outlines each cell from the data: the cell's footprint is, per pixel near it, how much the pixel's activity rises
 * with the cell's mean activity (the least-squares slope of the pixel on the cell's trace over all frames, as CNMF
 * estimates spatial footprints), smoothed over 1 px; the outline keeps the pixels whose footprint reaches a share of
 * its peak (the 90th percentile over the cell's pixels), connected to the cell, and their convex hull (a cell body is
 * convex; holes and notches are filled). A per-frame network's masks grow where noise beside a cell happens to rise
 * with it in the frames it marked; the footprint over the whole recording does not. An outline larger than a given
 * area whose footprint has several hills a cell radius apart, with valleys between them, is several cells that fired
 * together (the footprint of their mixed trace peaks on each of them): it is split at the valleys, one cell per hill.
 *
 * <p>Streams the frames once ({@link #push}); memory: a window around each cell, independent of the number of
 * frames.
 */
public final class CellOutliner {

    private static final double FOOTPRINT_SMOOTHING_PX = 1;
    /** The footprint's peak over the cell's pixels, as a percentile (robust to a few noisy pixels). */
    private static final double PEAK_PERCENTILE = 90;
    /** Outlines smaller than this are noise of the footprint; the cell keeps its outline. */
    private static final int MIN_OUTLINE_PX = 5;
    /** A peak of the footprint lower than this share of its highest is no cell of its own. */
    private static final float LOWEST_PEAK_SHARE = 0.3f;
    /**
     * Two parts are one cell unless the footprint between them falls below this share of the lower part's peak: the
     * footprint of one large cell is a noisy plateau with maxima of its own, two cells are separate hills.
     */
    private static final float VALLEY_SHARE = 0.9f;

    private final RoiSet cells;
    private final double level;
    private final int splitAreaPx;
    private final double peakSeparationPx;
    private final List<Window> windows = new ArrayList<>();
    private long frames;

    /**
     * @param cells the cells to outline, on frames of their height and width
     * @param marginPx how far (px) an outline may reach beyond the cell's pixels, at least 0
     * @param level the share of the footprint's peak an outline keeps, in (0, 1)
     * @param splitAreaPx outlines of more pixels are split where their footprint has several hills whose peaks lie
     *        at least a cell radius apart (the radius of a disk of half this area, which is about twice a cell's) with
     *        a valley between them; 0 splits none
     */
    public CellOutliner(RoiSet cells, double marginPx, double level, double splitAreaPx) {
        if (!(marginPx >= 0) || !(level > 0 && level < 1) || !(splitAreaPx >= 0)) {
            throw new IllegalArgumentException("need a margin of at least 0, a level in (0, 1) and a split area of "
                    + "at least 0, got " + marginPx + ", " + level + " and " + splitAreaPx);
        }
        this.cells = cells;
        this.level = level;
        this.splitAreaPx = (int) Math.round(splitAreaPx);
        this.peakSeparationPx = Math.max(1, Math.sqrt(splitAreaPx / 2 / Math.PI));
        for (Roi cell : cells.rois()) {
            windows.add(new Window(cell, marginPx, cells.height(), cells.width()));
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
     * @return the cells with their outlines from the frames pushed, ids kept (a split cell keeps its id on the part
     *         of its highest peak, the other parts take new ids above every id given), no pixel in two cells: an
     *         outline that overlaps one drawn before at IoU above 0.5 is the same cell found twice and is dropped, a
     *         pixel two outlines take goes to the cell whose footprint there is the larger share of its peak, and a
     *         cell left without pixels is dropped; a cell whose footprint does not rise above 0 keeps its own outline
     *         where no other cell's takes it
     */
    public RoiSet outlines() {
        int width = cells.width();
        List<Outline> drawn = new ArrayList<>(windows.size());
        int[] owner = new int[cells.height() * width];
        Arrays.fill(owner, -1);
        float[] best = new float[owner.length];
        int nextId = cells.rois().stream().mapToInt(Roi::id).max().orElse(0) + 1;
        for (Window window : windows) {
            List<Outline> parts = window.outline(frames, level, splitAreaPx, peakSeparationPx);
            for (int p = 0; p < parts.size(); p++) {
                Outline outline = p == 0 ? parts.get(p) : parts.get(p).withId(nextId++);
                if (duplicates(outline.cell(), drawn, owner)) {
                    continue;
                }
                for (int k = 0; k < outline.cell().area(); k++) {
                    int pixel = outline.cell().rows()[k] * width + outline.cell().cols()[k];
                    if (owner[pixel] < 0 || outline.share()[k] > best[pixel]) {
                        owner[pixel] = drawn.size();
                        best[pixel] = outline.share()[k];
                    }
                }
                drawn.add(outline);
            }
        }
        List<Roi> outlined = new ArrayList<>(drawn.size());
        for (int i = 0; i < drawn.size(); i++) {
            Roi cell = drawn.get(i).cell();
            int[] rows = new int[cell.area()];
            int[] cols = new int[cell.area()];
            int kept = 0;
            for (int k = 0; k < cell.area(); k++) {
                if (owner[cell.rows()[k] * width + cell.cols()[k]] == i) {
                    rows[kept] = cell.rows()[k];
                    cols[kept++] = cell.cols()[k];
                }
            }
            if (kept > 0) {
                outlined.add(new Roi(cell.id(), Arrays.copyOf(rows, kept), Arrays.copyOf(cols, kept)));
            }
        }
        return new RoiSet(cells.height(), width, outlined);
    }

    /**
     * @return whether {@code cell} overlaps an outline drawn before at IoU above 0.5 (the same cell found twice),
     *         judged on the pixels {@code owner} gives each
     */
    private boolean duplicates(Roi cell, List<Outline> drawn, int[] owner) {
        Map<Integer, Integer> shared = new HashMap<>();
        for (int k = 0; k < cell.area(); k++) {
            int other = owner[cell.rows()[k] * cells.width() + cell.cols()[k]];
            if (other >= 0) {
                shared.merge(other, 1, Integer::sum);
            }
        }
        for (Map.Entry<Integer, Integer> overlap : shared.entrySet()) {
            int union = cell.area() + drawn.get(overlap.getKey()).cell().area() - overlap.getValue();
            if (overlap.getValue() > 0.5 * union) {
                return true;
            }
        }
        return false;
    }

    /** A cell's outline with, per pixel, its footprint as a share of the peak (0 where the footprint did not rise). */
    private record Outline(Roi cell, float[] share) {

        Outline withId(int id) {
            return new Outline(new Roi(id, cell.rows(), cell.cols()), share);
        }
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

        Window(Roi cell, double marginPx, int frameHeight, int frameWidth) {
            this.cell = cell;
            int pad = (int) Math.ceil(marginPx);
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

        /** @return the outline, or its parts when it is split (the part of the footprint's highest peak first) */
        List<Outline> outline(long frames, double level, int splitAreaPx, double peakSeparationPx) {
            List<Outline> unchanged = List.of(new Outline(cell, new float[cell.area()]));
            double traceVariance = sumTraceSquared - sumTrace * sumTrace / frames;
            if (frames < 2 || !(traceVariance > 0)) {
                return unchanged;
            }
            float[] footprint = new float[height * width];
            for (int i = 0; i < footprint.length; i++) {
                footprint[i] = (float) ((sumPixelTrace[i] - sumPixel[i] * sumTrace / frames) / traceVariance);
            }
            // the footprint of one pixel is noisy, a cell spans several
            footprint = Gaussian.smooth(footprint, height, width, FOOTPRINT_SMOOTHING_PX);
            float[] inside = new float[cell.area()];
            int count = 0;
            for (int i = 0; i < footprint.length; i++) {
                if (inCell[i]) {
                    inside[count++] = footprint[i];
                }
            }
            // the footprint's largest value is its noisiest: a cell with few events has a few pixels far above the
            // rest, and half of that maximum drew its outline too small; a high percentile is the peak without them
            double peak = Statistics.percentile(inside, PEAK_PERCENTILE);
            if (!(peak > 0)) {
                return unchanged;
            }
            boolean[] kept = new boolean[footprint.length];
            for (int i = 0; i < kept.length; i++) {
                kept[i] = reach[i] && footprint[i] >= level * peak;
            }
            // a cell body is convex: a soma whose footprint is stronger on one side of its dark nucleus would
            // otherwise keep only a crescent of itself
            boolean[] outline = Morphology.convexHull(largestOverlap(kept), height, width);
            int area = Morphology.count(outline);
            if (area < MIN_OUTLINE_PX) {
                return unchanged;
            }
            if (splitAreaPx == 0 || area <= splitAreaPx) {
                return List.of(part(outline, footprint, peak));
            }
            float highest = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < outline.length; i++) {
                highest = outline[i] ? Math.max(highest, footprint[i]) : highest;
            }
            // numbered by decreasing peak: the first part keeps the cell's id
            ConnectedComponents parts = Watershed.split(outline, height, width, peakSeparationPx, footprint,
                    LOWEST_PEAK_SHARE * highest);
            int[] cellOf = cellsOfParts(parts, footprint);
            List<Outline> outlines = new ArrayList<>(parts.count());
            for (int label = 1; label <= parts.count(); label++) {
                if (cellOf[label] != label) {
                    continue;
                }
                boolean[] mask = new boolean[outline.length];
                for (int i = 0; i < mask.length; i++) {
                    mask[i] = parts.labels()[i] > 0 && cellOf[parts.labels()[i]] == label;
                }
                if (Morphology.count(mask) >= MIN_OUTLINE_PX) {
                    outlines.add(part(mask, footprint, peak));
                }
            }
            return outlines.isEmpty() ? List.of(part(outline, footprint, peak)) : outlines;
        }

        /**
         * Joins touching parts whose footprint does not dip between them ({@link #VALLEY_SHARE}).
         *
         * @return per part label, the lowest label of the cell it belongs to
         */
        private int[] cellsOfParts(ConnectedComponents parts, float[] footprint) {
            int count = parts.count();
            int[] labels = parts.labels();
            float[] peaks = new float[count + 1];
            Arrays.fill(peaks, Float.NEGATIVE_INFINITY);
            for (int i = 0; i < labels.length; i++) {
                peaks[labels[i]] = Math.max(peaks[labels[i]], footprint[i]);
            }
            // the saddle between two parts: the highest footprint on their border, the lower of each touching pair
            float[][] saddles = new float[count + 1][count + 1];
            for (float[] row : saddles) {
                Arrays.fill(row, Float.NEGATIVE_INFINITY);
            }
            for (int i = 0; i < labels.length; i++) {
                int a = labels[i];
                int[] next = {i % width < width - 1 ? i + 1 : -1, i + width < labels.length ? i + width : -1};
                for (int j : next) {
                    if (a > 0 && j >= 0 && labels[j] > 0 && labels[j] != a) {
                        float saddle = Math.min(footprint[i], footprint[j]);
                        int b = labels[j];
                        saddles[a][b] = Math.max(saddles[a][b], saddle);
                        saddles[b][a] = saddles[a][b];
                    }
                }
            }
            int[] cellOf = new int[count + 1];
            for (int label = 0; label <= count; label++) {
                cellOf[label] = label;
            }
            for (int a = 1; a <= count; a++) {
                for (int b = a + 1; b <= count; b++) {
                    if (saddles[a][b] >= VALLEY_SHARE * Math.min(peaks[a], peaks[b])) {
                        int from = root(cellOf, b);
                        int to = root(cellOf, a);
                        cellOf[Math.max(from, to)] = Math.min(from, to);
                    }
                }
            }
            for (int label = 1; label <= count; label++) {
                cellOf[label] = root(cellOf, label);
            }
            return cellOf;
        }

        private static int root(int[] cellOf, int label) {
            while (cellOf[label] != label) {
                label = cellOf[label];
            }
            return label;
        }

        /** @return the outline of {@code mask} (of the window), with its footprint as a share of the peak */
        private Outline part(boolean[] mask, float[] footprint, double peak) {
            int area = Morphology.count(mask);
            int[] rows = new int[area];
            int[] cols = new int[area];
            float[] share = new float[area];
            int n = 0;
            for (int i = 0; i < mask.length; i++) {
                if (mask[i]) {
                    rows[n] = top + i / width;
                    cols[n] = left + i % width;
                    share[n++] = (float) (footprint[i] / peak);
                }
            }
            return new Outline(new Roi(cell.id(), rows, cols), share);
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
    }
}
