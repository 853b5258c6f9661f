package org.neuroseg.video;

/**
 * The dimensions and pixel type of a video, axis order (T, C, Y, X). A single image (a mask, a label image) is a
 * one-frame video.
 *
 * <p>Channel layout: a frame holds its {@code channels} planes of height x width one after the other (plane c starts
 * at pixel {@code c * pixelsPerPlane()}), each row-major; the frames follow one another. A video of one channel, the
 * usual case, is therefore laid out exactly as (T, Y, X), and its frame is its plane. Stages that take a
 * single-channel video say so and refuse others.
 *
 * @param frames number of frames T, at least 0
 * @param channels planes in each frame C, at least 1
 * @param height rows Y, at least 1
 * @param width columns X, at least 1
 * @param pixelType how each pixel is stored
 */
public record VideoShape(int frames, int channels, int height, int width, PixelType pixelType) {

    /** Validates the dimensions; a frame (all its channels) must fit in 2 GB. */
    public VideoShape {
        if (frames < 0 || channels < 1 || height < 1 || width < 1 || pixelType == null) {
            throw new IllegalArgumentException("invalid video shape " + frames + " x " + channels + " x " + height
                    + " x " + width + " " + pixelType);
        }
        if ((long) channels * height * width * pixelType.bytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a frame of " + channels + " x " + height + " x " + width + " "
                    + pixelType + " is larger than 2 GB");
        }
    }

    /**
     * A single-channel video, axis order (T, Y, X).
     *
     * @param frames number of frames T, at least 0
     * @param height rows Y, at least 1
     * @param width columns X, at least 1
     * @param pixelType how each pixel is stored
     */
    public VideoShape(int frames, int height, int width, PixelType pixelType) {
        this(frames, 1, height, width, pixelType);
    }

    /** @return pixels in one plane (one channel of one frame), height x width */
    public int pixelsPerPlane() {
        return height * width;
    }

    /** @return pixels in one frame, all channels: channels x height x width */
    public int pixelsPerFrame() {
        return channels * height * width;
    }

    /** @return bytes in one frame, all channels */
    public int bytesPerFrame() {
        return pixelsPerFrame() * pixelType.bytes();
    }

    /** @return bytes of all frames */
    public long totalBytes() {
        return (long) frames * bytesPerFrame();
    }

    /** @return the same frame size with another frame count */
    public VideoShape withFrames(int newFrames) {
        return new VideoShape(newFrames, channels, height, width, pixelType);
    }

    /** @return the same dimensions with another pixel type */
    public VideoShape withPixelType(PixelType newType) {
        return new VideoShape(frames, channels, height, width, newType);
    }

    /** @return the same dimensions with another channel count */
    public VideoShape withChannels(int newChannels) {
        return new VideoShape(frames, newChannels, height, width, pixelType);
    }

    /** @throws IndexOutOfBoundsException when {@code index} is not a frame of a video of this shape */
    public void checkFrame(int index) {
        if (index < 0 || index >= frames) {
            throw new IndexOutOfBoundsException("frame " + index + " of a video with " + frames + " frames");
        }
    }

    /** @throws IllegalArgumentException when a float target of {@code targetLength} pixels does not hold one frame */
    public void checkFrameTarget(int targetLength) {
        if (targetLength != pixelsPerFrame()) {
            throw new IllegalArgumentException("target holds " + targetLength + " pixels, a frame has "
                    + pixelsPerFrame());
        }
    }

    /** @throws IllegalArgumentException when a byte target with {@code remaining} bytes left cannot take one frame */
    public void checkFrameBytes(int remaining) {
        if (remaining < bytesPerFrame()) {
            throw new IllegalArgumentException("target has " + remaining + " bytes left, a frame has "
                    + bytesPerFrame());
        }
    }

    /**
     * Checks the arguments of reading one channel into a target of {@code targetLength} pixels.
     *
     * @throws IndexOutOfBoundsException when the channel is out of range
     * @throws IllegalArgumentException when the target does not hold one plane
     */
    public void checkPlaneTarget(int channel, int targetLength) {
        if (channel < 0 || channel >= channels) {
            throw new IndexOutOfBoundsException("channel " + channel + " of a video with " + channels + " channels");
        }
        if (targetLength != pixelsPerPlane()) {
            throw new IllegalArgumentException("target holds " + targetLength + " pixels, a plane has "
                    + pixelsPerPlane());
        }
    }

    @Override
    public String toString() {
        return frames + " frames of " + (channels == 1 ? "" : channels + " channels of ") + height + " x " + width
                + " " + pixelType.name().toLowerCase();
    }
}
