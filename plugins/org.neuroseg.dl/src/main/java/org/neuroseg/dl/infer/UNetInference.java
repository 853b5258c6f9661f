package org.neuroseg.dl.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.neuroseg.dl.model.InputNormalization;
import org.neuroseg.dl.model.UNet;

/**
 * Runs a {@link UNet} on whole frames of any size: each frame is normalised ({@link InputNormalization}), cut into
 * square tiles with overlap when it is larger than the tile, padded (edge values repeated) to the network's size
 * multiple, and the probabilities are stitched back. Each call's arrays live in a sub-manager closed before it
 * returns, so memory does not grow with the number of calls. Not thread-safe.
 */
public final class UNetInference {

    private final UNet network;
    private final NDManager manager;
    private final ParameterStore store;
    private final int tileSize;
    private final int overlap;

    /**
     * @param network an initialised or loaded network
     * @param manager the manager the network's parameters belong to (or its parent); not closed here
     * @param tileSize largest tile side in pixels, a multiple of the network's size multiple
     * @param overlap smallest overlap of neighbouring tiles in pixels, in [0, tileSize / 2]
     * @throws IllegalArgumentException when the tile size or the overlap are out of range
     */
    public UNetInference(UNet network, NDManager manager, int tileSize, int overlap) {
        int multiple = network.config().sizeMultiple();
        if (tileSize < multiple || tileSize % multiple != 0) {
            throw new IllegalArgumentException("tile size " + tileSize + " px must be a positive multiple of "
                    + multiple + " for a U-Net of depth " + network.config().depth());
        }
        if (overlap < 0 || overlap > tileSize / 2) {
            throw new IllegalArgumentException("tile overlap " + overlap + " px must lie in [0, " + tileSize / 2
                    + "]");
        }
        this.network = network;
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
        this.tileSize = tileSize;
        this.overlap = overlap;
    }

    /**
     * Predicts cell probabilities for a batch of frames, all of one size, in one forward pass.
     *
     * @param frames B frames of height x width pixels, row-major, in any intensity unit; not modified
     * @param height rows of each frame
     * @param width columns of each frame
     * @return B probability maps in [0, 1], row-major, same size as the frames
     */
    public float[][] predict(float[][] frames, int height, int width) {
        int multiple = network.config().sizeMultiple();
        int tileHeight = height > tileSize ? tileSize : roundUp(height, multiple);
        int tileWidth = width > tileSize ? tileSize : roundUp(width, multiple);
        Tiling rows = Tiling.of(Math.max(height, tileHeight), tileHeight, Math.min(overlap, tileHeight - 1));
        Tiling cols = Tiling.of(Math.max(width, tileWidth), tileWidth, Math.min(overlap, tileWidth - 1));
        int tilesPerFrame = rows.count() * cols.count();
        int tilePixels = tileHeight * tileWidth;
        float[] input = new float[frames.length * tilesPerFrame * tilePixels];
        float[] normalized = new float[height * width];
        for (int b = 0; b < frames.length; b++) {
            System.arraycopy(frames[b], 0, normalized, 0, normalized.length);
            InputNormalization.normalizeInPlace(normalized);
            int tile = b * tilesPerFrame;
            for (int r = 0; r < rows.count(); r++) {
                for (int c = 0; c < cols.count(); c++, tile++) {
                    copyTile(normalized, height, width, rows.starts()[r], cols.starts()[c], tileHeight, tileWidth,
                            input, tile * tilePixels);
                }
            }
        }
        float[] output;
        try (NDManager step = manager.newSubManager()) {
            NDArray x = step.create(input, new Shape(frames.length * (long) tilesPerFrame, 1, tileHeight, tileWidth));
            NDList result = network.forward(store, new NDList(x), false);
            output = result.singletonOrThrow().toFloatArray();
        }
        float[][] probabilities = new float[frames.length][height * width];
        for (int b = 0; b < frames.length; b++) {
            int tile = b * tilesPerFrame;
            for (int r = 0; r < rows.count(); r++) {
                for (int c = 0; c < cols.count(); c++, tile++) {
                    pasteTile(output, tile * tilePixels, tileWidth, rows, r, cols, c, probabilities[b], height, width);
                }
            }
        }
        return probabilities;
    }

    /** Copies a tile starting at (top, left); positions past the frame repeat the last row or column. */
    private static void copyTile(float[] frame, int height, int width, int top, int left, int tileHeight,
            int tileWidth, float[] target, int offset) {
        for (int y = 0; y < tileHeight; y++) {
            int sourceRow = Math.min(top + y, height - 1) * width;
            int targetRow = offset + y * tileWidth;
            for (int x = 0; x < tileWidth; x++) {
                target[targetRow + x] = frame[sourceRow + Math.min(left + x, width - 1)];
            }
        }
    }

    private static void pasteTile(float[] tiles, int offset, int tileWidth, Tiling rows, int r, Tiling cols, int c,
            float[] frame, int height, int width) {
        int top = rows.starts()[r];
        int left = cols.starts()[c];
        int rowEnd = Math.min(rows.keepTo()[r], height);
        int colEnd = Math.min(cols.keepTo()[c], width);
        for (int y = rows.keepFrom()[r]; y < rowEnd; y++) {
            int sourceRow = offset + (y - top) * tileWidth;
            System.arraycopy(tiles, sourceRow + cols.keepFrom()[c] - left, frame, y * width + cols.keepFrom()[c],
                    colEnd - cols.keepFrom()[c]);
        }
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
