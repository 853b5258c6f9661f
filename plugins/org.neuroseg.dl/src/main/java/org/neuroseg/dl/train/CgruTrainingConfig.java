package org.neuroseg.dl.train;

import org.neuroseg.dl.model.ConvGruConfig;

/**
 * Everything that defines a CGRU training run besides the data; the same config and data give the same model.
 *
 * @param network the architecture to train
 * @param chunkFrames frames per chunk: the video is cut into chunks without overlap, and after each chunk the loss
 *        is back-propagated and the weights updated, at least 1
 * @param cropSize side of the square windows in pixels; each window spans the whole video in time, at least 8
 * @param cropsPerVideo windows taken from each training video in an epoch (one batch), at least 1
 * @param validationFraction share of the videos used to decide when to stop, (0, 0.5]; with one video, its own
 *        windows validate
 * @param learningRate Adam's learning rate, (0, 1]
 * @param loss the loss after each chunk and on the validation videos
 * @param maxEpochs most passes over the training videos, at least 1
 * @param patience epochs without a lower validation loss before training stops, at least 1; not used when averaging
 * @param averageLateEpochs false: keep the network of the epoch with the lowest validation loss; true: every epoch
 *        runs and the mean of the networks of the last half of the epochs is kept
 * @param seed seed of every random choice: split, windows, flips and initial weights
 * @param minLabelledFrames for label videos (one frame per video frame): a pixel is a target after a chunk once it
 *        was labelled in at least this many frames so far, at least 1 (1 for labels of active cells; the Blob
 *        Labeler's frames for the video mask for its blob masks, so that the last target is its video mask)
 */
public record CgruTrainingConfig(ConvGruConfig network, int chunkFrames, int cropSize, int cropsPerVideo,
        double validationFraction, double learningRate, LossKind loss, int maxEpochs, int patience,
        boolean averageLateEpochs, long seed, int minLabelledFrames) {

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException naming the field, its value and the allowed range
     */
    public CgruTrainingConfig {
        require(chunkFrames >= 1, "chunk frames", chunkFrames, "at least 1");
        require(cropSize >= 8, "crop size", cropSize, "at least 8");
        require(cropsPerVideo >= 1, "crops per video", cropsPerVideo, "at least 1");
        require(validationFraction > 0 && validationFraction <= 0.5, "validation fraction", validationFraction,
                "(0, 0.5]");
        require(learningRate > 0 && learningRate <= 1, "learning rate", learningRate, "(0, 1]");
        require(loss != null, "loss", loss, "bce or dice");
        require(maxEpochs >= 1, "epochs", maxEpochs, "at least 1");
        require(patience >= 1, "patience", patience, "at least 1");
        require(minLabelledFrames >= 1, "frames labelled", minLabelledFrames, "at least 1");
    }

    /** @return the same config with windows of {@code side} px */
    public CgruTrainingConfig withCropSize(int side) {
        return new CgruTrainingConfig(network, chunkFrames, side, cropsPerVideo, validationFraction, learningRate,
                loss, maxEpochs, patience, averageLateEpochs, seed, minLabelledFrames);
    }

    /** @return the same config counting a pixel as a target once labelled in {@code frames} frames */
    public CgruTrainingConfig withMinLabelledFrames(int frames) {
        return new CgruTrainingConfig(network, chunkFrames, cropSize, cropsPerVideo, validationFraction, learningRate,
                loss, maxEpochs, patience, averageLateEpochs, seed, frames);
    }

    private static void require(boolean valid, String name, Object value, String allowed) {
        if (!valid) {
            throw new IllegalArgumentException("CGRU training " + name + " " + value + " is out of range: allowed "
                    + allowed);
        }
    }
}
