package org.neuroseg.segmentation;

import org.neuroseg.NeurosegException;
import org.neuroseg.video.Video;

/**
 * The moving average of a video over a centred window of frames (shrunk at the ends), for frames requested in
 * increasing order. Keeps the window's frames in a ring buffer, so memory is the window, not the video.
 */
final class TemporalAverage {

    private final Video video;
    private final int half;
    private final float[][] ring;
    private final double[] sum;
    private final float[] average;
    private int first;
    private int last = -1;

    /** @param windowFrames frames averaged, at least 1; even windows reach one frame further back than forward */
    TemporalAverage(Video video, int windowFrames) {
        if (windowFrames < 1) {
            throw new IllegalArgumentException("window must hold at least 1 frame, got " + windowFrames);
        }
        this.video = video;
        this.half = windowFrames / 2;
        int pixels = video.shape().pixelsPerFrame();
        ring = new float[windowFrames][pixels];
        sum = new double[pixels];
        average = new float[pixels];
    }

    /**
     * @param t frame index, not smaller than in the previous call
     * @return the mean of frames [t - half, t + windowFrames - 1 - half] within the video; the array is reused
     */
    float[] frame(int t) throws NeurosegException {
        int frames = video.shape().frames();
        int wantedFirst = Math.max(0, t - half);
        int wantedLast = Math.min(frames - 1, t - half + ring.length - 1);
        while (first < wantedFirst) {
            float[] slot = ring[first % ring.length];
            for (int i = 0; i < sum.length; i++) {
                sum[i] -= slot[i];
            }
            first++;
        }
        while (last < wantedLast) {
            last++;
            float[] slot = ring[last % ring.length];
            video.readFrame(last, slot);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += slot[i];
            }
        }
        int count = last - first + 1;
        for (int i = 0; i < sum.length; i++) {
            average[i] = (float) (sum[i] / count);
        }
        return average;
    }
}
