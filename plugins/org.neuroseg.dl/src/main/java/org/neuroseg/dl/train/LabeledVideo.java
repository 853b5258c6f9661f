package org.neuroseg.dl.train;

import org.neuroseg.NeurosegException;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.Videos;

/**
 * A video and what the network should find in it. The label video has the frame size of the video and either one
 * frame (the same mask for every frame) or one frame per video frame; pixels above 0.5 are cells (a mask of 0 and 1,
 * a label image of cell ids, or probabilities).
 *
 * @param name how messages refer to the pair (file name, port)
 * @param frames the input video, (T, C, Y, X), any pixel type
 * @param labels the label video, (1 or T, Y, X), one channel
 */
public record LabeledVideo(String name, Video frames, Video labels) {

    /**
     * Checks that the sizes fit.
     *
     * @throws NeurosegException naming the pair when the label video's size or frame count does not match, or it has
     *         more than one channel
     */
    public LabeledVideo checked() throws NeurosegException {
        VideoShape video = frames.shape();
        VideoShape label = labels.shape();
        if (video.height() != label.height() || video.width() != label.width()) {
            throw new NeurosegException("Labels of " + name + " are " + label.height() + " x " + label.width()
                    + " pixels but its frames are " + video.height() + " x " + video.width());
        }
        if (label.channels() != 1) {
            throw new NeurosegException("Labels of " + name + " have " + label.channels() + " channels; expected one"
                    + " mask a frame");
        }
        if (label.frames() != 1 && label.frames() != video.frames()) {
            throw new NeurosegException("Labels of " + name + " have " + label.frames() + " frames; expected 1 (one "
                    + "mask for all frames) or " + video.frames() + " (one per frame)");
        }
        if (video.frames() == 0) {
            throw new NeurosegException("Video " + name + " has no frames to train on");
        }
        return this;
    }

    /**
     * @param framesEachSide frames before and after each frame that the network reads with it
     * @return the same pair, its frames seen through {@link Videos#withTemporalContext}
     */
    public LabeledVideo withTemporalContext(int framesEachSide) {
        return new LabeledVideo(name, Videos.withTemporalContext(frames, framesEachSide), labels);
    }

    /** @return the label frame that belongs to video frame {@code t} */
    public int labelFrame(int t) {
        return labels.shape().frames() == 1 ? 0 : t;
    }
}
