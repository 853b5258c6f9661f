package org.neuroseg.dl.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.neuroseg.dl.model.ConvGruBlock;

/**
 * Streams a video through a {@link ConvGruBlock}: {@link #push} feeds one probability frame and advances the hidden
 * state, {@link #probability} classifies the state reached so far. Frames larger than the tile are cut into square
 * tiles with overlap, each with its own hidden state (all tiles of a frame go through the cell as one batch), and
 * the probabilities are stitched back with seams in the middle of the overlaps.
 *
 * <p>Memory does not grow with the number of frames: each step's arrays live in a sub-manager closed at the end of
 * the step, and only the new hidden state survives it. Not thread-safe. Close it to release the hidden state.
 */
public final class CgruInference implements AutoCloseable {

    private final ConvGruBlock network;
    private final NDManager state;
    private final ParameterStore store;
    private final int height;
    private final int width;
    private final Tiling rows;
    private final Tiling cols;
    private final int tileHeight;
    private final int tileWidth;
    private final float[] input;
    private NDArray hidden;
    private int steps;

    /**
     * @param network an initialised or loaded block
     * @param manager the manager the block's parameters belong to (or its parent); not closed here
     * @param height rows of every frame
     * @param width columns of every frame
     * @param tileSize largest tile side in pixels, at least 16
     * @param overlap smallest overlap of neighbouring tiles in pixels, in [0, tileSize / 2]
     * @throws IllegalArgumentException when a size is out of range
     */
    public CgruInference(ConvGruBlock network, NDManager manager, int height, int width, int tileSize, int overlap) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("frame size " + height + " x " + width + " px must be positive");
        }
        if (tileSize < 16) {
            throw new IllegalArgumentException("tile size " + tileSize + " px must be at least 16");
        }
        if (overlap < 0 || overlap > tileSize / 2) {
            throw new IllegalArgumentException("tile overlap " + overlap + " px must lie in [0, " + tileSize / 2
                    + "]");
        }
        this.network = network;
        this.state = manager.newSubManager();
        this.store = new ParameterStore(manager, false);
        this.height = height;
        this.width = width;
        this.tileHeight = Math.min(height, tileSize);
        this.tileWidth = Math.min(width, tileSize);
        this.rows = Tiling.of(height, tileHeight, Math.min(overlap, tileHeight - 1));
        this.cols = Tiling.of(width, tileWidth, Math.min(overlap, tileWidth - 1));
        this.input = new float[rows.count() * cols.count() * tileHeight * tileWidth];
        this.hidden = network.initialHidden(state, rows.count() * (long) cols.count(), tileHeight, tileWidth);
    }

    /**
     * Advances the hidden state by one frame.
     *
     * @param frame height x width probabilities, row-major; not modified
     * @throws IllegalArgumentException when the frame has the wrong length
     */
    public void push(float[] frame) {
        if (frame.length != height * width) {
            throw new IllegalArgumentException("frame of " + frame.length + " pixels, expected " + height + " x "
                    + width);
        }
        int tile = 0;
        for (int r = 0; r < rows.count(); r++) {
            for (int c = 0; c < cols.count(); c++, tile++) {
                Tiling.copyTile(frame, height, width, rows.starts()[r], cols.starts()[c], tileHeight, tileWidth, input,
                        tile * tileHeight * tileWidth);
            }
        }
        try (NDManager step = state.newSubManager()) {
            NDArray x = step.create(input, new Shape(rows.count() * (long) cols.count(), 1, tileHeight, tileWidth));
            hidden.attach(step);
            NDArray next = network.inferenceStep(store, x, hidden);
            next.attach(state);
            hidden = next;
        }
        steps++;
    }

    /** @return how many frames went in so far */
    public int steps() {
        return steps;
    }

    /**
     * Classifies the hidden state reached so far (before any frame: the classifier's view of an empty history).
     *
     * @return height x width probabilities in (0, 1) that each pixel belongs to a functional neuron, row-major
     */
    public float[] probability() {
        float[] tiles;
        try (NDManager step = state.newSubManager()) {
            NDArray view = hidden.duplicate();
            view.attach(step);
            tiles = network.classify(store, view, false).toFloatArray();
        }
        float[] frame = new float[height * width];
        int tile = 0;
        for (int r = 0; r < rows.count(); r++) {
            for (int c = 0; c < cols.count(); c++, tile++) {
                Tiling.pasteTile(tiles, tile * tileHeight * tileWidth, tileWidth, rows, r, cols, c, frame, height,
                        width);
            }
        }
        return frame;
    }

    /** @return arrays held now (the hidden state); constant from frame to frame */
    public int liveArrays() {
        return state.getManagedArrays().size();
    }

    @Override
    public void close() {
        state.close();
    }
}
