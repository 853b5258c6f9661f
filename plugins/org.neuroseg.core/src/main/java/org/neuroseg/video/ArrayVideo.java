package org.neuroseg.video;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A small video held on the heap as float frames: single images (masks, label images, projections) and test data.
 * Stages never use it for whole recordings. Pixel values are stored as given and converted (rounded and clamped)
 * to the declared pixel type when read as bytes.
 */
public final class ArrayVideo implements Video {

    private final VideoShape shape;
    private final RecordingInfo recording;
    private final float[][] frames;

    /**
     * A single-channel video of which only the frame rate is known.
     *
     * @param height rows
     * @param width columns
     * @param pixelType the type the frames represent
     * @param frameRateHz frames per second, or 0 when unknown
     * @param frames each height x width, row-major; kept, not copied
     */
    public ArrayVideo(int height, int width, PixelType pixelType, double frameRateHz, float[]... frames) {
        this(new VideoShape(frames.length, height, width, pixelType), RecordingInfo.ofFrameRate(frameRateHz),
                frames);
    }

    /**
     * @param shape channels, height, width and pixel type (the frame count is that of {@code frames})
     * @param recording what is known of the recording
     * @param frames each channels x height x width, the planes one after the other, row-major; kept, not copied
     */
    public ArrayVideo(VideoShape shape, RecordingInfo recording, float[]... frames) {
        this.shape = shape.withFrames(frames.length);
        for (float[] frame : frames) {
            if (frame.length != this.shape.pixelsPerFrame()) {
                throw new IllegalArgumentException("frame of " + frame.length + " pixels in a video of "
                        + this.shape.channels() + " x " + this.shape.height() + " x " + this.shape.width()
                        + " pixels a frame");
            }
        }
        this.recording = recording;
        this.frames = frames;
    }

    /** @return a one-frame video holding {@code pixels} */
    public static ArrayVideo image(int height, int width, PixelType pixelType, float[] pixels) {
        return new ArrayVideo(height, width, pixelType, 0, pixels);
    }

    @Override
    public VideoShape shape() {
        return shape;
    }

    @Override
    public RecordingInfo recording() {
        return recording;
    }

    /** @return frame {@code index} itself (not a copy) */
    public float[] frame(int index) {
        return frames[index];
    }

    @Override
    public void readFrameBytes(int index, ByteBuffer target) {
        ByteBuffer out = target.slice().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        shape.pixelType().fromFloats(frames[index], out);
        target.position(target.position() + shape.bytesPerFrame());
    }

    @Override
    public void readFrame(int index, float[] target) {
        System.arraycopy(frames[index], 0, target, 0, target.length);
    }

    @Override
    public String toString() {
        return "ArrayVideo[" + shape + ", first frame " + Arrays.toString(Arrays.copyOf(frames[0], 4)) + "...]";
    }
}
