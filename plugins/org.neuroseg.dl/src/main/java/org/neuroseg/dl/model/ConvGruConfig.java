package org.neuroseg.dl.model;

/**
 * The architecture of a {@link ConvGruBlock}: how many channels its hidden state has and the side of every
 * convolution kernel (gates, candidate and classifier).
 *
 * @param hiddenChannels channels of the hidden state, [1, 64]; the paper used 8
 * @param kernelSize side of the square convolution kernels in pixels, odd, [1, 15]; padding keeps the frame size
 */
public record ConvGruConfig(int hiddenChannels, int kernelSize) {

    /** The paper's cell: 8 hidden channels, 3 x 3 kernels (about 0.5 GMAC a 512 x 512 frame). */
    public static final ConvGruConfig DEFAULT = new ConvGruConfig(8, 3);

    /** Channels of each input frame: the U-Net's probability. */
    public static final int INPUT_CHANNELS = 1;

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException naming the field, its value and the allowed range
     */
    public ConvGruConfig {
        if (hiddenChannels < 1 || hiddenChannels > 64) {
            throw new IllegalArgumentException(
                    "CGRU hidden channels " + hiddenChannels + " is out of range: allowed 1 to 64");
        }
        if (kernelSize < 1 || kernelSize > 15 || kernelSize % 2 == 0) {
            throw new IllegalArgumentException(
                    "CGRU kernel size " + kernelSize + " is out of range: allowed odd sizes 1 to 15");
        }
    }

    /**
     * Multiply-accumulate operations of one time step of the cell on one frame (the gate and candidate
     * convolutions; the classifier runs once per video and element-wise operations are a few per pixel and
     * channel).
     *
     * @param height rows of the frame
     * @param width columns of the frame
     * @return the count
     */
    public long macsPerStep(int height, int width) {
        long taps = (long) kernelSize * kernelSize * (INPUT_CHANNELS + hiddenChannels);
        return (long) height * width * taps * 3L * hiddenChannels;
    }
}
