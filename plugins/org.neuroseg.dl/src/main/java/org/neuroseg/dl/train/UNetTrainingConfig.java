package org.neuroseg.dl.train;

import org.neuroseg.dl.model.UNetConfig;

/**
 * Everything that defines a U-Net training run besides the data; the same config and data give the same model.
 *
 * @param network the architecture to train
 * @param sampleFrames frames drawn at random across all videos, split into training, validation and test, at least 3
 * @param validationFraction share of the sample (or of the videos) used for validation, (0, 0.5)
 * @param testFraction share used for the final test, (0, 0.5)
 * @param cropSize side of the square training crops in pixels, a multiple of the network's size multiple
 * @param batchSize crops per training step, at least 1
 * @param learningRate Adam's learning rate, (0, 1]
 * @param loss what is minimised
 * @param maxEpochs most passes over the training frames, at least 1
 * @param patience epochs without a lower validation loss before training stops, at least 1
 * @param averageLateEpochs false: keep the network of the epoch with the lowest validation loss; true: every epoch
 *        runs and the kept network is the mean of the networks of the last half of the epochs
 * @param seed seed of every random choice: sampling, split, crops, flips and initial weights
 * @param cellCropShare share of training and validation crops placed over a labelled pixel of their frame (when it
 *        has one) instead of anywhere, [0, 1]: with a few active cells a frame most crops hold none, and the network
 *        learns to mark nothing
 */
public record UNetTrainingConfig(UNetConfig network, int sampleFrames, double validationFraction,
        double testFraction, int cropSize, int batchSize, double learningRate, LossKind loss, int maxEpochs,
        int patience, boolean averageLateEpochs, long seed, double cellCropShare) {

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException naming the field, its value and the allowed range
     */
    public UNetTrainingConfig {
        require(sampleFrames >= 3, "sample frames", sampleFrames, "at least 3");
        require(validationFraction > 0 && validationFraction < 0.5, "validation fraction", validationFraction,
                "(0, 0.5)");
        require(testFraction > 0 && testFraction < 0.5, "test fraction", testFraction, "(0, 0.5)");
        require(cropSize >= network.sizeMultiple() && cropSize % network.sizeMultiple() == 0, "crop size", cropSize,
                "a positive multiple of " + network.sizeMultiple());
        require(batchSize >= 1, "batch size", batchSize, "at least 1");
        require(learningRate > 0 && learningRate <= 1, "learning rate", learningRate, "(0, 1]");
        require(maxEpochs >= 1, "epochs", maxEpochs, "at least 1");
        require(patience >= 1, "patience", patience, "at least 1");
        require(cellCropShare >= 0 && cellCropShare <= 1, "share of crops on cells", cellCropShare, "[0, 1]");
    }

    /** @return the same config with crops of {@code side} px */
    public UNetTrainingConfig withCropSize(int side) {
        return new UNetTrainingConfig(network, sampleFrames, validationFraction, testFraction, side, batchSize,
                learningRate, loss, maxEpochs, patience, averageLateEpochs, seed, cellCropShare);
    }

    private static void require(boolean valid, String name, Object value, String allowed) {
        if (!valid) {
            throw new IllegalArgumentException("U-Net training " + name + " " + value + " is out of range: allowed "
                    + allowed);
        }
    }
}
