package org.neuroseg.dl.infer;

import java.util.ArrayList;
import java.util.List;

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

    /** @return the number of tiles */
    int count() {
        return starts.length;
    }
}
