package org.neuroseg.dl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** The PyTorch engine loads offline from the native jar on the classpath and computes values and gradients. */
class EngineTest {

    @Test
    void pytorchEngineRunsOfflineFromTheNativeJar() {
        assertEquals("true", System.getProperty("ai.djl.offline"));
        Engine engine = Engine.getInstance();
        assertEquals("PyTorch", engine.getEngineName());
        assertEquals("2.7.1", engine.getVersion());
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.create(new float[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2));
            NDArray product = a.matMul(a);
            assertArrayEquals(new float[] {7, 10, 15, 22}, product.toFloatArray(), 0f);
        }
    }

    @Test
    void gradientsFlow() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1, -2, 3});
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = x.mul(x).sum();
                collector.backward(y);
            }
            assertArrayEquals(new float[] {2, -4, 6}, x.getGradient().toFloatArray(), 0f);
        }
    }
}
