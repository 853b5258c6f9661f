package org.neuroseg.stage;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Activity of neurons over time, axis order (neuron, frame): one row per neuron (in {@code neuronIds} order),
 * one column per frame; a set bit means active (or spiking) in that frame.
 *
 * @param neuronIds the ROI id of each row
 * @param frames number of columns
 * @param rows one bit set per row, bits at indices [0, frames)
 */
public record Raster(int[] neuronIds, int frames, List<BitSet> rows) {

    /** Checks that there is one row per neuron and no bit past the last frame. */
    public Raster {
        neuronIds = neuronIds.clone();
        rows = rows.stream().map(row -> (BitSet) row.clone()).toList();
        if (rows.size() != neuronIds.length) {
            throw new IllegalArgumentException(neuronIds.length + " neuron ids for " + rows.size() + " rows");
        }
        for (BitSet row : rows) {
            if (row.length() > frames) {
                throw new IllegalArgumentException("raster row has activity at frame " + (row.length() - 1)
                        + " of " + frames);
            }
        }
    }

    /** @return whether neuron row {@code row} is active in {@code frame} */
    public boolean active(int row, int frame) {
        return rows.get(row).get(frame);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Raster raster && Arrays.equals(raster.neuronIds, neuronIds)
                && raster.frames == frames && raster.rows.equals(rows);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(neuronIds) + rows.hashCode();
    }
}
