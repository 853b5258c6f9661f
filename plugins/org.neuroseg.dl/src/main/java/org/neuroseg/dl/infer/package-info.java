/**
 * Applying trained networks to videos: frame tiling and batching ({@link org.neuroseg.dl.infer.UNetInference}) and
 * the U-Net Predictor stage, which streams a video into a probability video.
 */
package org.neuroseg.dl.infer;
