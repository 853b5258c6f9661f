package org.neuroseg.dl.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neuroseg.dl.model.ConvGruBlock;
import org.neuroseg.dl.model.ConvGruConfig;

class CgruInferenceTest {

    @Test
    void streamingEqualsOneChunkForward() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ConvGruBlock block = initialized(manager, new ConvGruConfig(4, 3));
            float[][] frames = frames(6, 20 * 28, 1);
            float[] flat = new float[6 * 20 * 28];
            for (int t = 0; t < 6; t++) {
                System.arraycopy(frames[t], 0, flat, t * 20 * 28, 20 * 28);
            }
            NDArray chunk = manager.create(flat, new Shape(1, 6, 1, 20, 28));
            float[] expected = block.forward(new ParameterStore(manager, false),
                    new NDList(chunk, block.initialHidden(manager, 1, 20, 28)), false).get(0).toFloatArray();
            try (CgruInference inference = new CgruInference(block, manager, 20, 28, 512, 0)) {
                for (float[] frame : frames) {
                    inference.push(frame);
                }
                assertArrayEquals(expected, inference.probability(), 1e-6f);
                assertEquals(6, inference.steps());
            }
        }
    }

    /**
     * The receptive field after T steps of a 3 x 3 cell and a 3 x 3 classifier reaches T + 1 pixels; with overlaps
     * of 16 px (seams 8 px from either tile's edge) and 4 frames, tiles see everything the whole frame would.
     */
    @Test
    void tilesGiveTheWholeFrameResultWhenTheOverlapCoversTheReceptiveField() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ConvGruBlock block = initialized(manager, new ConvGruConfig(4, 3));
            float[][] frames = frames(4, 70 * 90, 2);
            try (CgruInference whole = new CgruInference(block, manager, 70, 90, 128, 0);
                    CgruInference tiled = new CgruInference(block, manager, 70, 90, 32, 16)) {
                for (float[] frame : frames) {
                    whole.push(frame);
                    tiled.push(frame);
                }
                assertArrayEquals(whole.probability(), tiled.probability(), 1e-5f);
            }
        }
    }

    /** Without a sub-manager per step, every step would leave its arrays behind (DESIGN: about 50 MB a step). */
    @Test
    void liveArraysDoNotGrowWithFrames() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ConvGruBlock block = initialized(manager, ConvGruConfig.DEFAULT);
            int baseline = manager.getManagedArrays().size();
            float[][] frames = frames(10, 32 * 32, 3);
            try (CgruInference inference = new CgruInference(block, manager, 32, 32, 512, 0)) {
                int[] live = new int[2];
                for (int t = 0; t < 600; t++) {
                    inference.push(frames[t % frames.length]);
                    if (t == 199) {
                        inference.probability();
                        live[0] = manager.getManagedArrays().size();
                    }
                }
                inference.probability();
                live[1] = manager.getManagedArrays().size();
                assertEquals(live[0], live[1], "arrays alive after 200 and 600 frames");
                assertEquals(baseline + 1, live[1], "only the hidden state is held");
            }
            assertEquals(baseline, manager.getManagedArrays().size());
        }
    }

    private static ConvGruBlock initialized(NDManager manager, ConvGruConfig config) {
        ConvGruBlock block = new ConvGruBlock(config);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 1, 16, 16),
                new Shape(1, config.stateChannels(), 16, 16));
        return block;
    }

    private static float[][] frames(int count, int pixels, long seed) {
        Random random = new Random(seed);
        float[][] frames = new float[count][pixels];
        for (float[] frame : frames) {
            for (int i = 0; i < pixels; i++) {
                frame[i] = random.nextFloat();
            }
        }
        return frames;
    }
}
