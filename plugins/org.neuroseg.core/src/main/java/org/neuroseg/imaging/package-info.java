/**
 * Small image-processing building blocks for the classical stages, in plain Java except the 2-D Gaussian filters:
 * Gaussian kernels and 1-D smoothing ({@link org.neuroseg.imaging.Gaussian}), 2-D blurs and Differences of Gaussians
 * with OpenCV ({@link org.neuroseg.imaging.GaussianFilter}), robust statistics and thresholds
 * ({@link org.neuroseg.imaging.Statistics}), the Euclidean distance transform
 * ({@link org.neuroseg.imaging.DistanceTransform}), binary morphology ({@link org.neuroseg.imaging.Morphology}),
 * connected components ({@link org.neuroseg.imaging.ConnectedComponents}) and a marker watershed
 * ({@link org.neuroseg.imaging.Watershed}).
 *
 * <p>Images are row-major arrays of height x width pixels, axis order (Y, X). Nothing here keeps state between calls
 * except where a class says it owns reusable buffers.
 */
package org.neuroseg.imaging;
