package org.neuroseg.dl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.model.InputNormalization;
import org.neuroseg.video.VideoShape;

/**
 * Cuts training examples out of frames: each example is a square crop at a random position of a frame normalised as
 * networks are trained now ({@link InputNormalization#FOR_TRAINING}) and of its label frame, under one of the eight
 * flips and quarter turns of the square; a given share of crops is placed at random over a labelled pixel picked at
 * random (when the frame has one). Frames are read when needed, so memory does not depend on the number of frames.
 */
final class CropSampler {

    private final List<LabeledVideo> data;
    private final int cropSize;
    private final double cellCropShare;

    /**
     * @param data the training pairs
     * @param cropSize crop side in pixels, at most the smallest frame side
     * @param cellCropShare share of crops placed over a labelled pixel, [0, 1]
     */
    CropSampler(List<LabeledVideo> data, int cropSize, double cellCropShare) {
        this.data = data;
        this.cropSize = cropSize;
        this.cellCropShare = cellCropShare;
    }

    /**
     * A batch of crops, row-major per crop.
     *
     * @param images count x channels x side x side
     * @param labels count x side x side, 0 or 1
     */
    record Crops(int count, int channels, int side, float[] images, float[] labels) {

        /** @return the images as an array of shape count x channels x side x side */
        NDArray images(NDManager manager) {
            return manager.create(images, new Shape(count, channels, side, side));
        }

        /** @return the labels as an array of shape count x 1 x side x side */
        NDArray labels(NDManager manager) {
            return manager.create(labels, new Shape(count, 1, side, side));
        }
    }

    /**
     * One crop of each frame in {@code frames}; every channel of a frame is normalised on its own and cropped and
     * turned alike.
     *
     * @param augment true for random flips and quarter turns; false keeps the crops as they are
     */
    Crops sample(List<FrameSplit.FrameRef> frames, Random random, boolean augment) throws NeurosegException {
        int channels = data.get(0).frames().shape().channels();
        float[] images = new float[frames.size() * channels * cropSize * cropSize];
        float[] labels = new float[frames.size() * cropSize * cropSize];
        int cropPixels = cropSize * cropSize;
        for (int i = 0; i < frames.size(); i++) {
            FrameSplit.FrameRef ref = frames.get(i);
            LabeledVideo pair = data.get(ref.video());
            VideoShape shape = pair.frames().shape();
            float[] plane = new float[shape.pixelsPerPlane()];
            float[] label = new float[shape.pixelsPerPlane()];
            pair.labels().readFrame(pair.labelFrame(ref.frame()), label);
            int top = random.nextInt(shape.height() - cropSize + 1);
            int left = random.nextInt(shape.width() - cropSize + 1);
            // no draw when the share is 0, so such runs repeat the crops of runs from before the share existed
            if (cellCropShare > 0 && random.nextDouble() < cellCropShare) {
                int cell = labelledPixel(label, random);
                if (cell >= 0) {
                    top = within(cell / shape.width() - random.nextInt(cropSize), shape.height() - cropSize);
                    left = within(cell % shape.width() - random.nextInt(cropSize), shape.width() - cropSize);
                }
            }
            int transform = augment ? random.nextInt(8) : 0;
            for (int channel = 0; channel < channels; channel++) {
                pair.frames().readChannel(ref.frame(), channel, plane);
                InputNormalization.FOR_TRAINING.normalizeInPlace(plane);
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
        return new Crops(frames.size(), channels, cropSize, images, labels);
    }

    /** @return the index of a labelled (above 0.5) pixel picked uniformly at random, or -1 when there is none */
    private static int labelledPixel(float[] label, Random random) {
        int count = 0;
        for (float value : label) {
            count += value > 0.5f ? 1 : 0;
        }
        if (count == 0) {
            return -1;
        }
        int wanted = random.nextInt(count);
        for (int i = 0; i < label.length; i++) {
            if (label[i] > 0.5f && wanted-- == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static int within(int value, int largest) {
        return Math.min(Math.max(value, 0), largest);
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
