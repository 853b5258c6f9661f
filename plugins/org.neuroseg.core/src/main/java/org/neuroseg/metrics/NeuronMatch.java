package org.neuroseg.metrics;

/**
 * One matched pair of neurons.
 *
 * @param referenceId id of the reference (ground-truth) ROI
 * @param predictedId id of the predicted ROI
 * @param iou their intersection over union, [0, 1]
 * @param centroidDistancePx distance between their centroids in px, at least 0
 */
public record NeuronMatch(int referenceId, int predictedId, double iou, double centroidDistancePx) {
}
