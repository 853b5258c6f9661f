package org.neuroseg.dl.infer;

import java.util.ArrayList;
import java.util.List;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Parameters;

/**
 * Where the tiles of one axis start and which part of each tile is kept. Tiles of length {@code tile} overlap by at
 * least {@code overlap}; each output position is taken from the tile in which it lies farthest from an inner edge
 * (the cut between neighbours is the middle of their overlap), so seams fall where both tiles saw context.
 *
 * @param starts first position of each tile, ascending; the last tile ends at the axis length
 * @param keepFrom per tile, the first position (axis coordinates) it contributes
 * @param keepTo per tile, one past the last position it contributes
 */
record Tiling(int[] starts, int[] keepFrom, int[] keepTo) {

    /**
     * Checks the tile settings of a predictor stage, as its parameter check.
     *
     * @throws IllegalArgumentException naming both parameters when the tiles overlap by half their size or more
     */
    static void checkOverlap(Parameters parameters, ParamSpec tile, ParamSpec overlap) {
        if (2 * parameters.getInt(overlap) >= parameters.getInt(tile)) {
            throw new IllegalArgumentException("'" + overlap.label() + "' (" + parameters.getInt(overlap)
                    + ") must be less than half the '" + tile.label() + "' (" + parameters.getInt(tile) + ")");
        }
    }

    /**
     * @param length axis length, at least {@code tile}
     * @param tile tile length, at least 1
     * @param overlap smallest overlap of neighbouring tiles, in [0, tile)
     */
    static Tiling of(int length, int tile, int overlap) {
        if (tile > length || overlap < 0 || overlap >= tile) {
            throw new IllegalArgumentException("cannot tile " + length + " with tiles of " + tile + " overlapping "
                    + overlap);
        }
        List<Integer> starts = new ArrayList<>();
        int step = tile - overlap;
        for (int start = 0; ; start += step) {
            if (start + tile >= length) {
                starts.add(length - tile);
                break;
            }
            starts.add(start);
        }
        int n = starts.size();
        int[] s = starts.stream().mapToInt(Integer::intValue).toArray();
        int[] from = new int[n];
        int[] to = new int[n];
        for (int i = 0; i < n; i++) {
            from[i] = i == 0 ? 0 : to[i - 1];
            to[i] = i == n - 1 ? length : (s[i + 1] + s[i] + tile) / 2;
        }
        return new Tiling(s, from, to);
    }

    /**
     * The tile length for an axis: the whole axis (rounded up to {@code multiple}) when it fits in {@code maxTile},
     * else the fewest tiles of at most {@code maxTile} that cover it with the overlap, made as short as that count
     * allows: a 590 px axis takes two tiles of 320, not two of 512.
     *
     * @param length axis length, at least 1
     * @param maxTile longest tile, a multiple of {@code multiple}
     * @param overlap smallest overlap of neighbouring tiles, in [0, maxTile / 2)
     * @param multiple what the network's input sizes must be a multiple of
     */
    static int tileLength(int length, int maxTile, int overlap, int multiple) {
        if (length <= maxTile) {
            return roundUp(length, multiple);
        }
        int count = (int) Math.ceil((length - overlap) / (double) (maxTile - overlap));
        int shortest = (int) Math.ceil((length + (count - 1) * (double) overlap) / count);
        return Math.min(maxTile, roundUp(shortest, multiple));
    }

    /** @return {@code value} rounded up to a multiple of {@code multiple} */
    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /** @return the number of tiles */
    int count() {
        return starts.length;
    }

    /** Copies a tile starting at (top, left); positions past the frame repeat the last row or column. */
    static void copyTile(float[] frame, int height, int width, int top, int left, int tileHeight,
            int tileWidth, float[] target, int offset) {
        for (int y = 0; y < tileHeight; y++) {
            int sourceRow = Math.min(top + y, height - 1) * width;
            int targetRow = offset + y * tileWidth;
            for (int x = 0; x < tileWidth; x++) {
                target[targetRow + x] = frame[sourceRow + Math.min(left + x, width - 1)];
            }
        }
    }

    /** Copies the part of tile (r, c), stored at {@code offset} in {@code tiles}, that this tiling keeps into the frame. */
    static void pasteTile(float[] tiles, int offset, int tileWidth, Tiling rows, int r, Tiling cols, int c,
            float[] frame, int height, int width) {
        int top = rows.starts()[r];
        int left = cols.starts()[c];
        int rowEnd = Math.min(rows.keepTo()[r], height);
        int colEnd = Math.min(cols.keepTo()[c], width);
        for (int y = rows.keepFrom()[r]; y < rowEnd; y++) {
            int sourceRow = offset + (y - top) * tileWidth;
            System.arraycopy(tiles, sourceRow + cols.keepFrom()[c] - left, frame, y * width + cols.keepFrom()[c],
                    colEnd - cols.keepFrom()[c]);
        }
    }
}
