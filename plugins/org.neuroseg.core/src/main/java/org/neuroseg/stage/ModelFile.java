package org.neuroseg.stage;

import java.nio.file.Path;

/**
 * A trained model stored in one file (a zip of the network's parameters and a JSON of its hyperparameters and
 * input normalisation; the format belongs to the deep-learning module), so a model trained in one workflow loads in
 * another and on the command line.
 *
 * @param file the model file
 * @param architecture what network it holds, e.g. {@code unet} or {@code cgru}
 */
public record ModelFile(Path file, String architecture) {
}
