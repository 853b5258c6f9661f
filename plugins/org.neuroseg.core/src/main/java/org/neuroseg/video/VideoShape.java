package org.neuroseg.video;

/**
 * The dimensions and pixel type of a video, axis order (T, Y, X). A single image (a mask, a label image) is a
 * one-frame video.
 *
 * @param frames number of frames T, at least 0
 * @param height rows Y, at least 1
 * @param width columns X, at least 1
 * @param pixelType how each pixel is stored
 */
public record VideoShape(int frames, int height, int width, PixelType pixelType) {

    /** Validates the dimensions; a frame must fit in 2 GB. */
    public VideoShape {
        if (frames < 0 || height < 1 || width < 1 || pixelType == null) {
            throw new IllegalArgumentException(
                    "invalid video shape " + frames + " x " + height + " x " + width + " " + pixelType);
        }
        if ((long) height * width * pixelType.bytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a frame of " + height + " x " + width + " " + pixelType
                    + " is larger than 2 GB");
        }
    }

    /** @return pixels in one frame, height x width */
    public int pixelsPerFrame() {
        return height * width;
    }

    /** @return bytes in one frame */
    public int bytesPerFrame() {
        return height * width * pixelType.bytes();
    }

    /** @return bytes of all frames */
    public long totalBytes() {
        return (long) frames * bytesPerFrame();
    }

    /** @return the same frame size with another frame count */
    public VideoShape withFrames(int newFrames) {
        return new VideoShape(newFrames, height, width, pixelType);
    }

    /** @return the same dimensions with another pixel type */
    public VideoShape withPixelType(PixelType newType) {
        return new VideoShape(frames, height, width, newType);
    }

    @Override
    public String toString() {
        return frames + " frames of " + height + " x " + width + " " + pixelType.name().toLowerCase();
    }
}
