package org.neuroseg.roi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ROIs found in (or drawn on) one field of view of height x width pixels. ROIs may overlap; a label image
 * cannot show overlaps, so {@link #toLabelImage()} gives a shared pixel to the ROI listed last.
 *
 * @param height rows of the field of view
 * @param width columns of the field of view
 * @param rois the regions, ids unique
 */
public record RoiSet(int height, int width, List<Roi> rois) {

    /** Checks that every pixel lies inside the image and ids are unique. */
    public RoiSet {
        rois = List.copyOf(rois);
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        for (Roi roi : rois) {
            if (!ids.add(roi.id())) {
                throw new IllegalArgumentException("ROI id " + roi.id() + " appears twice");
            }
            for (int i = 0; i < roi.area(); i++) {
                if (roi.rows()[i] < 0 || roi.rows()[i] >= height || roi.cols()[i] < 0 || roi.cols()[i] >= width) {
                    throw new IllegalArgumentException("ROI " + roi.id() + " has pixel (" + roi.rows()[i] + ", "
                            + roi.cols()[i] + ") outside the " + height + " x " + width + " image");
                }
            }
        }
    }

    /**
     * Reads ROIs from a label image: each positive value is one ROI with that id; 0 (and negative) is background.
     *
     * @param labels height x width label values, row-major; non-integer values are truncated
     */
    public static RoiSet fromLabelImage(float[] labels, int height, int width) {
        if (labels.length != height * width) {
            throw new IllegalArgumentException("label image has " + labels.length + " pixels, expected "
                    + height + " x " + width);
        }
        Map<Integer, int[]> counts = new TreeMap<>();
        for (float value : labels) {
            int id = (int) value;
            if (id > 0) {
                counts.computeIfAbsent(id, k -> new int[1])[0]++;
            }
        }
        Map<Integer, int[][]> pixels = new TreeMap<>();
        counts.forEach((id, count) -> pixels.put(id, new int[][] {new int[count[0]], new int[count[0]], {0}}));
        for (int i = 0; i < labels.length; i++) {
            int id = (int) labels[i];
            if (id > 0) {
                int[][] roi = pixels.get(id);
                int k = roi[2][0]++;
                roi[0][k] = i / width;
                roi[1][k] = i % width;
            }
        }
        List<Roi> rois = new ArrayList<>();
        pixels.forEach((id, roi) -> rois.add(new Roi(id, roi[0], roi[1])));
        return new RoiSet(height, width, rois);
    }

    /** @return a label image (row-major) with each ROI's pixels set to its id and 0 elsewhere */
    public float[] toLabelImage() {
        float[] labels = new float[height * width];
        for (Roi roi : rois) {
            for (int i = 0; i < roi.area(); i++) {
                labels[roi.rows()[i] * width + roi.cols()[i]] = roi.id();
            }
        }
        return labels;
    }

    /** @return a binary mask (row-major): true where any ROI has a pixel */
    public boolean[] toMask() {
        boolean[] mask = new boolean[height * width];
        for (Roi roi : rois) {
            for (int i = 0; i < roi.area(); i++) {
                mask[roi.rows()[i] * width + roi.cols()[i]] = true;
            }
        }
        return mask;
    }

    /** @return number of ROIs */
    public int size() {
        return rois.size();
    }

    /**
     * @return the diameter in pixels of a disk of the median ROI's area (the upper median for an even count), NaN
     *         when there is no ROI: how large the cells found are, to compare with the cell diameter set
     */
    public double medianDiameterPx() {
        if (rois.isEmpty()) {
            return Double.NaN;
        }
        int[] areas = rois.stream().mapToInt(Roi::area).sorted().toArray();
        return 2 * Math.sqrt(areas[areas.length / 2] / Math.PI);
    }
}
