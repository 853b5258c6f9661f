/**
 * Small image-processing building blocks in plain Java for the classical stages: separable Gaussian filters and
 * Differences of Gaussians ({@link org.neuroseg.imaging.Gaussian}), robust statistics and thresholds
 * ({@link org.neuroseg.imaging.Statistics}), the Euclidean distance transform
 * ({@link org.neuroseg.imaging.DistanceTransform}), binary morphology ({@link org.neuroseg.imaging.Morphology}),
 * connected components ({@link org.neuroseg.imaging.ConnectedComponents}) and a marker watershed
 * ({@link org.neuroseg.imaging.Watershed}).
 *
 * <p>Images are row-major arrays of height x width pixels, axis order (Y, X). Nothing here keeps state between calls
 * except where a class says it owns reusable buffers.
 */
package org.neuroseg.imaging;
