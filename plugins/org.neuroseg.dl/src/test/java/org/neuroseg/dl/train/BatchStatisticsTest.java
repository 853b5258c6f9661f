package org.neuroseg.dl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.neuroseg.dl.model.BatchNorms;

/** Batch statistics measured anew: the mean of the batches' own means and variances, whatever training left. */
class BatchStatisticsTest {

    /** Two channels; batch b holds, per channel, the values {@code offset[b][c] + spread[b][c] x (-1, 1, -1, 1)}. */
    private static final float[][] OFFSETS = {{1, -2}, {3, 0}, {5, 4}};
    private static final float[][] SPREADS = {{1, 2}, {2, 1}, {3, 3}};

    @Test
    void runningMeanAndVarianceBecomeTheMeansOfTheBatches() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = batchNorm(manager);
            BatchStatistics statistics = new BatchStatistics(block);
            for (int b = 0; b < OFFSETS.length; b++) {
                statistics.beforeBatch();
                block.forward(new ParameterStore(manager, false), new NDList(batch(manager, b)), true);
                statistics.afterBatch();
            }
            statistics.apply();
            // Each batch: 4 values per channel, mean = offset, unbiased variance = spread^2 x 4 / 3.
            float[] means = new float[2];
            float[] variances = new float[2];
            for (int c = 0; c < 2; c++) {
                for (int b = 0; b < OFFSETS.length; b++) {
                    means[c] += OFFSETS[b][c] / OFFSETS.length;
                    variances[c] += SPREADS[b][c] * SPREADS[b][c] * 4f / 3 / OFFSETS.length;
                }
            }
            assertArrayEquals(means, running(block, "runningMean"), 1e-4f);
            assertArrayEquals(variances, running(block, "runningVar"), 1e-4f);
        }
    }

    @Test
    void restoreAndApplyWithoutBatchesLeaveWhatTrainingLeft() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = batchNorm(manager);
            block.getParameters().get("runningMean").getArray().set(new float[] {7, 8});
            block.getParameters().get("runningVar").getArray().set(new float[] {2, 3});
            BatchStatistics statistics = new BatchStatistics(block);
            statistics.beforeBatch();
            block.forward(new ParameterStore(manager, false), new NDList(batch(manager, 0)), true);
            statistics.restore();
            assertArrayEquals(new float[] {7, 8}, running(block, "runningMean"));
            assertArrayEquals(new float[] {2, 3}, running(block, "runningVar"));
            new BatchStatistics(block).apply();
            assertArrayEquals(new float[] {7, 8}, running(block, "runningMean"));
        }
    }

    private static Block batchNorm(NDManager manager) {
        Block block = BatchNorm.builder().optMomentum(BatchNorms.MOMENTUM).build();
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 2, 2));
        return block;
    }

    /** @return (1, 2, 2, 2): batch b's values */
    private static NDArray batch(NDManager manager, int b) {
        float[] values = new float[8];
        float[] signs = {-1, 1, -1, 1};
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 4; i++) {
                values[c * 4 + i] = OFFSETS[b][c] + SPREADS[b][c] * signs[i];
            }
        }
        return manager.create(values, new Shape(1, 2, 2, 2));
    }

    private static float[] running(Block block, String name) {
        return block.getParameters().get(name).getArray().toFloatArray();
    }
}
