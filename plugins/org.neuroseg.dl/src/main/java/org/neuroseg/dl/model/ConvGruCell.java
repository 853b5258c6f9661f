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
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One convolutional GRU cell (Ballas et al., "Delving Deeper into Convolutional Networks for Learning Video
 * Representations", 2016): a GRU whose matrix products are convolutions, so each pixel keeps its own memory and
 * looks at its neighbours. With input x and hidden state h,
 *
 * <pre>
 * [z, r] = sigmoid(conv_g([x, h]))         update and reset gates
 * c      = tanh(conv_c([x, r * h]) / 2)     candidate
 * h'     = (1 - z) * h + z * c
 * </pre>
 *
 * where [a, b] concatenates channels and every convolution has a {@code k x k} kernel, bias, and padding that keeps
 * the size. The candidate's tanh of half its pre-activation (computed as {@code 2 sigmoid(a) - 1}) is the usual
 * tanh with the candidate convolution's weights halved: the same family of cells.
 *
 * <p>Inputs: x (N, C, H, W) and h (N, hiddenChannels, H, W), float32. Output: h' (N, hiddenChannels, H, W), in
 * (-1, 1) when h is.
 */
public final class ConvGruCell extends AbstractBlock {

    private static final byte VERSION = 1;
    /** The forward parameter that lets inference (never training) update arrays in place; its value is unused. */
    static final String IN_PLACE = "inPlace";

    private final ConvGruConfig config;
    private final Block gates;
    private final Block candidate;

    /** Builds an uninitialised cell of the given architecture. */
    public ConvGruCell(ConvGruConfig config) {
        super(VERSION);
        this.config = config;
        gates = addChildBlock("gates", convolution(2 * config.hiddenChannels(), config.kernelSize()));
        candidate = addChildBlock("candidate", convolution(config.hiddenChannels(), config.kernelSize()));
    }

    /** A {@code kernel x kernel} convolution with bias whose padding keeps height and width. */
    static Conv2d convolution(int filters, int kernel) {
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters)
                .optPadding(new Shape(kernel / 2, kernel / 2)).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray h = inputs.get(1);
        NDArray both = gates.forward(store, new NDList(NDArrays.concat(new NDList(x, h), 1)), training)
                .singletonOrThrow();
        NDList zr = Activation.sigmoid(both).split(2, 1);
        NDArray z = zr.get(0);
        NDArray r = zr.get(1);
        NDArray a = candidate.forward(store, new NDList(NDArrays.concat(new NDList(x, r.mul(h)), 1)), training)
                .singletonOrThrow();
        // c = tanh(a / 2) = 2 sigmoid(a) - 1: PyTorch's CPU sigmoid is about three times faster than its tanh.
        NDArray s = Activation.sigmoid(a);
        // h + z * (c - h); in place when streaming inference asks for it (four frame-sized arrays fewer a step).
        if (training || params == null || !params.contains(IN_PLACE)) {
            // 2 s as s + s, not s.mul(2): DJL turns the number into an array backed by Java memory and closes it at
            // once, but the product's backward pass keeps it; once the garbage collector frees that memory the
            // gradient reads whatever lies there (training then depended on GC timing and sometimes went NaN).
            return new NDList(h.add(s.add(s).sub(1).sub(h).mul(z)));
        }
        return new NDList(s.muli(2).subi(1).subi(h).muli(z).addi(h));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[1]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        Shape joint = new Shape(x.get(0), x.get(1) + config.hiddenChannels(), x.get(2), x.get(3));
        gates.initialize(manager, dataType, joint);
        candidate.initialize(manager, dataType, joint);
    }

    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        saveInputShapes(os);
        os.writeInt(config.hiddenChannels());
        os.writeInt(config.kernelSize());
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException("Cannot load a convolutional GRU cell of version " + loadVersion
                    + "; this NeuroSeg reads version " + VERSION);
        }
        readInputShapes(is);
        int hidden = is.readInt();
        int kernel = is.readInt();
        if (hidden != config.hiddenChannels() || kernel != config.kernelSize()) {
            throw new MalformedModelException("The stored cell has " + hidden + " hidden channels and kernel "
                    + kernel + " but the model file describes " + config.hiddenChannels() + " and "
                    + config.kernelSize());
        }
    }
}
