package org.neuroseg.dl.train;

import java.util.List;
import java.util.Random;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.model.InputNormalization;
import org.neuroseg.video.VideoShape;

/**
 * Cuts training examples out of frames: each example is a square crop at a random position of a normalised frame
 * ({@link InputNormalization}) and of its label frame, under one of the eight flips and quarter turns of the square.
 * Frames are read when needed, so memory does not depend on the number of frames.
 */
final class CropSampler {

    private final List<LabeledVideo> data;
    private final int cropSize;

    /**
     * @param data the training pairs
     * @param cropSize crop side in pixels, at most the smallest frame side
     */
    CropSampler(List<LabeledVideo> data, int cropSize) {
        this.data = data;
        this.cropSize = cropSize;
    }

    /**
     * Fills {@code images} (batch x channels x cropSize x cropSize) and {@code labels} (batch x cropSize x cropSize),
     * row-major per crop, with one crop of each frame in {@code frames}; every channel of a frame is normalised on
     * its own and cropped and turned alike.
     *
     * @param augment true for random flips and quarter turns; false keeps the crops as they are
     */
    void fill(List<FrameSplit.FrameRef> frames, Random random, boolean augment, float[] images, float[] labels)
            throws NeurosegException {
        int cropPixels = cropSize * cropSize;
        for (int i = 0; i < frames.size(); i++) {
            FrameSplit.FrameRef ref = frames.get(i);
            LabeledVideo pair = data.get(ref.video());
            VideoShape shape = pair.frames().shape();
            int channels = shape.channels();
            float[] plane = new float[shape.pixelsPerPlane()];
            float[] label = new float[shape.pixelsPerPlane()];
            pair.labels().readFrame(pair.labelFrame(ref.frame()), label);
            int top = random.nextInt(shape.height() - cropSize + 1);
            int left = random.nextInt(shape.width() - cropSize + 1);
            int transform = augment ? random.nextInt(8) : 0;
            for (int channel = 0; channel < channels; channel++) {
                pair.frames().readChannel(ref.frame(), channel, plane);
                InputNormalization.normalizeInPlace(plane);
                int crop = (i * channels + channel) * cropPixels;
                for (int y = 0; y < cropSize; y++) {
                    for (int x = 0; x < cropSize; x++) {
                        images[crop + transformed(y, x, transform)] = plane[(top + y) * shape.width() + left + x];
                    }
                }
            }
            for (int y = 0; y < cropSize; y++) {
                for (int x = 0; x < cropSize; x++) {
                    float value = label[(top + y) * shape.width() + left + x];
                    labels[i * cropPixels + transformed(y, x, transform)] = value > 0.5f ? 1f : 0f;
                }
            }
        }
    }

    /** Index in the crop of (y, x) under transform 0..7: bit 0 mirrors x, bits 1-2 count quarter turns. */
    private int transformed(int y, int x, int transform) {
        int last = cropSize - 1;
        int col = (transform & 1) == 1 ? last - x : x;
        int row = y;
        for (int turn = 0; turn < transform >> 1; turn++) {
            int rotatedRow = col;
            col = last - row;
            row = rotatedRow;
        }
        return row * cropSize + col;
    }
}
