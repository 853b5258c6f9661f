package org.neuroseg.metrics;

import java.util.List;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;

/**
 * IoU and centroid distance of every (reference, predicted) ROI pair of two sets on the same image. IoU is found
 * sparsely: an owner map lists, for each pixel, the reference ROIs covering it, and each predicted pixel visits
 * only its owners, so the work is proportional to the pixels plus the overlapping pairs, not ROIs x ROIs x pixels.
 * ROIs may overlap within a set; a pixel listed twice in one ROI counts once.
 */
final class Overlaps {

    final List<Roi> reference;
    final List<Roi> predicted;
    /** IoU of reference i with predicted j, [0, 1]. */
    private final double[][] iou;
    private final double[][] referenceCentroids;
    private final double[][] predictedCentroids;

    private Overlaps(List<Roi> reference, List<Roi> predicted, double[][] iou) {
        this.reference = reference;
        this.predicted = predicted;
        this.iou = iou;
        this.referenceCentroids = centroids(reference);
        this.predictedCentroids = centroids(predicted);
    }

    /**
     * @throws IllegalArgumentException when the sets are on images of different sizes
     */
    static Overlaps of(RoiSet predicted, RoiSet reference) {
        if (predicted.height() != reference.height() || predicted.width() != reference.width()) {
            throw new IllegalArgumentException("predicted ROIs are on a " + predicted.height() + " x "
                    + predicted.width() + " image but the reference ROIs on a " + reference.height() + " x "
                    + reference.width() + " image");
        }
        int width = reference.width();
        int pixels = reference.height() * width;
        List<Roi> refs = reference.rois();
        // Owner map in compressed form: owners of pixel p are owners[start[p] .. start[p + 1]).
        int[] start = new int[pixels + 1];
        int[] refAreas = new int[refs.size()];
        for (int r = 0; r < refs.size(); r++) {
            Roi roi = refs.get(r);
            for (int k = 0; k < roi.area(); k++) {
                if (isNewPixel(roi, k)) {
                    start[roi.rows()[k] * width + roi.cols()[k] + 1]++;
                    refAreas[r]++;
                }
            }
        }
        for (int p = 0; p < pixels; p++) {
            start[p + 1] += start[p];
        }
        int[] owners = new int[start[pixels]];
        int[] fill = start.clone();
        for (int r = 0; r < refs.size(); r++) {
            Roi roi = refs.get(r);
            for (int k = 0; k < roi.area(); k++) {
                if (isNewPixel(roi, k)) {
                    owners[fill[roi.rows()[k] * width + roi.cols()[k]]++] = r;
                }
            }
        }
        List<Roi> preds = predicted.rois();
        double[][] iou = new double[refs.size()][preds.size()];
        int[] intersection = new int[refs.size()];
        int[] touched = new int[refs.size()];
        for (int q = 0; q < preds.size(); q++) {
            Roi roi = preds.get(q);
            int area = 0;
            int touchedCount = 0;
            for (int k = 0; k < roi.area(); k++) {
                if (isNewPixel(roi, k)) {
                    area++;
                    int p = roi.rows()[k] * width + roi.cols()[k];
                    for (int o = start[p]; o < start[p + 1]; o++) {
                        int r = owners[o];
                        if (intersection[r]++ == 0) {
                            touched[touchedCount++] = r;
                        }
                    }
                }
            }
            for (int t = 0; t < touchedCount; t++) {
                int r = touched[t];
                iou[r][q] = (double) intersection[r] / (refAreas[r] + area - intersection[r]);
                intersection[r] = 0;
            }
        }
        return new Overlaps(refs, preds, iou);
    }

    /** Pixels of a ROI are sorted, so a repeated pixel follows its first copy. */
    private static boolean isNewPixel(Roi roi, int k) {
        return k == 0 || roi.rows()[k] != roi.rows()[k - 1] || roi.cols()[k] != roi.cols()[k - 1];
    }

    private static double[][] centroids(List<Roi> rois) {
        double[][] centroids = new double[rois.size()][];
        for (int i = 0; i < rois.size(); i++) {
            centroids[i] = new double[] {rois.get(i).centroidRow(), rois.get(i).centroidCol()};
        }
        return centroids;
    }

    /** @return IoU of reference index r with predicted index q, [0, 1] */
    double iou(int r, int q) {
        return iou[r][q];
    }

    /** @return Euclidean distance in px between the centroids of reference index r and predicted index q */
    double centroidDistance(int r, int q) {
        return Math.hypot(referenceCentroids[r][0] - predictedCentroids[q][0],
                referenceCentroids[r][1] - predictedCentroids[q][1]);
    }
}
