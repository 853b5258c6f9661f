package org.neuroseg.segmentation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neuroseg.imaging.ConnectedComponents;
import org.neuroseg.roi.RoiSet;

/**
 * Follows through a video the cells that a per-frame network marks as active, as SUNS merges its per-frame masks:
 * each frame's mask is cut into connected regions, and each region joins the cell whose core it overlaps (or starts
 * a new cell). A cell's core is the pixels it covered in at least half of its frames. Neighbouring cells rarely
 * fire in the same frame, so they stay apart even where a map of all frames merges them into one region with no
 * dip between them (on a dense real miniscope session, the map of active frames covered all 81 labelled cells with
 * strong transients but its watershed cut out only 44 of them).
 *
 * <p>The tracker also adds up the probabilities, the number of frames in which each pixel is active. Memory: that
 * sum and an owner per pixel and, per cell, the counts over its bounding box; nothing grows with the frames. Frames
 * must be pushed in order; the result is deterministic.
 */
public final class ActiveCellTracker {

    /** A region joins a cell when this share of the smaller of the two lies in the other. */
    static final double OVERLAP_SHARE = 0.5;
    /** A cell's core: the pixels it covered in at least this share of its frames. */
    static final double CORE_SHARE = 0.5;

    private final int height;
    private final int width;
    private final double threshold;
    private final int minRegionArea;
    /** Per pixel: 1 + the index of the cell whose core holds it, 0 for none. */
    private final int[] owner;
    private final double[] activeFrames;
    private final List<Cell> cells = new ArrayList<>();

    /**
     * @param height rows of each frame
     * @param width columns of each frame
     * @param threshold a pixel is active where its probability exceeds this
     * @param minRegionArea regions of a frame with fewer pixels are ignored (noise, a cell's edge)
     */
    public ActiveCellTracker(int height, int width, double threshold, int minRegionArea) {
        this.height = height;
        this.width = width;
        this.threshold = threshold;
        this.minRegionArea = Math.max(1, minRegionArea);
        this.owner = new int[height * width];
        this.activeFrames = new double[height * width];
    }

    /**
     * Adds the next frame.
     *
     * @param probability height x width values, row-major
     */
    public void push(float[] probability) {
        if (probability.length != owner.length) {
            throw new IllegalArgumentException("frame has " + probability.length + " pixels, expected " + height
                    + " x " + width);
        }
        boolean[] mask = new boolean[probability.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = probability[i] > threshold;
            activeFrames[i] += probability[i];
        }
        ConnectedComponents regions = ConnectedComponents.of(mask, height, width, true);
        int[] areas = regions.areas();
        int[][] pixels = new int[regions.count() + 1][];
        int[] filled = new int[regions.count() + 1];
        int[] labels = regions.labels();
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (label > 0 && areas[label] >= minRegionArea) {
                if (pixels[label] == null) {
                    pixels[label] = new int[areas[label]];
                }
                pixels[label][filled[label]++] = i;
            }
        }
        for (int label = 1; label <= regions.count(); label++) {
            if (pixels[label] != null) {
                join(pixels[label]);
            }
        }
    }

    private void join(int[] region) {
        Map<Integer, Integer> overlaps = new HashMap<>();
        for (int pixel : region) {
            if (owner[pixel] > 0) {
                overlaps.merge(owner[pixel] - 1, 1, Integer::sum);
            }
        }
        int best = -1;
        int bestOverlap = 0;
        for (Map.Entry<Integer, Integer> entry : overlaps.entrySet()) {
            int index = entry.getKey();
            if (entry.getValue() > bestOverlap || (entry.getValue() == bestOverlap && index < best)) {
                best = index;
                bestOverlap = entry.getValue();
            }
        }
        Cell cell;
        if (best >= 0 && bestOverlap >= OVERLAP_SHARE * Math.min(region.length, cells.get(best).core.length)) {
            cell = cells.get(best);
        } else {
            best = cells.size();
            cell = new Cell();
            cells.add(cell);
        }
        cell.add(region, width);
        int id = best + 1;
        for (int pixel : cell.core) {
            if (owner[pixel] == id) {
                owner[pixel] = 0;
            }
        }
        cell.core = cell.core(width);
        for (int pixel : cell.core) {
            if (owner[pixel] == 0) {
                owner[pixel] = id;
            }
        }
    }

    /** @return per pixel, the sum of its probabilities so far: the number of frames in which it is active */
    public double[] activeFrames() {
        return activeFrames.clone();
    }

    /** @return the cells followed so far, whatever their number of frames */
    public int cellCount() {
        return cells.size();
    }

    /**
     * The cells active in at least {@code minFrames} frames: each cell's core, a pixel in several cores going to the
     * cell that covered it in the largest share of its frames (the first such cell on a tie).
     *
     * @param minFrames fewest frames a cell must be active in
     * @param minArea cells with fewer pixels are dropped
     * @param maxArea cells with more pixels are dropped
     * @return the cells, numbered 1..n in the order of their first pixel in a row-major scan
     */
    public RoiSet cells(int minFrames, int minArea, int maxArea) {
        int[] label = new int[owner.length];
        float[] share = new float[owner.length];
        for (int index = 0; index < cells.size(); index++) {
            Cell cell = cells.get(index);
            if (cell.frames < minFrames) {
                continue;
            }
            for (int pixel : cell.core) {
                float own = cell.share(pixel, width);
                if (own > share[pixel]) {
                    share[pixel] = own;
                    label[pixel] = index + 1;
                }
            }
        }
        return Images.sizedRois(label, cells.size(), minArea, maxArea, height, width);
    }

    /** One cell: how often it covered each pixel of its bounding box, over how many frames. */
    private static final class Cell {
        private int top;
        private int left;
        private int rows;
        private int columns;
        private int[] counts = new int[0];
        private int frames;
        /** Row-major pixel indices of the frame where the cell was active in at least half of its frames. */
        private int[] core = new int[0];

        void add(int[] region, int width) {
            int minRow = Integer.MAX_VALUE;
            int maxRow = Integer.MIN_VALUE;
            int minColumn = Integer.MAX_VALUE;
            int maxColumn = Integer.MIN_VALUE;
            for (int pixel : region) {
                minRow = Math.min(minRow, pixel / width);
                maxRow = Math.max(maxRow, pixel / width);
                minColumn = Math.min(minColumn, pixel % width);
                maxColumn = Math.max(maxColumn, pixel % width);
            }
            if (frames > 0) {
                minRow = Math.min(minRow, top);
                maxRow = Math.max(maxRow, top + rows - 1);
                minColumn = Math.min(minColumn, left);
                maxColumn = Math.max(maxColumn, left + columns - 1);
            }
            if (frames == 0 || minRow < top || minColumn < left || maxRow >= top + rows
                    || maxColumn >= left + columns) {
                int newRows = maxRow - minRow + 1;
                int newColumns = maxColumn - minColumn + 1;
                int[] grown = new int[newRows * newColumns];
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(counts, r * columns, grown, (r + top - minRow) * newColumns + left - minColumn,
                            columns);
                }
                top = minRow;
                left = minColumn;
                rows = newRows;
                columns = newColumns;
                counts = grown;
            }
            for (int pixel : region) {
                counts[(pixel / width - top) * columns + pixel % width - left]++;
            }
            frames++;
        }

        int[] core(int width) {
            int needed = (int) Math.ceil(CORE_SHARE * frames);
            int size = 0;
            for (int count : counts) {
                size += count >= needed ? 1 : 0;
            }
            int[] result = new int[size];
            int next = 0;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] >= needed) {
                    result[next++] = (top + i / columns) * width + left + i % columns;
                }
            }
            return result;
        }

        /** @return the share of this cell's frames in which it covered {@code pixel}, which lies in its box */
        float share(int pixel, int width) {
            return (float) counts[(pixel / width - top) * columns + pixel % width - left] / frames;
        }
    }
}
