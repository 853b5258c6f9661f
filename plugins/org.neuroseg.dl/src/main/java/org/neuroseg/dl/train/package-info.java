/**
 * Training the U-Net from videos and label videos: frame sampling and the split by video, random crops with flips
 * and rotations, the losses, and the training loop with early stopping
 * ({@link org.neuroseg.dl.train.UNetTraining}).
 */
package org.neuroseg.dl.train;
