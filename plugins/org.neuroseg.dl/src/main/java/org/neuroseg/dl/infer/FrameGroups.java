package org.neuroseg.dl.infer;

import java.util.Arrays;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.Video;

/**
 * Consecutive frames taken together for one U-Net prediction (temporal binning): group g holds frames
 * [g x size, min((g + 1) x size, frames)), so only the last group may be shorter. Each group is predicted once,
 * from the mean of its frames, and every frame of the group gets that prediction.
 *
 * @param frames frames of the video, at least 0
 * @param size frames per group, at least 1
 */
public record FrameGroups(int frames, int size) {

    /** Checks the ranges. */
    public FrameGroups {
        if (frames < 0 || size < 1) {
            throw new IllegalArgumentException("need frames >= 0 and a group size >= 1, got " + frames + " and "
                    + size);
        }
    }

    /** @return number of groups */
    public int count() {
        return (frames + size - 1) / size;
    }

    /** @return frames in group {@code group} */
    public int length(int group) {
        return Math.min(size, frames - group * size);
    }

    /**
     * Averages the frames of a group.
     *
     * @param video the video, of {@link #frames()} frames
     * @param group the group, in [0, count)
     * @param buffer scratch of one frame, overwritten
     * @param mean receives the mean of the group's frames, one frame, overwritten
     * @throws NeurosegException when a frame cannot be read
     */
    public void mean(Video video, int group, float[] buffer, float[] mean) throws NeurosegException {
        Arrays.fill(mean, 0);
        int length = length(group);
        for (int t = group * size; t < group * size + length; t++) {
            video.readFrame(t, buffer);
            for (int i = 0; i < mean.length; i++) {
                mean[i] += buffer[i] / length;
            }
        }
    }
}
