package org.neuroseg.dl.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import org.junit.jupiter.api.Test;

class ConvGruBlockTest {

    @Test
    void chunkForwardGivesProbabilityAndHiddenStateOfFrameSize() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ConvGruBlock block = new ConvGruBlock(ConvGruConfig.DEFAULT);
            block.initialize(manager, DataType.FLOAT32, new Shape(2, 5, 1, 24, 40), new Shape(2, 8, 24, 40));
            NDArray frames = manager.randomUniform(0, 1, new Shape(2, 5, 1, 24, 40));
            NDList out = block.forward(new ParameterStore(manager, false),
                    new NDList(frames, block.initialHidden(manager, 2, 24, 40)), false);
            assertEquals(new Shape(2, 1, 24, 40), out.get(0).getShape());
            assertEquals(new Shape(2, 9, 24, 40), out.get(1).getShape());
            for (float p : out.get(0).toFloatArray()) {
                assertTrue(p > 0 && p < 1, "probability " + p);
            }
            for (float h : out.get(1).get(":, :8").toFloatArray()) {
                assertTrue(h > -1 && h < 1, "hidden value " + h);
            }
            assertArrayEquals(frames.max(new int[] {1}).toFloatArray(), out.get(1).get(":, 8:").toFloatArray());
        }
    }

    /** The peak channel remembers a flash exactly, however many quiet frames follow; the learned channels fade. */
    @Test
    void statesPeakChannelKeepsEachPixelsHighestInput() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ConvGruBlock block = new ConvGruBlock(new ConvGruConfig(2, 3));
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 1, 8, 8), new Shape(1, 2, 8, 8));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray flash = manager.zeros(new Shape(1, 1, 8, 8));
            flash.set(new NDIndex(":, :, 3, 4"), 0.9f);
            NDArray state = block.step(store, flash, block.initialHidden(manager, 1, 8, 8), false);
            NDArray quiet = manager.zeros(new Shape(1, 1, 8, 8));
            for (int t = 0; t < 500; t++) {
                state = block.inferenceStep(store, quiet, state);
            }
            float[] peak = state.get(":, 2:").toFloatArray();
            for (int i = 0; i < peak.length; i++) {
                assertEquals(i == 3 * 8 + 4 ? 0.9f : 0f, peak[i], "pixel " + i);
            }
        }
    }

    @Test
    void withoutThePeakTheStateIsTheHiddenChannels() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ConvGruBlock block = new ConvGruBlock(new ConvGruConfig(3, 3, false));
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 1, 8, 8), new Shape(1, 3, 8, 8));
            NDList out = block.forward(new ParameterStore(manager, false), new NDList(manager.randomUniform(0, 1,
                    new Shape(1, 2, 1, 8, 8)), block.initialHidden(manager, 1, 8, 8)), false);
            assertEquals(new Shape(1, 3, 8, 8), out.get(1).getShape());
        }
    }

    @Test
    void chunkForwardEqualsStepByStep() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ConvGruBlock block = new ConvGruBlock(new ConvGruConfig(3, 5));
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 4, 1, 16, 16), new Shape(1, 3, 16, 16));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray frames = manager.randomUniform(0, 1, new Shape(1, 4, 1, 16, 16));
            NDArray hidden = block.initialHidden(manager, 1, 16, 16);
            NDList chunk = block.forward(store, new NDList(frames, hidden), false);
            for (int t = 0; t < 4; t++) {
                hidden = block.step(store, frames.get(":, {}", t), hidden, false);
            }
            assertArrayEquals(chunk.get(1).toFloatArray(), hidden.toFloatArray(), 1e-6f);
            assertArrayEquals(chunk.get(0).toFloatArray(), block.classify(store, hidden, false).toFloatArray(),
                    1e-6f);
        }
    }

    /** Inference updates the state in place; training must not, so the gradient can be computed: same numbers. */
    @Test
    void cellGivesTheSameStateInTrainingAndInference() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ConvGruCell cell = new ConvGruCell(new ConvGruConfig(4, 3));
            cell.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 12, 12), new Shape(2, 4, 12, 12));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray x = manager.randomUniform(0, 1, new Shape(2, 1, 12, 12));
            NDArray h = manager.randomUniform(-1, 1, new Shape(2, 4, 12, 12));
            float[] training = cell.forward(store, new NDList(x, h), true).singletonOrThrow().toFloatArray();
            PairList<String, Object> inPlace = new PairList<>();
            inPlace.add(ConvGruCell.IN_PLACE, Boolean.TRUE);
            float[] inference = cell.forward(store, new NDList(x, h), false, inPlace).singletonOrThrow()
                    .toFloatArray();
            assertArrayEquals(training, inference, 1e-6f);
        }
    }

    @Test
    void parameterCountFollowsTheGruEquations() {
        ConvGruConfig config = new ConvGruConfig(8, 3);
        try (NDManager manager = NDManager.newBaseManager()) {
            ConvGruBlock block = new ConvGruBlock(config);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 1, 16, 16), new Shape(1, 8, 16, 16));
            long weights = 0;
            for (Pair<String, Parameter> parameter : block.getParameters()) {
                if (parameter.getValue().requiresGradient()) {
                    weights += parameter.getValue().getArray().size();
                }
            }
            // the frame and its peak go into the gates and the candidate; the classifier reads the peak too
            long gates = 9L * (2 + 8) * 16 + 16;
            long candidate = 9L * (2 + 8) * 8 + 8;
            long classifier = 9L * (8 + 1) + 1 + 2;
            assertEquals(gates + candidate + classifier, weights);
        }
        assertEquals(512L * 512 * 9 * 10 * 24, config.macsPerStep(512, 512));
        assertEquals(512L * 512 * 9 * 9 * 24, new ConvGruConfig(8, 3, false).macsPerStep(512, 512));
    }

    @Test
    void rejectsParametersOfAnotherArchitecture() {
        byte[] stream;
        try (NDManager manager = NDManager.newBaseManager()) {
            ConvGruBlock block = new ConvGruBlock(new ConvGruConfig(4, 3));
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 2, 1, 16, 16), new Shape(1, 4, 16, 16));
            stream = ModelFiles.parameterBytes(block);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            ConvGruBlock other = new ConvGruBlock(new ConvGruConfig(6, 3));
            assertThrows(MalformedModelException.class, () -> other.loadParameters(manager,
                    new DataInputStream(new ByteArrayInputStream(stream))));
        }
    }

    @Test
    void rejectsOutOfRangeArchitecture() {
        assertThrows(IllegalArgumentException.class, () -> new ConvGruConfig(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new ConvGruConfig(8, 4));
        assertThrows(IllegalArgumentException.class, () -> new ConvGruConfig(8, 17));
    }
}
