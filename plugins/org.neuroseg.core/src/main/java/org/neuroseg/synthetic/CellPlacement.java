package org.neuroseg.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.neuroseg.NeurosegException;

/**
 * Places cells at random with a minimum centre-to-centre spacing (rejection sampling on a grid of buckets) and
 * chooses which of them are silent. Whole footprints, soft edges included, lie inside the field of view.
 */
final class CellPlacement {

    /** Candidate positions tried per requested cell before giving up. */
    private static final int ATTEMPTS_PER_CELL = 500;

    private CellPlacement() {
    }

    /**
     * @return {@code params.neuronCount()} footprints with ids 1..n in placement order
     * @throws NeurosegException when that many cells do not fit at the requested spacing
     */
    static List<Footprint> place(SyntheticParams params) throws NeurosegException {
        SplittableRandom random = RandomStreams.of(params.seed(), RandomStreams.PLACEMENT, 0);
        double margin = Math.ceil(params.radiusMaxPx() + Footprint.EDGE_PX);
        double rowSpan = params.height() - 2 * margin - 2;
        double colSpan = params.width() - 2 * margin - 2;
        double spacing = params.minSpacingPx();
        double bucket = Math.max(1, spacing);
        int bucketCols = (int) Math.ceil(params.width() / bucket) + 1;
        List<List<double[]>> buckets = new ArrayList<>();
        for (int i = 0; i < bucketCols * ((int) Math.ceil(params.height() / bucket) + 1); i++) {
            buckets.add(new ArrayList<>());
        }
        List<Footprint> cells = new ArrayList<>();
        long attempts = (long) ATTEMPTS_PER_CELL * params.neuronCount();
        for (long a = 0; a < attempts && cells.size() < params.neuronCount(); a++) {
            double row = margin + rowSpan * random.nextDouble();
            double col = margin + colSpan * random.nextDouble();
            int bRow = (int) (row / bucket);
            int bCol = (int) (col / bucket);
            if (isFree(buckets, bucketCols, bRow, bCol, row, col, spacing)) {
                buckets.get(bRow * bucketCols + bCol).add(new double[] {row, col});
                double radius = params.radiusMinPx()
                        + (params.radiusMaxPx() - params.radiusMinPx()) * random.nextDouble();
                cells.add(Footprint.draw(cells.size() + 1, row, col, radius, params.brightnessSpread(),
                        params.nucleusLevel(), params.cellBlurPx(), random, params.width(), params.height()));
            }
        }
        if (cells.size() < params.neuronCount()) {
            throw new NeurosegException("Only " + cells.size() + " of neuronCount = " + params.neuronCount()
                    + " cells fit at minSpacingPx = " + spacing + " in a " + params.width() + " x "
                    + params.height() + " frame: lower neuronCount or minSpacingPx");
        }
        return cells;
    }

    private static boolean isFree(List<List<double[]>> buckets, int bucketCols, int bRow, int bCol, double row,
            double col, double spacing) {
        int bucketRows = buckets.size() / bucketCols;
        for (int r = Math.max(0, bRow - 1); r <= Math.min(bucketRows - 1, bRow + 1); r++) {
            for (int c = Math.max(0, bCol - 1); c <= Math.min(bucketCols - 1, bCol + 1); c++) {
                for (double[] other : buckets.get(r * bucketCols + c)) {
                    if (StrictMath.hypot(other[0] - row, other[1] - col) < spacing) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Chooses exactly {@code round(silentFraction * n)} silent cells at random.
     *
     * @return per cell, true when it is functional (may spike)
     */
    static boolean[] functionalFlags(SyntheticParams params) {
        int n = params.neuronCount();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = RandomStreams.of(params.seed(), RandomStreams.SILENT, 0);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        boolean[] functional = new boolean[n];
        int silent = (int) Math.round(params.silentFraction() * n);
        for (int i = silent; i < n; i++) {
            functional[order[i]] = true;
        }
        return functional;
    }
}
