package org.neuroseg.dl.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;

/** The convolution units the U-Net is built from; every one keeps height and width. */
final class ConvBlocks {

    private ConvBlocks() {
    }

    /**
     * Convolution without bias (batch norm adds it), batch norm over channels, ReLU. Input (N, C, H, W), output
     * (N, channels, H, W).
     *
     * @param kernel 1 or 3
     * @param dilation spacing of the kernel taps, at least 1; padding keeps the size
     */
    static SequentialBlock convBnRelu(int channels, int kernel, int dilation) {
        int padding = dilation * (kernel - 1) / 2;
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(channels)
                        .optPadding(new Shape(padding, padding)).optDilation(new Shape(dilation, dilation))
                        .optBias(false).build())
                .add(BatchNorms.overChannels())
                .add(Activation.reluBlock());
    }

    /** Two 3 x 3 {@link #convBnRelu} units: the U-Net's level block. Output (N, channels, H, W). */
    static SequentialBlock doubleConv(int channels) {
        return new SequentialBlock().add(convBnRelu(channels, 3, 1)).add(convBnRelu(channels, 3, 1));
    }
}
