package org.neuroseg.dl.model;

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
import java.util.ArrayList;
import java.util.List;

/**
 * Atrous Spatial Pyramid Pooling (Chen et al., "Rethinking Atrous Convolution for Semantic Image Segmentation",
 * 2017): parallel branches look at the same features with different receptive fields, then a 1 x 1 convolution
 * merges them. Branches: a 1 x 1 convolution, one 3 x 3 convolution per dilation rate, and image pooling (the
 * channel means of the whole input, through a 1 x 1 convolution, spread over every pixel). Every convolution but
 * the pooling one is followed by batch norm and ReLU; the pooling branch has a bias instead of batch norm, since
 * one value a channel and image gives batch norm nothing to normalise in a batch of one.
 *
 * <p>Input (N, C, H, W); output (N, channels, H, W).
 */
public final class Aspp extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int channels;
    private final Block pointwise;
    private final List<Block> dilated = new ArrayList<>();
    private final Block pooling;
    private final Block projection;

    /**
     * @param channels output channels of each branch and of the block
     * @param rates dilation rates of the 3 x 3 branches, each at least 1
     */
    public Aspp(int channels, List<Integer> rates) {
        super(VERSION);
        this.channels = channels;
        pointwise = addChildBlock("pointwise", ConvBlocks.convBnRelu(channels, 1, 1));
        for (int rate : rates) {
            dilated.add(addChildBlock("rate" + rate, ConvBlocks.convBnRelu(channels, 3, rate)));
        }
        pooling = addChildBlock("pooling", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(channels)
                .build());
        projection = addChildBlock("projection", ConvBlocks.convBnRelu(channels, 1, 1));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDList branches = new NDList();
        branches.add(pointwise.forward(store, inputs, training).singletonOrThrow());
        for (Block branch : dilated) {
            branches.add(branch.forward(store, inputs, training).singletonOrThrow());
        }
        NDArray means = x.mean(new int[] {3}, true).mean(new int[] {2}, true);
        NDArray pooled = Activation.relu(pooling.forward(store, new NDList(means), training).singletonOrThrow());
        Shape shape = x.getShape();
        branches.add(pooled.broadcast(new Shape(shape.get(0), channels, shape.get(2), shape.get(3))));
        return projection.forward(store, new NDList(NDArrays.concat(branches, 1)), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), channels, in.get(2), in.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        pointwise.initialize(manager, dataType, in);
        for (Block branch : dilated) {
            branch.initialize(manager, dataType, in);
        }
        pooling.initialize(manager, dataType, new Shape(in.get(0), in.get(1), 1, 1));
        long concatenated = (long) channels * (dilated.size() + 2);
        projection.initialize(manager, dataType, new Shape(in.get(0), concatenated, in.get(2), in.get(3)));
    }
}
