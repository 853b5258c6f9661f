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
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * U-Net (Ronneberger et al., "U-Net: Convolutional Networks for Biomedical Image Segmentation", 2015) with an
 * Atrous Spatial Pyramid Pooling bottleneck ({@link Aspp}), as in González-Colín et al. for finding cell bodies in
 * single frames of calcium-imaging videos.
 *
 * <p>Encoder: at each of {@link UNetConfig#depth()} levels two 3 x 3 convolutions with batch norm and ReLU, then
 * 2 x 2 max pooling; channels double each level. Bottleneck: ASPP. Decoder: bilinear upsampling by 2, a 3 x 3
 * convolution (DJL's PyTorch engine has no transposed convolution), concatenation with the encoder's features of
 * that level (skip connection), two 3 x 3 convolutions. Head: 1 x 1 convolution and sigmoid. With a
 * {@link UNetConfig#patchSize() pixel patch} p > 1 the input's p x p patches are first folded into channels
 * (space to depth) and the head's p x p outputs a pixel unfolded back, so every level runs on p x p times fewer pixels.
 *
 * <p>Input (N, C, H, W) float32, C = {@link UNetConfig#inputChannels()}, H and W multiples of
 * {@link UNetConfig#sizeMultiple()}; output (N, 1, H, W), the probability that each pixel belongs to a cell, in
 * (0, 1).
 */
public final class UNet extends AbstractBlock {

    private static final byte VERSION = 1;
    /** DJL's interpolation code for bilinear (the order of Image.Interpolation: nearest, bilinear, area, bicubic). */
    private static final int BILINEAR = 1;

    private final UNetConfig config;
    private final List<Block> encoders = new ArrayList<>();
    private final Block bottleneck;
    private final List<Block> upConvolutions = new ArrayList<>();
    private final List<Block> decoders = new ArrayList<>();
    private final Block head;

    /** Builds an uninitialised network of the given architecture. */
    public UNet(UNetConfig config) {
        super(VERSION);
        this.config = config;
        for (int level = 0; level < config.depth(); level++) {
            encoders.add(addChildBlock("encoder" + level, ConvBlocks.doubleConv(config.channels(level))));
        }
        bottleneck = addChildBlock("aspp", new Aspp(config.channels(config.depth()), config.asppRates()));
        for (int level = config.depth() - 1; level >= 0; level--) {
            upConvolutions.add(addChildBlock("up" + level, ConvBlocks.convBnRelu(config.channels(level), 3, 1)));
            decoders.add(addChildBlock("decoder" + level, ConvBlocks.doubleConv(config.channels(level))));
        }
        head = addChildBlock("head", Conv2d.builder().setKernelShape(new Shape(1, 1))
                .setFilters(config.patchSize() * config.patchSize()).build());
    }

    /** @return the architecture */
    public UNetConfig config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        checkChannels(input.getShape());
        NDArray x = fold(input, config.patchSize());
        List<NDArray> skips = new ArrayList<>();
        for (Block encoder : encoders) {
            x = encoder.forward(store, new NDList(x), training).singletonOrThrow();
            skips.add(x);
            x = Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
        }
        x = bottleneck.forward(store, new NDList(x), training).singletonOrThrow();
        for (int i = 0; i < decoders.size(); i++) {
            NDArray skip = skips.get(skips.size() - 1 - i);
            NDArray up = upsample(x, skip.getShape());
            up = upConvolutions.get(i).forward(store, new NDList(up), training).singletonOrThrow();
            x = decoders.get(i).forward(store, new NDList(NDArrays.concat(new NDList(skip, up), 1)), training)
                    .singletonOrThrow();
        }
        NDArray logits = head.forward(store, new NDList(x), training).singletonOrThrow();
        return new NDList(Activation.sigmoid(unfold(logits, config.patchSize())));
    }

    /** (N, C, H, W) to (N, C p p, H / p, W / p): channel {@code (c p + i) p + j} holds pixel (i, j) of each patch. */
    static NDArray fold(NDArray x, int patch) {
        if (patch == 1) {
            return x;
        }
        Shape shape = x.getShape();
        long n = shape.get(0);
        long c = shape.get(1);
        long h = shape.get(2) / patch;
        long w = shape.get(3) / patch;
        return x.reshape(n, c, h, patch, w, patch).transpose(0, 1, 3, 5, 2, 4).reshape(n, c * patch * patch, h, w);
    }

    /** The inverse of {@link #fold}: (N, C p p, h, w) to (N, C, h p, w p). */
    static NDArray unfold(NDArray x, int patch) {
        if (patch == 1) {
            return x;
        }
        Shape shape = x.getShape();
        long n = shape.get(0);
        long c = shape.get(1) / ((long) patch * patch);
        long h = shape.get(2);
        long w = shape.get(3);
        return x.reshape(n, c, patch, patch, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, c, h * patch, w * patch);
    }

    /** Bilinear upsampling of (N, C, h, w) to the height and width of {@code target} (N, C', H, W). */
    private static NDArray upsample(NDArray x, Shape target) {
        return x.getNDArrayInternal().interpolation(new long[] {target.get(2), target.get(3)}, BILINEAR, false);
    }

    private void checkChannels(Shape input) {
        if (input.dimension() != 4 || input.get(1) != config.inputChannels()) {
            throw new IllegalArgumentException("a U-Net of " + config.inputChannels() + " input channel(s) takes"
                    + " (N, " + config.inputChannels() + ", H, W) input, got " + input);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), 1, in.get(2), in.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        checkChannels(in);
        long batch = in.get(0);
        long height = in.get(2) / config.patchSize();
        long width = in.get(3) / config.patchSize();
        Shape shape = new Shape(batch, config.foldedChannels(), height, width);
        for (int level = 0; level < encoders.size(); level++) {
            encoders.get(level).initialize(manager, dataType, shape);
            shape = new Shape(batch, config.channels(level), height >> (level + 1), width >> (level + 1));
        }
        bottleneck.initialize(manager, dataType, shape);
        long channels = config.channels(config.depth());
        for (int i = 0; i < decoders.size(); i++) {
            int level = config.depth() - 1 - i;
            long levelHeight = height >> level;
            long levelWidth = width >> level;
            upConvolutions.get(i).initialize(manager, dataType, new Shape(batch, channels, levelHeight, levelWidth));
            decoders.get(i).initialize(manager, dataType,
                    new Shape(batch, 2L * config.channels(level), levelHeight, levelWidth));
            channels = config.channels(level);
        }
        head.initialize(manager, dataType, new Shape(batch, channels, height, width));
    }
}
