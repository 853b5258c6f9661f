package org.neuroseg.dl.model;

/**
 * The architecture of a {@link ConvGruBlock}: how many channels its hidden state has, the side of every
 * convolution kernel (gates, candidate and classifier), and whether its state also keeps each pixel's peak input.
 *
 * @param hiddenChannels channels of the hidden state, [1, 64]; the paper used 8
 * @param kernelSize side of the square convolution kernels in pixels, odd, [1, 15]; padding keeps the frame size
 * @param keepsPeak whether the state carries one more channel, not learned: each pixel's highest input so far, which
 *        the gates, the candidate and the classifier read beside the frame. A GRU's learned memory fades over
 *        hundreds of frames; a cell that fired once in frame 10 must still count at frame 3600. Files written
 *        before it existed have none
 */
public record ConvGruConfig(int hiddenChannels, int kernelSize, boolean keepsPeak) {

    /** The paper's cell, 8 hidden channels and 3 x 3 kernels, with the peak channel (0.57 GMAC a 512 x 512 frame). */
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

    /** A cell that keeps the peak channel (what training makes now). */
    public ConvGruConfig(int hiddenChannels, int kernelSize) {
        this(hiddenChannels, kernelSize, true);
    }

    /** @return channels the cell reads each step: the frame, and its peak so far when kept */
    public int cellInputChannels() {
        return INPUT_CHANNELS + (keepsPeak ? 1 : 0);
    }

    /** @return channels of the state carried from frame to frame: the hidden channels, and the peak when kept */
    public int stateChannels() {
        return hiddenChannels + (keepsPeak ? 1 : 0);
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
        long taps = (long) kernelSize * kernelSize * (cellInputChannels() + hiddenChannels);
        return (long) height * width * taps * 3L * hiddenChannels;
    }
}
