package org.neuroseg.preprocess;

import java.util.stream.IntStream;
import org.neuroseg.imaging.Gaussian;

/**
 * The large-scale background of frames of one size, as {@code GaussianFilter.blurWide} computes it: the frame's
 * means over cells of {@code factor x factor} pixels (factor about sigma / 2), blurred with a Gaussian of sigma /
 * factor cells and interpolated bilinearly between cell centres. It is handed out a row at a time (interpolated
 * along the rows of cells when the frame is estimated, between them when a row is asked for), so that a caller
 * subtracts it inside its own pass over the frame instead of reading and writing a full-size background image.
 * When the size is not a multiple of the factor, the last cell of a row or column is narrower and its centre is the
 * centre of its pixels. The cells are few (a sixteenth of the pixels at the default scale), so they are blurred
 * here in Java, with {@link Gaussian#halfKernel} and mirrored edges as GaussianFilter, which spares loading OpenCV.
 *
 * <p>{@link #estimate} is not thread-safe; after it, {@link #row} may be called from any number of threads.
 */
final class FrameBackground {

    private final int height;
    private final int width;
    private final int factor;
    private final int coarseHeight;
    private final int coarseWidth;
    /** The Gaussian on the cells: centre and right half. */
    private final float[] kernel;
    /**
     * The cell means a column of cells per array, blurred along the rows of cells into the second; transposed into
     * a row of cells per array, blurred across the rows into the last. Each blur adds whole arrays, so it vectorizes.
     */
    private final float[][] cellColumns;
    private final float[][] blurredColumns;
    private final float[][] blurredAlongRows;
    private final float[][] blurredCells;
    /** Per row of cells, the blurred cells interpolated to every pixel column (first the column sums). */
    private final float[][] cellRows;
    /** Per row of cells, a frame row copied, so that the column sums index all their arrays alike (vectorized). */
    private final float[][] frameRows;
    /** Per pixel column (row): the cell whose centre is at or before it, the next one, and the weight of the next. */
    private final int[] columnLow;
    private final int[] columnHigh;
    private final float[] columnWeight;
    private final int[] rowLow;
    private final int[] rowHigh;
    private final float[] rowWeight;

    /**
     * @param height rows of each frame, at least 1
     * @param width columns of each frame, at least 1
     * @param sigma the background scale in pixels, above 0
     */
    FrameBackground(int height, int width, double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("background sigma must be above 0, got " + sigma);
        }
        this.height = height;
        this.width = width;
        // the factor of GaussianFilter.blurWide; 1 (no shrinking) below a sigma of 4
        factor = Math.max(1, Math.min((int) (sigma / 2), Math.min(height, width)));
        coarseHeight = (height + factor - 1) / factor;
        coarseWidth = (width + factor - 1) / factor;
        kernel = Gaussian.halfKernel(sigma / factor);
        cellColumns = new float[coarseWidth][coarseHeight];
        blurredColumns = new float[coarseWidth][coarseHeight];
        blurredAlongRows = new float[coarseHeight][coarseWidth];
        blurredCells = new float[coarseHeight][coarseWidth];
        cellRows = new float[coarseHeight][width];
        frameRows = new float[coarseHeight][width];
        columnLow = new int[width];
        columnHigh = new int[width];
        columnWeight = new float[width];
        interpolation(width, columnLow, columnHigh, columnWeight);
        rowLow = new int[height];
        rowHigh = new int[height];
        rowWeight = new float[height];
        interpolation(height, rowLow, rowHigh, rowWeight);
    }

    /**
     * Computes the background of {@code frame} (height x width, row-major), kept until the next call. The cells are
     * averaged in parallel, each by one thread in a fixed order, so the result does not depend on the threads.
     */
    void estimate(float[] frame) {
        IntStream.range(0, coarseHeight).parallel().forEach(cellRow -> {
            float[] sums = cellRows[cellRow];
            float[] frameRow = frameRows[cellRow];
            int top = cellRow * factor;
            int bottom = Math.min(height, top + factor);
            System.arraycopy(frame, top * width, sums, 0, width);
            for (int y = top + 1; y < bottom; y++) {
                System.arraycopy(frame, y * width, frameRow, 0, width);
                for (int x = 0; x < width; x++) {
                    sums[x] += frameRow[x];
                }
            }
            for (int c = 0; c < coarseWidth; c++) {
                int end = Math.min(width, (c + 1) * factor);
                float sum = 0;
                for (int x = c * factor; x < end; x++) {
                    sum += sums[x];
                }
                cellColumns[c][cellRow] = sum / ((bottom - top) * (end - c * factor));
            }
        });
        blurCells();
        IntStream.range(0, coarseHeight).parallel().forEach(cellRow -> {
            float[] row = cellRows[cellRow];
            float[] cells = blurredCells[cellRow];
            for (int x = 0; x < width; x++) {
                float left = cells[columnLow[x]];
                row[x] = left + columnWeight[x] * (cells[columnHigh[x]] - left);
            }
        });
    }

    /** Writes the background of row {@code y} of the last estimated frame into {@code target[0, width)}. */
    void row(int y, float[] target) {
        float[] upper = cellRows[rowLow[y]];
        float[] lower = cellRows[rowHigh[y]];
        float weight = rowWeight[y];
        for (int x = 0; x < width; x++) {
            target[x] = upper[x] + weight * (lower[x] - upper[x]);
        }
    }

    /** Blurs the cell means into {@link #blurredCells}. */
    private void blurCells() {
        blurAcross(cellColumns, blurredColumns);
        for (int c = 0; c < coarseWidth; c++) {
            float[] column = blurredColumns[c];
            for (int cellRow = 0; cellRow < coarseHeight; cellRow++) {
                blurredAlongRows[cellRow][c] = column[cellRow];
            }
        }
        blurAcross(blurredAlongRows, blurredCells);
    }

    /** Blurs across the arrays: {@code target[i]} is the kernel's sum of {@code source[i - k .. i + k]}, mirrored. */
    private void blurAcross(float[][] source, float[][] target) {
        int radius = kernel.length - 1;
        for (int i = 0; i < source.length; i++) {
            float[] sums = target[i];
            float[] centre = source[i];
            for (int j = 0; j < sums.length; j++) {
                sums[j] = kernel[0] * centre[j];
            }
            for (int k = 1; k <= radius; k++) {
                float[] before = source[Gaussian.mirror(i - k, source.length)];
                float[] after = source[Gaussian.mirror(i + k, source.length)];
                float weight = kernel[k];
                for (int j = 0; j < sums.length; j++) {
                    sums[j] += weight * (before[j] + after[j]);
                }
            }
        }
    }

    /** Fills, for each of {@code pixels} positions, the cells around it and the weight of the second one. */
    private void interpolation(int pixels, int[] low, int[] high, float[] weight) {
        int cells = (pixels + factor - 1) / factor;
        for (int p = 0; p < pixels; p++) {
            int cell = Math.min(cells - 1, p / factor);
            if (p < centre(cell, pixels)) {
                cell--;
            }
            if (cell < 0) {
                low[p] = 0;
                high[p] = 0;
            } else if (cell == cells - 1) {
                low[p] = cell;
                high[p] = cell;
            } else {
                low[p] = cell;
                high[p] = cell + 1;
                double from = centre(cell, pixels);
                weight[p] = (float) ((p - from) / (centre(cell + 1, pixels) - from));
            }
        }
    }

    /** @return the centre of cell {@code cell}, in pixels: the mean of the first and last pixel it covers */
    private double centre(int cell, int pixels) {
        return (cell * factor + Math.min(pixels, (cell + 1) * factor) - 1) / 2.0;
    }
}
