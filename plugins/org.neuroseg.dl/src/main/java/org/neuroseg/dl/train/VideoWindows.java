package org.neuroseg.dl.train;

import java.util.Random;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.Video;

/**
 * Square windows that span a video's whole duration, read chunk by chunk as network input (N, T, 1, side, side),
 * with the matching windows of a one-frame mask, or of the frames of a label video seen so far, as target (N, 1,
 * side, side). A window may be mirrored; the mirror
 * is the same for its input frames and its target.
 *
 * @param tops first row of each window
 * @param lefts first column of each window
 * @param flipRows per window, whether rows are mirrored
 * @param flipCols per window, whether columns are mirrored
 * @param side window side in pixels
 */
record VideoWindows(int[] tops, int[] lefts, boolean[] flipRows, boolean[] flipCols, int side) {

    /**
     * @param count windows, at least 1
     * @param height rows of the video, at least {@code side}
     * @param width columns of the video, at least {@code side}
     * @param mirror whether to mirror rows and columns at random (training) or never (validation)
     */
    static VideoWindows random(Random random, int count, int height, int width, int side, boolean mirror) {
        int[] tops = new int[count];
        int[] lefts = new int[count];
        boolean[] flipRows = new boolean[count];
        boolean[] flipCols = new boolean[count];
        for (int n = 0; n < count; n++) {
            tops[n] = random.nextInt(height - side + 1);
            lefts[n] = random.nextInt(width - side + 1);
            flipRows[n] = mirror && random.nextBoolean();
            flipCols[n] = mirror && random.nextBoolean();
        }
        return new VideoWindows(tops, lefts, flipRows, flipCols, side);
    }

    /** @return number of windows N */
    int count() {
        return tops.length;
    }

    /**
     * Reads frames [from, from + frames) of every window.
     *
     * @param frame scratch buffer of one whole frame
     * @return (N, frames, 1, side, side), row-major
     */
    float[] readChunk(Video video, int from, int frames, float[] frame) throws NeurosegException {
        int pixels = side * side;
        float[] chunk = new float[count() * frames * pixels];
        for (int t = 0; t < frames; t++) {
            video.readFrame(from + t, frame);
            for (int n = 0; n < count(); n++) {
                copy(frame, video.shape().width(), n, chunk, (n * frames + t) * pixels, false);
            }
        }
        return chunk;
    }

    /**
     * Reads the target of every window from a one-frame mask; pixels above 0.5 become 1, the others 0.
     *
     * @return (N, 1, side, side), row-major
     */
    float[] readTarget(Video mask) throws NeurosegException {
        float[] frame = new float[mask.shape().pixelsPerFrame()];
        mask.readFrame(0, frame);
        float[] target = new float[count() * side * side];
        for (int n = 0; n < count(); n++) {
            copy(frame, mask.shape().width(), n, target, n * side * side, true);
        }
        return target;
    }

    /**
     * Adds to {@code counts} (N, 1, side, side) how often each of the windows' pixels is labelled (above 0.5) in
     * frames [from, from + frames) of a label video, so that after each chunk they count the frames up to its end.
     *
     * @param frame scratch buffer of one whole frame
     */
    void countLabelled(Video labels, int from, int frames, float[] frame, float[] counts) throws NeurosegException {
        int pixels = side * side;
        float[] window = new float[pixels];
        for (int t = 0; t < frames; t++) {
            labels.readFrame(from + t, frame);
            for (int n = 0; n < count(); n++) {
                copy(frame, labels.shape().width(), n, window, 0, true);
                for (int i = 0; i < pixels; i++) {
                    counts[n * pixels + i] += window[i];
                }
            }
        }
    }

    private void copy(float[] frame, int width, int n, float[] target, int offset, boolean binarize) {
        for (int y = 0; y < side; y++) {
            int row = tops[n] + (flipRows[n] ? side - 1 - y : y);
            for (int x = 0; x < side; x++) {
                float value = frame[row * width + lefts[n] + (flipCols[n] ? side - 1 - x : x)];
                target[offset + y * side + x] = binarize ? (value > 0.5f ? 1f : 0f) : value;
            }
        }
    }
}
