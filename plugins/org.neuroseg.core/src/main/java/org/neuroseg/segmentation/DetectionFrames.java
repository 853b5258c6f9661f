package org.neuroseg.segmentation;

import org.neuroseg.NeurosegException;
import org.neuroseg.video.Video;

/**
 * The images the Blob Labeler detects in: each frame averaged over a short centred window of frames, minus (when
 * finding active cells) the average over a longer centred window, the baseline; windows shrink at the ends of the
 * video. Both averages are running sums in double precision over one ring buffer of frames: each frame is read once
 * and each image costs O(1) per pixel whatever the window lengths; memory is the longer window, not the video.
 *
 * <p>Thread-safe for callers on several threads that each want the next frame: frames are computed strictly in
 * order, and a caller asking for frame t waits until frame t - 1 has been computed.
 */
final class DetectionFrames {

    private final Video video;
    private final float[][] ring;
    private final Window average;
    private final Window baseline;
    private int lastRead = -1;
    private int next;

    /**
     * @param averagedFrames frames of the short average, at least 1; even windows reach one frame further back
     * @param baselineFrames frames of the baseline, at least 1; 0 for no baseline
     */
    DetectionFrames(Video video, int averagedFrames, int baselineFrames) {
        if (averagedFrames < 1 || baselineFrames < 0) {
            throw new IllegalArgumentException("need at least 1 averaged frame and 0 or more baseline frames, got "
                    + averagedFrames + " and " + baselineFrames);
        }
        this.video = video;
        int pixels = video.shape().pixelsPerFrame();
        // Both windows are centred on the same frame, so the shorter lies inside the longer, whose frames are all
        // the ring must hold.
        ring = new float[Math.max(averagedFrames, baselineFrames)][pixels];
        average = new Window(averagedFrames, pixels);
        baseline = baselineFrames > 0 ? new Window(baselineFrames, pixels) : null;
    }

    /**
     * Writes the image of frame {@code t} into {@code target}, waiting until every earlier frame has been computed.
     *
     * @param t frame index; each index is asked for once, all of 0, 1, 2, ... in turn
     * @param target receives height x width values
     * @throws NeurosegException when a frame cannot be read or the thread is interrupted while waiting its turn
     */
    synchronized void image(int t, float[] target) throws NeurosegException {
        while (next != t) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NeurosegException("Interrupted while waiting for frame " + (t - 1), e);
            }
        }
        int frames = video.shape().frames();
        average.dropBefore(t, ring);
        if (baseline != null) {
            baseline.dropBefore(t, ring);
        }
        int wantedRead = average.lastFrame(t, frames);
        if (baseline != null) {
            wantedRead = Math.max(wantedRead, baseline.lastFrame(t, frames));
        }
        while (lastRead < wantedRead) {
            lastRead++;
            video.readFrame(lastRead, ring[lastRead % ring.length]);
        }
        average.addUpTo(t, frames, ring);
        if (baseline == null) {
            average.meanInto(target);
        } else {
            baseline.addUpTo(t, frames, ring);
            average.meanMinus(baseline, target);
        }
        next++;
        notifyAll();
    }

    /** One centred window's running sum over frames [first, last]. */
    private static final class Window {
        private final int length;
        private final int half;
        private final double[] sum;
        private int first;
        private int last = -1;

        Window(int length, int pixels) {
            this.length = length;
            this.half = length / 2;
            this.sum = new double[pixels];
        }

        int lastFrame(int t, int frames) {
            return Math.min(frames - 1, t - half + length - 1);
        }

        void dropBefore(int t, float[][] ring) {
            for (; first < t - half; first++) {
                float[] frame = ring[first % ring.length];
                for (int i = 0; i < sum.length; i++) {
                    sum[i] -= frame[i];
                }
            }
        }

        void addUpTo(int t, int frames, float[][] ring) {
            for (int wanted = lastFrame(t, frames); last < wanted;) {
                float[] frame = ring[++last % ring.length];
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += frame[i];
                }
            }
        }

        void meanInto(float[] target) {
            double scale = 1.0 / (last - first + 1);
            for (int i = 0; i < sum.length; i++) {
                target[i] = (float) (sum[i] * scale);
            }
        }

        void meanMinus(Window other, float[] target) {
            double scale = 1.0 / (last - first + 1);
            double otherScale = 1.0 / (other.last - other.first + 1);
            for (int i = 0; i < sum.length; i++) {
                target[i] = (float) (sum[i] * scale - other.sum[i] * otherScale);
            }
        }
    }
}
