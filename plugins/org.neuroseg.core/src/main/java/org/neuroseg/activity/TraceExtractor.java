package org.neuroseg.activity;

import org.neuroseg.NeurosegException;
import org.neuroseg.imaging.DistanceTransform;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;

/**
 * Mean fluorescence of each ROI and of its neuropil ring in every frame, reading the video once. The ring of an ROI
 * holds the pixels farther than {@code gapPx} and at most {@code gapPx + widthPx} from it (Euclidean), minus the
 * pixels of every ROI. Pixel lists are precomputed, so a frame costs one pass over the ROI and ring pixels.
 */
public final class TraceExtractor {

    private final int height;
    private final int width;
    private final int[] roiStart;
    private final int[] roiPixels;
    private final int[] ringStart;
    private final int[] ringPixels;

    /**
     * @param rois the regions, in the video's field of view
     * @param gapPx distance between an ROI and its ring, at least 0
     * @param widthPx width of the ring, above 0
     */
    public TraceExtractor(RoiSet rois, double gapPx, double widthPx) {
        this.height = rois.height();
        this.width = rois.width();
        boolean[] occupied = rois.toMask();
        int count = rois.size();
        roiStart = new int[count + 1];
        for (int r = 0; r < count; r++) {
            roiStart[r + 1] = roiStart[r] + rois.rois().get(r).area();
        }
        roiPixels = new int[roiStart[count]];
        int[][] rings = new int[count][];
        ringStart = new int[count + 1];
        for (int r = 0; r < count; r++) {
            Roi roi = rois.rois().get(r);
            for (int i = 0; i < roi.area(); i++) {
                roiPixels[roiStart[r] + i] = roi.rows()[i] * width + roi.cols()[i];
            }
            rings[r] = ring(roi, occupied, gapPx, widthPx);
            ringStart[r + 1] = ringStart[r] + rings[r].length;
        }
        ringPixels = new int[ringStart[count]];
        for (int r = 0; r < count; r++) {
            System.arraycopy(rings[r], 0, ringPixels, ringStart[r], rings[r].length);
        }
    }

    /**
     * Mean fluorescence per frame, axis order (ROI, frame).
     *
     * @param roi the mean inside each ROI
     * @param ring the mean of each ROI's neuropil ring; 0 for a ring without pixels
     */
    public record Fluorescence(float[][] roi, float[][] ring) {
    }

    /** @return the number of ring pixels of ROI {@code index} (0 when crowded out by other ROIs) */
    public int ringSize(int index) {
        return ringStart[index + 1] - ringStart[index];
    }

    /**
     * Reads the video once.
     *
     * @param meanImage receives the mean image (height x width), or null when not wanted
     * @return the mean fluorescence of each ROI and of its ring per frame
     * @throws NeurosegException when the video's frame size differs from the ROIs' field of view
     */
    public Fluorescence extract(Video video, float[] meanImage, ProgressMonitor monitor)
            throws NeurosegException, CanceledException {
        VideoShape shape = video.shape();
        if (shape.height() != height || shape.width() != width) {
            throw new NeurosegException("The ROIs cover " + height + " x " + width + " pixels but the video's frames "
                    + "are " + shape.height() + " x " + shape.width() + ": use ROIs of this video");
        }
        int count = roiStart.length - 1;
        int frames = shape.frames();
        float[][] roiMeans = new float[count][frames];
        float[][] ringMeans = new float[count][frames];
        float[] frame = new float[shape.pixelsPerFrame()];
        double[] sum = meanImage == null ? null : new double[frame.length];
        for (int t = 0; t < frames; t++) {
            monitor.checkCanceled();
            video.readFrame(t, frame);
            for (int r = 0; r < count; r++) {
                roiMeans[r][t] = mean(frame, roiPixels, roiStart[r], roiStart[r + 1]);
                ringMeans[r][t] = mean(frame, ringPixels, ringStart[r], ringStart[r + 1]);
            }
            if (sum != null) {
                for (int i = 0; i < frame.length; i++) {
                    sum[i] += frame[i];
                }
            }
            monitor.setProgress((t + 1.0) / frames, null);
        }
        if (sum != null) {
            for (int i = 0; i < sum.length; i++) {
                meanImage[i] = frames == 0 ? 0 : (float) (sum[i] / frames);
            }
        }
        return new Fluorescence(roiMeans, ringMeans);
    }

    private static float mean(float[] frame, int[] pixels, int from, int to) {
        if (to == from) {
            return 0;
        }
        float total = 0;
        for (int k = from; k < to; k++) {
            total += frame[pixels[k]];
        }
        return total / (to - from);
    }

    private int[] ring(Roi roi, boolean[] occupied, double gapPx, double widthPx) {
        int reach = (int) Math.ceil(gapPx + widthPx);
        int[] box = roi.boundingBox();
        int top = Math.max(0, box[0] - reach);
        int left = Math.max(0, box[1] - reach);
        int bottom = Math.min(height - 1, box[2] + reach);
        int right = Math.min(width - 1, box[3] + reach);
        int boxHeight = bottom - top + 1;
        int boxWidth = right - left + 1;
        boolean[] inside = new boolean[boxHeight * boxWidth];
        for (int i = 0; i < roi.area(); i++) {
            inside[(roi.rows()[i] - top) * boxWidth + roi.cols()[i] - left] = true;
        }
        float[] squared = DistanceTransform.squaredDistanceTo(inside, boxHeight, boxWidth);
        double inner = gapPx * gapPx;
        double outer = (gapPx + widthPx) * (gapPx + widthPx);
        int[] found = new int[inside.length];
        int n = 0;
        for (int y = 0; y < boxHeight; y++) {
            for (int x = 0; x < boxWidth; x++) {
                float d = squared[y * boxWidth + x];
                int pixel = (y + top) * width + x + left;
                if (d > inner && d <= outer && !occupied[pixel]) {
                    found[n++] = pixel;
                }
            }
        }
        return java.util.Arrays.copyOf(found, n);
    }
}
