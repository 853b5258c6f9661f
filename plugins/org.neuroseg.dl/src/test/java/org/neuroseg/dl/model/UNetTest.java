package org.neuroseg.dl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            long weights = 0;
            for (Pair<String, Parameter> parameter : net.getParameters()) {
                if (parameter.getValue().requiresGradient()) {
                    weights += parameter.getValue().getArray().size();
                }
            }
            assertEquals(expectedWeights(config), weights);
        }
    }

    @Test
    void rejectsOutOfRangeArchitecture() {
        assertThrows(IllegalArgumentException.class, () -> new UNetConfig(0, 4, List.of(1)));
        assertThrows(IllegalArgumentException.class, () -> new UNetConfig(4, 4, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new UNetConfig(4, 0, List.of(1)));
    }

    /** Trainable weights counted layer by layer from the architecture, independently of the block tree. */
    private static long expectedWeights(UNetConfig config) {
        long total = 0;
        int in = 1;
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
        total += below + 1;
        return total;
    }
}
