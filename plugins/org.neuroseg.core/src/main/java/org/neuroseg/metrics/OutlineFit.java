package org.neuroseg.metrics;

import java.util.ArrayList;
import java.util.List;
import org.neuroseg.roi.RoiSet;

/**
 * How well a predicted ROI's outline fits the reference ROI it overlaps most: whether outlines are drawn too small
 * or too large, which neuron scores at one IoU threshold do not show.
 *
 * @param areaRatio the predicted ROI's area over the reference ROI's
 * @param iou their intersection over union, [0, 1]
 */
public record OutlineFit(double areaRatio, double iou) {

    /**
     * @param predicted predicted ROIs
     * @param reference reference ROIs on an image of the same height and width
     * @param minIou the smallest IoU above which a predicted ROI counts as outlining a reference ROI
     * @return per predicted ROI, in order, whose largest IoU with a reference ROI is above {@code minIou}: its fit to
     *         that reference ROI
     * @throws IllegalArgumentException when the two sets are on images of different sizes
     */
    public static List<OutlineFit> of(RoiSet predicted, RoiSet reference, double minIou) {
        Overlaps overlaps = Overlaps.of(predicted, reference);
        List<OutlineFit> fits = new ArrayList<>();
        for (int q = 0; q < overlaps.predicted.size(); q++) {
            int best = -1;
            for (int r = 0; r < overlaps.reference.size(); r++) {
                if (best < 0 || overlaps.iou(r, q) > overlaps.iou(best, q)) {
                    best = r;
                }
            }
            if (best >= 0 && overlaps.iou(best, q) > minIou) {
                fits.add(new OutlineFit(overlaps.predicted.get(q).area()
                        / (double) overlaps.reference.get(best).area(), overlaps.iou(best, q)));
            }
        }
        return fits;
    }
}
