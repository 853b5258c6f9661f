package org.neuroseg.stage;

import java.util.Arrays;

/**
 * Fluorescence traces, axis order (neuron, frame): one row per neuron (in {@code neuronIds} order), one value per
 * frame, e.g. ΔF/F.
 *
 * @param neuronIds the ROI id of each row
 * @param values rows x frames, every row of the same length
 */
public record Traces(int[] neuronIds, float[][] values) {

    /** Checks that there is one row per neuron and every row has the same length. */
    public Traces {
        if (values.length != neuronIds.length) {
            throw new IllegalArgumentException(neuronIds.length + " neuron ids for " + values.length + " rows");
        }
        for (float[] row : values) {
            if (row.length != values[0].length) {
                throw new IllegalArgumentException("trace rows differ in length");
            }
        }
    }

    /** @return number of frames (columns) */
    public int frames() {
        return values.length == 0 ? 0 : values[0].length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Traces traces && Arrays.equals(traces.neuronIds, neuronIds)
                && Arrays.deepEquals(traces.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(neuronIds) + Arrays.deepHashCode(values);
    }
}
