/**
 * Segmentation metrics: pixel-level scores on binary masks ({@link org.neuroseg.metrics.PixelMetrics}) and
 * neuron-level scores under the field's three matching rules ({@link org.neuroseg.metrics.MatchingRule},
 * {@link org.neuroseg.metrics.NeuronMetrics}), bundled by {@link org.neuroseg.metrics.SegmentationScore}.
 *
 * <p>One convention covers every ratio whose denominator is zero (an empty mask, no predicted or no reference
 * neurons): the score is 1 when there was nothing to find and nothing was found (a perfect result), and 0
 * otherwise. So an empty prediction never earns a perfect precision, a prediction against an empty reference never
 * earns a perfect recall, and every score is 1 exactly when the result is perfect.
 */
package org.neuroseg.metrics;
