package org.neuroseg.dl.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * The temporal model of González-Colín et al.: a {@link ConvGruCell} reads a probability video frame by frame and a
 * classifier (a {@code k x k} convolution to one channel, batch norm, sigmoid) turns its final hidden state into
 * the probability that each pixel belongs to a functional (flashing) neuron. Pixels whose input changes over time
 * can be told from pixels that are merely bright, which a single frame cannot do.
 *
 * <p>When the configuration keeps the peak ({@link ConvGruConfig#keepsPeak}), the state carries one more channel
 * after the hidden ones: each pixel's highest input so far. The cell reads it beside the frame and the classifier
 * reads it beside the hidden state, so a cell that flashed once long ago is not forgotten however long the video.
 *
 * <p>{@link #forward} takes a chunk of frames (N, T, C, H, W) and the state before it (N, stateChannels, H, W)
 * (zeros at the start of a video, see {@link #initialHidden}) and returns the probability (N, 1, H, W) in (0, 1)
 * after the chunk's last frame and the state after it. Streaming callers use {@link #step} per frame and
 * {@link #classify} once at the end.
 */
public final class ConvGruBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final ConvGruConfig config;
    private final ConvGruCell cell;
    private final Block classifier;

    /** Builds an uninitialised block of the given architecture. */
    public ConvGruBlock(ConvGruConfig config) {
        super(VERSION);
        this.config = config;
        cell = addChildBlock("cell", new ConvGruCell(config));
        classifier = addChildBlock("classifier", new SequentialBlock()
                .add(ConvGruCell.convolution(1, config.kernelSize()))
                .add(BatchNorms.overChannels())
                .add(Activation.sigmoidBlock()));
    }

    /** @return the architecture */
    public ConvGruConfig config() {
        return config;
    }

    /**
     * @param manager owns the array
     * @param batch N
     * @param height H
     * @param width W
     * @return zeros (N, stateChannels, H, W): the state before the first frame
     */
    public NDArray initialHidden(NDManager manager, long batch, long height, long width) {
        return manager.zeros(new Shape(batch, config.stateChannels(), height, width));
    }

    /**
     * One time step of the cell.
     *
     * @param frame (N, C, H, W)
     * @param state (N, stateChannels, H, W)
     * @return the next state, (N, stateChannels, H, W), in the manager of {@code frame}
     */
    public NDArray step(ParameterStore store, NDArray frame, NDArray state, boolean training) {
        return advance(store, frame, state, training, null);
    }

    /**
     * One time step of the cell for streaming inference: the same numbers as {@link #step} without training, with
     * fewer temporary arrays. Never use inside a trainer.
     *
     * @param frame (N, C, H, W)
     * @param state (N, stateChannels, H, W)
     * @return the next state, (N, stateChannels, H, W), in the manager of {@code frame}
     */
    public NDArray inferenceStep(ParameterStore store, NDArray frame, NDArray state) {
        PairList<String, Object> inPlace = new PairList<>();
        inPlace.add(ConvGruCell.IN_PLACE, Boolean.TRUE);
        return advance(store, frame, state, false, inPlace);
    }

    private NDArray advance(ParameterStore store, NDArray frame, NDArray state, boolean training,
            PairList<String, Object> params) {
        if (!config.keepsPeak()) {
            return cell.forward(store, new NDList(frame, state), training, params).singletonOrThrow();
        }
        int hiddenChannels = config.hiddenChannels();
        NDArray peak = state.get(":, {}:", hiddenChannels).maximum(frame);
        NDArray hidden = state.get(":, :{}", hiddenChannels);
        NDArray next = cell.forward(store, new NDList(NDArrays.concat(new NDList(frame, peak), 1), hidden), training,
                params).singletonOrThrow();
        return NDArrays.concat(new NDList(next, peak), 1);
    }

    /**
     * @param state (N, stateChannels, H, W)
     * @return the probability of a functional neuron at each pixel, (N, 1, H, W) in (0, 1)
     */
    public NDArray classify(ParameterStore store, NDArray state, boolean training) {
        return classifier.forward(store, new NDList(state), training).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray frames = inputs.get(0);
        NDArray hidden = inputs.get(1);
        long steps = frames.getShape().get(1);
        for (long t = 0; t < steps; t++) {
            hidden = step(store, frames.get(":, {}", t), hidden, training);
        }
        return new NDList(classify(store, hidden, training), hidden);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape hidden = inputShapes[1];
        return new Shape[] {new Shape(hidden.get(0), 1, hidden.get(2), hidden.get(3)), hidden};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape frames = inputShapes[0];
        long batch = frames.get(0);
        long height = frames.get(3);
        long width = frames.get(4);
        cell.initialize(manager, dataType, new Shape(batch, config.cellInputChannels(), height, width),
                new Shape(batch, config.hiddenChannels(), height, width));
        classifier.initialize(manager, dataType, new Shape(batch, config.stateChannels(), height, width));
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException("Cannot load a CGRU of version " + loadVersion
                    + "; this NeuroSeg reads version " + VERSION);
        }
        readInputShapes(is);
    }
}
