package org.neuroseg.activity;

import org.neuroseg.NeurosegException;
import org.neuroseg.imaging.DistanceTransform;
import org.neuroseg.imaging.Statistics;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;

/**
 * Mean fluorescence of each ROI and the mean or median of its neuropil ring in every frame, reading the video once.
 * The ring of an ROI holds the pixels farther than {@code gapPx} and at most {@code gapPx + widthPx} from it
 * (Euclidean), minus the pixels of every ROI. Pixel lists are precomputed, so a frame costs one pass over the ROI and
 * ring pixels (and a selection per ring for the median).
 */
public final class TraceExtractor {

    private final int height;
    private final int width;
    private final int[] roiStart;
    private final int[] roiPixels;
    private final int[] ringStart;
    private final int[] ringPixels;
    private final boolean ringMedian;

    /**
     * @param rois the regions, in the video's field of view
     * @param gapPx distance between an ROI and its ring, at least 0
     * @param widthPx width of the ring, above 0
     * @param ringMedian whether a ring's fluorescence is the median of its pixels (else their mean): a neighbouring
     *        cell that fills less than half of the ring does not move it when it fires
     */
    public TraceExtractor(RoiSet rois, double gapPx, double widthPx, boolean ringMedian) {
        this.ringMedian = ringMedian;
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
     * @param ring the mean or median of each ROI's neuropil ring; 0 for a ring without pixels
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
        // one scratch array per ring size, so that each median selects in an array of exactly its values
        float[][] ringValues = new float[largestRing() + 1][];
        double[] sum = meanImage == null ? null : new double[frame.length];
        for (int t = 0; t < frames; t++) {
            monitor.checkCanceled();
            video.readFrame(t, frame);
            for (int r = 0; r < count; r++) {
                roiMeans[r][t] = mean(frame, roiPixels, roiStart[r], roiStart[r + 1]);
                ringMeans[r][t] = ringMedian ? median(frame, ringPixels, ringStart[r], ringStart[r + 1], ringValues)
                        : mean(frame, ringPixels, ringStart[r], ringStart[r + 1]);
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

    private int largestRing() {
        int largest = 0;
        for (int r = 0; r + 1 < ringStart.length; r++) {
            largest = Math.max(largest, ringSize(r));
        }
        return largest;
    }

    /**
     * @param scratch arrays by length, filled in as needed
     * @return the median of the frame's values at {@code pixels[from, to)}; 0 for none
     */
    private static float median(float[] frame, int[] pixels, int from, int to, float[][] scratch) {
        int n = to - from;
        if (n == 0) {
            return 0;
        }
        if (scratch[n] == null) {
            scratch[n] = new float[n];
        }
        float[] values = scratch[n];
        for (int k = 0; k < n; k++) {
            values[k] = frame[pixels[from + k]];
        }
        return (float) Statistics.medianInPlace(values);
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
