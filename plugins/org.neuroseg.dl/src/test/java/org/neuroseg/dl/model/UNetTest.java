package org.neuroseg.dl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.List;
import org.junit.jupiter.api.Test;

class UNetTest {

    @Test
    void outputHasInputSizeAndLiesInZeroOne() {
        UNetConfig config = new UNetConfig(3, 2, List.of(1, 2));
        // Seeded: which weights an untrained network draws depends on the tests that ran before in this JVM, and
        // some draws saturate the float sigmoid to exactly 1.
        Engine.getInstance().setRandomSeed(3);
        try (NDManager manager = NDManager.newBaseManager()) {
            UNet net = new UNet(config);
            net.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 32, 48));
            NDArray x = manager.randomNormal(new Shape(2, 1, 32, 48));
            NDArray y = net.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
            assertEquals(new Shape(2, 1, 32, 48), y.getShape());
            assertArrayEquals(new Shape[] {new Shape(2, 1, 32, 48)}, net.getOutputShapes(new Shape[] {x.getShape()}));
            float[] values = y.toFloatArray();
            for (float value : values) {
                assertTrue(value > 0 && value < 1, "probability out of (0, 1): " + value);
            }
        }
    }

    @Test
    void defaultHasAboutOneGigaMacAtPaperSizeAndFewParameters() {
        UNetConfig config = UNetConfig.DEFAULT;
        long macs = config.macsPerFrame(512, 512);
        assertTrue(macs > 0.8e9 && macs < 1.3e9, "MACs " + macs);
        try (NDManager manager = NDManager.newBaseManager()) {
            UNet net = new UNet(config);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 64, 64));
            assertEquals(expectedWeights(config), trainableWeights(net));
        }
    }

    @Test
    void rejectsOutOfRangeArchitecture() {
        assertThrows(IllegalArgumentException.class, () -> new UNetConfig(0, 4, List.of(1)));
        assertThrows(IllegalArgumentException.class, () -> new UNetConfig(4, 4, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new UNetConfig(4, 0, List.of(1)));
        assertThrows(IllegalArgumentException.class, () -> new UNetConfig(4, 4, List.of(1), 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new UNetConfig(4, 4, List.of(1), 1, UNetConfig.MAX_PATCH_SIZE + 1));
    }

    @Test
    void foldingPatchesIntoChannelsKeepsEveryPixelAndUnfoldsBack() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.arange(2 * 3 * 8 * 12).toType(DataType.FLOAT32, false).reshape(2, 3, 8, 12);
            NDArray folded = UNet.fold(x, 2);
            assertEquals(new Shape(2, 12, 4, 6), folded.getShape());
            // channel (c p + i) p + j at (row, col) is pixel (row p + i, col p + j) of channel c
            int c = 1;
            int i = 1;
            int j = 0;
            int row = 2;
            int col = 5;
            assertEquals(x.getFloat(1, c, row * 2 + i, col * 2 + j), folded.getFloat(1, (c * 2 + i) * 2 + j, row, col));
            assertArrayEquals(x.toFloatArray(), UNet.unfold(folded, 2).toFloatArray());
        }
    }

    @Test
    void patchNetworkKeepsTheInputSizeWithAQuarterOfTheWork() {
        UNetConfig patched = new UNetConfig(2, 4, List.of(1), 1, 2);
        UNetConfig full = new UNetConfig(2, 4, List.of(1));
        assertEquals(8, patched.sizeMultiple());
        double ratio = (double) patched.macsPerFrame(512, 512) / full.macsPerFrame(512, 512);
        assertTrue(ratio > 0.24 && ratio < 0.3, "MAC ratio " + ratio);
        Engine.getInstance().setRandomSeed(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            UNet net = new UNet(patched);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 32, 48));
            NDArray y = net.forward(new ParameterStore(manager, false),
                    new NDList(manager.randomNormal(new Shape(1, 1, 32, 48))), false).singletonOrThrow();
            assertEquals(new Shape(1, 1, 32, 48), y.getShape());
            assertEquals(expectedWeights(patched), trainableWeights(net));
        }
    }

    private static long trainableWeights(UNet net) {
        long weights = 0;
        for (Pair<String, Parameter> parameter : net.getParameters()) {
            if (parameter.getValue().requiresGradient()) {
                weights += parameter.getValue().getArray().size();
            }
        }
        return weights;
    }

    /** Trainable weights counted layer by layer from the architecture, independently of the block tree. */
    private static long expectedWeights(UNetConfig config) {
        long total = 0;
        int in = config.foldedChannels();
        for (int level = 0; level < config.depth(); level++) {
            int c = config.channels(level);
            total += 9L * in * c + 2 * c + 9L * c * c + 2 * c;
            in = c;
        }
        int b = config.channels(config.depth());
        int rates = config.asppRates().size();
        total += (long) in * b + 2 * b;
        total += rates * (9L * in * b + 2 * b);
        total += (long) in * b + b;
        total += (long) (rates + 2) * b * b + 2 * b;
        int below = b;
        for (int level = config.depth() - 1; level >= 0; level--) {
            int c = config.channels(level);
            total += 9L * below * c + 2 * c;
            total += 9L * 2 * c * c + 2 * c + 9L * c * c + 2 * c;
            below = c;
        }
        int outputs = config.patchSize() * config.patchSize();
        total += (long) below * outputs + outputs;
        return total;
    }
}
