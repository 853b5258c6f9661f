package org.neuroseg.dl.model;

import java.util.List;

/**
 * The architecture of a {@link UNet}: how many channels its input has, whether it folds pixel patches into channels
 * first, how many times the encoder halves the resolution, how many channels its first level has (each level doubles
 * them), and the dilation rates of the ASPP branches at the bottleneck.
 *
 * @param depth number of 2 x 2 poolings between the input and the bottleneck, [1, 6]; input height and width must
 *        be multiples of {@code 2^depth}
 * @param baseChannels channels of the first level, [1, 256]; level {@code i} has {@code baseChannels * 2^i}
 * @param asppRates dilation rates of the 3 x 3 ASPP branches, each in [1, 64], at least one; a 1 x 1 branch and an
 *        image-pooling branch are always added
 * @param inputChannels planes of each input frame, [1, {@value #MAX_INPUT_CHANNELS}] (the channels of the video it
 *        reads, see {@link org.neuroseg.video.VideoShape})
 * @param patchSize side of the square pixel patches folded into channels before the first level, [1,
 *        {@value #MAX_PATCH_SIZE}]: with 2 each 2 x 2 patch becomes 4 channels of one pixel and the output is unfolded
 *        the same way, so the network runs on a quarter of the pixels without dropping any (convolutions of a few
 *        channels over many pixels are what a CPU runs slowest); 1 = none
 */
public record UNetConfig(int depth, int baseChannels, List<Integer> asppRates, int inputChannels, int patchSize) {

    /** Most input channels. */
    public static final int MAX_INPUT_CHANNELS = 16;

    /** Largest pixel patch. */
    public static final int MAX_PATCH_SIZE = 4;

    /**
     * The default: one input channel, 2 x 2 pixel patches, 4 poolings, 8 base channels, ASPP rates 1, 2 and 4 (about
     * 1 GMAC a 512 x 512 frame).
     */
    public static final UNetConfig DEFAULT = new UNetConfig(4, 8, List.of(1, 2, 4), 1, 2);

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException naming the field, its value and the allowed range
     */
    public UNetConfig {
        if (inputChannels < 1 || inputChannels > MAX_INPUT_CHANNELS) {
            throw new IllegalArgumentException("U-Net input channels " + inputChannels
                    + " is out of range: allowed 1 to " + MAX_INPUT_CHANNELS);
        }
        if (patchSize < 1 || patchSize > MAX_PATCH_SIZE) {
            throw new IllegalArgumentException("U-Net pixel patch " + patchSize + " is out of range: allowed 1 to "
                    + MAX_PATCH_SIZE);
        }
        if (depth < 1 || depth > 6) {
            throw new IllegalArgumentException("U-Net depth " + depth + " is out of range: allowed 1 to 6");
        }
        if (baseChannels < 1 || baseChannels > 256) {
            throw new IllegalArgumentException(
                    "U-Net base channels " + baseChannels + " is out of range: allowed 1 to 256");
        }
        asppRates = List.copyOf(asppRates);
        if (asppRates.isEmpty() || asppRates.stream().anyMatch(rate -> rate < 1 || rate > 64)) {
            throw new IllegalArgumentException(
                    "ASPP rates " + asppRates + " are invalid: need at least one, each in 1 to 64");
        }
    }

    /**
     * A network of one input channel without pixel patches.
     *
     * @throws IllegalArgumentException naming the field, its value and the allowed range
     */
    public UNetConfig(int depth, int baseChannels, List<Integer> asppRates) {
        this(depth, baseChannels, asppRates, 1, 1);
    }

    /** @return the same architecture for another number of input channels */
    public UNetConfig withInputChannels(int channels) {
        return new UNetConfig(depth, baseChannels, asppRates, channels, patchSize);
    }

    /** @return channels of each pixel the first level reads: the input channels of a whole patch */
    public int foldedChannels() {
        return inputChannels * patchSize * patchSize;
    }

    /** @return channels of encoder level {@code level} (0 = full resolution) and of the bottleneck at {@code depth} */
    public int channels(int level) {
        return baseChannels << level;
    }

    /** @return the factor input height and width must be multiples of, {@code patchSize * 2^depth} */
    public int sizeMultiple() {
        return patchSize << depth;
    }

    /** @return the largest multiple of {@link #sizeMultiple()} that is at most {@code side} (0 when none is) */
    public int largestSizeWithin(int side) {
        return side / sizeMultiple() * sizeMultiple();
    }

    /**
     * Multiply-accumulate operations of one forward pass on one frame of {@link #inputChannels()}, counting
     * convolutions only (batch norm, activations, pooling and upsampling are a few per pixel and channel, well under
     * 5 %).
     *
     * @param height input rows, a multiple of {@link #sizeMultiple()}
     * @param width input columns, a multiple of {@link #sizeMultiple()}
     * @return the count
     */
    public long macsPerFrame(int height, int width) {
        height /= patchSize;
        width /= patchSize;
        long macs = 0;
        int inChannels = foldedChannels();
        for (int level = 0; level < depth; level++) {
            long pixels = (long) (height >> level) * (width >> level);
            macs += pixels * 9L * channels(level) * (inChannels + channels(level));
            inChannels = channels(level);
        }
        long bottleneckPixels = (long) (height >> depth) * (width >> depth);
        int out = channels(depth);
        macs += bottleneckPixels * out * inChannels * (1L + 9L * asppRates.size());
        macs += (long) out * inChannels;
        macs += bottleneckPixels * out * (long) out * (asppRates.size() + 2);
        for (int level = depth - 1; level >= 0; level--) {
            long pixels = (long) (height >> level) * (width >> level);
            int c = channels(level);
            macs += pixels * 9L * channels(level + 1) * c;
            macs += pixels * 9L * c * (2L * c + c);
        }
        macs += (long) height * width * channels(0) * patchSize * patchSize;
        return macs;
    }
}
