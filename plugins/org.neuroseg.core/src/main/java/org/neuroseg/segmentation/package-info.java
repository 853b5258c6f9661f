/**
 * The classical segmentation stages: the Blob Labeler (2-D Difference of Gaussians per frame, the networks' training
 * labels), the Projection baselines (max and mean images, thresholded), Morphological Refinement (probability mask
 * to labelled cells) and the Mask Combiner (pixel-wise maximum).
 */
package org.neuroseg.segmentation;
