package org.neuroseg.dl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ProgressMonitor;
import org.slf4j.LoggerFactory;

/**
 * The epoch loop on a small linear block whose "training" sets every parameter to a known value each epoch, so which
 * parameters are kept can be read off exactly.
 */
class EpochLoopTest {

    /** Validation losses of five epochs: lowest at epoch 2, none lower in the three after it. */
    private static final double[] LOSSES = {0.9, 0.5, 0.6, 0.7, 0.8};

    @Test
    void keepsTheEpochWithTheLowestValidationLossAndStopsByPatience() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = linear(manager);
            EpochLoop loop = new EpochLoop(block, 5, 2, false, ProgressMonitor.NONE, LoggerFactory.getLogger("test"));
            byte[] kept = loop.run(epoch -> setEverything(block, epoch + 1, LOSSES[epoch]), statistics -> { });
            assertEquals(2, everyValue(manager, kept));
            JsonObject summary = new JsonObject();
            loop.describe(summary);
            assertEquals(4, summary.get("epochsRun").getAsInt(), "two epochs without a lower loss after epoch 2");
            assertEquals(0, summary.get("epochsAveraged").getAsInt());
            assertTrue(TrainingReport.epochs(summary).startsWith("4 epochs in 0 s; best epoch 2"),
                    TrainingReport.epochs(summary));
        }
    }

    @Test
    void averagingRunsEveryEpochAndKeepsTheMeanOfTheLastHalf() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = linear(manager);
            EpochLoop loop = new EpochLoop(block, 5, 2, true, ProgressMonitor.NONE, LoggerFactory.getLogger("test"));
            byte[] kept = loop.run(epoch -> setEverything(block, epoch + 1, LOSSES[epoch]), statistics -> { });
            assertEquals((3 + 4 + 5) / 3.0, everyValue(manager, kept), 1e-6);
            JsonObject summary = new JsonObject();
            loop.describe(summary);
            assertEquals(5, summary.get("epochsRun").getAsInt(), "patience does not stop an averaged run");
            assertEquals(3, summary.get("epochsAveraged").getAsInt());
            assertEquals(2, summary.get("bestEpoch").getAsInt(), "the best epoch is still reported");
            assertTrue(TrainingReport.epochs(summary).contains("kept the mean network of epochs 3-5; best epoch 2"),
                    TrainingReport.epochs(summary));
        }
    }

    @Test
    void cancelingAnAveragedRunKeepsTheMeanOfTheAveragedEpochsThatRan() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = linear(manager);
            EpochLoop loop = new EpochLoop(block, 5, 2, true, ProgressMonitor.NONE, LoggerFactory.getLogger("test"));
            byte[] kept = loop.run(epoch -> {
                if (epoch == 4) {
                    throw new CanceledException();
                }
                return setEverything(block, epoch + 1, LOSSES[epoch]);
            }, statistics -> { });
            assertEquals((3 + 4) / 2.0, everyValue(manager, kept), 1e-6);
        }
    }

    @Test
    void cancelingBeforeAveragingStartsKeepsTheBestEpoch() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = linear(manager);
            EpochLoop loop = new EpochLoop(block, 5, 2, true, ProgressMonitor.NONE, LoggerFactory.getLogger("test"));
            byte[] kept = loop.run(epoch -> {
                if (epoch == 2) {
                    throw new CanceledException();
                }
                return setEverything(block, epoch + 1, LOSSES[epoch]);
            }, statistics -> { });
            assertEquals(2, everyValue(manager, kept));
        }
    }

    @Test
    void averagingMeasuresBatchStatisticsOnceAfterTheLastEpochAndBestEpochRunsDoNot() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = linear(manager);
            int[] epochsRun = {0};
            List<Integer> passes = new ArrayList<>();
            EpochLoop.Epoch epoch = index -> {
                epochsRun[0]++;
                return setEverything(block, index + 1, LOSSES[index]);
            };
            new EpochLoop(block, 5, 2, true, ProgressMonitor.NONE, LoggerFactory.getLogger("test"))
                    .run(epoch, statistics -> passes.add(epochsRun[0]));
            assertEquals(List.of(5), passes);
            passes.clear();
            new EpochLoop(block, 5, 2, false, ProgressMonitor.NONE, LoggerFactory.getLogger("test"))
                    .run(epoch, statistics -> passes.add(epochsRun[0]));
            assertEquals(List.of(), passes);
        }
    }

    @Test
    void cancelingTheBatchStatisticsKeepsTheMeanNetworkAndSaysCanceled() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = linear(manager);
            EpochLoop loop = new EpochLoop(block, 5, 2, true, ProgressMonitor.NONE, LoggerFactory.getLogger("test"));
            byte[] kept = loop.run(epoch -> setEverything(block, epoch + 1, LOSSES[epoch]), statistics -> {
                throw new CanceledException();
            });
            assertEquals((3 + 4 + 5) / 3.0, everyValue(manager, kept), 1e-6);
            JsonObject summary = new JsonObject();
            loop.describe(summary);
            assertTrue(summary.get("canceled").getAsBoolean());
            assertEquals(3, summary.get("epochsAveraged").getAsInt());
        }
    }

    private static Block linear(NDManager manager) {
        Block block = Linear.builder().setUnits(3).build();
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
        return block;
    }

    private static EpochLoop.EpochScores setEverything(Block block, float value, double validationLoss) {
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            float[] values = new float[(int) parameter.getValue().getArray().size()];
            Arrays.fill(values, value);
            parameter.getValue().getArray().set(values);
        }
        return new EpochLoop.EpochScores(validationLoss, validationLoss, 0);
    }

    /** @return the one value every parameter of the kept stream holds (fails if they differ) */
    private static double everyValue(NDManager manager, byte[] parameters) throws Exception {
        Block reloaded = linear(manager);
        try (DataInputStream input = new DataInputStream(new ByteArrayInputStream(parameters))) {
            reloaded.loadParameters(manager, input);
        }
        float first = Float.NaN;
        for (Pair<String, Parameter> parameter : reloaded.getParameters()) {
            float[] values = parameter.getValue().getArray().toFloatArray();
            if (Float.isNaN(first)) {
                first = values[0];
            }
            float[] expected = new float[values.length];
            Arrays.fill(expected, first);
            assertArrayEquals(expected, values, "every parameter holds one value");
        }
        return first;
    }
}
