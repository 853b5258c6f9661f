package org.neuroseg.segmentation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.VideoWriter;

/** Single images (one-frame videos) in and out of the classical stages, and label images as ROI sets. */
final class Images {

    private Images() {
    }

    /**
     * @param port the port's name, for the message
     * @return frame 0 of a one-frame video, as floats
     * @throws NeurosegException when the video does not have exactly one frame
     */
    static float[] read(Video image, String port) throws NeurosegException {
        VideoShape shape = image.shape();
        if (shape.frames() != 1) {
            throw new NeurosegException("'" + port + "' must be a single image, but it has " + shape.frames()
                    + " frames");
        }
        float[] pixels = new float[shape.pixelsPerFrame()];
        image.readFrame(0, pixels);
        return pixels;
    }

    /**
     * Writes a one-frame store named {@code name} among the stage's output files and opens it.
     *
     * @param source the recording the image was made from: its pixel size and cell diameter are kept, so that later
     *        stages know the cells' size; its frame rate is not (an image has no time)
     */
    static FileVideo write(StageContext context, String name, float[] pixels, int height, int width,
            PixelType type, RecordingInfo source) throws NeurosegException {
        Path file = context.outputFiles().newFile(name + VideoStore.EXTENSION);
        try (VideoWriter writer = VideoStore.create(file, new VideoShape(0, height, width, type),
                source.withFrameRateHz(0), null)) {
            writer.append(pixels);
            writer.commit();
        }
        return VideoStore.open(file);
    }

    /** @return 1 where the mask is set, 0 elsewhere */
    static float[] toFloats(boolean[] mask) {
        float[] pixels = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            pixels[i] = mask[i] ? 1 : 0;
        }
        return pixels;
    }

    /**
     * @param labels height x width, 0 for background, 1..count for the regions; not changed
     * @param count the largest label
     * @return the regions of {@code minArea} to {@code maxArea} pixels as ROIs, numbered 1..n in the order of their
     *         first pixel in a row-major scan; touching regions stay apart
     */
    static RoiSet sizedRois(int[] labels, int count, int minArea, int maxArea, int height, int width) {
        int[] areas = new int[count + 1];
        for (int label : labels) {
            areas[label]++;
        }
        int[] newLabel = new int[count + 1];
        int[] renumbered = new int[labels.length];
        int kept = 0;
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (label > 0 && areas[label] >= minArea && areas[label] <= maxArea) {
                if (newLabel[label] == 0) {
                    newLabel[label] = ++kept;
                }
                renumbered[i] = newLabel[label];
            }
        }
        return toRois(renumbered, kept, height, width);
    }

    /** @return one ROI per label 1..count (labels without pixels are skipped), id = label */
    static RoiSet toRois(int[] labels, int count, int height, int width) {
        int[] areas = new int[count + 1];
        for (int label : labels) {
            areas[label]++;
        }
        int[][] rows = new int[count + 1][];
        int[][] cols = new int[count + 1][];
        int[] filled = new int[count + 1];
        for (int label = 1; label <= count; label++) {
            rows[label] = new int[areas[label]];
            cols[label] = new int[areas[label]];
        }
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (label > 0) {
                rows[label][filled[label]] = i / width;
                cols[label][filled[label]++] = i % width;
            }
        }
        List<Roi> rois = new ArrayList<>();
        for (int label = 1; label <= count; label++) {
            if (areas[label] > 0) {
                rois.add(new Roi(label, rows[label], cols[label]));
            }
        }
        return new RoiSet(height, width, rois);
    }
}
