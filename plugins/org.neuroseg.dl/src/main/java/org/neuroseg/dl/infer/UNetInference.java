package org.neuroseg.dl.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.Locale;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.model.InputNormalization;
import org.neuroseg.dl.model.UNet;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.imaging.Resampling;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.VideoShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link UNet} on whole frames of any size: each frame has the network's input channels, planes one after the
 * other (the layout of {@link org.neuroseg.video.VideoShape}); each plane is normalised as the network was trained
 * ({@link InputNormalization}),
 * the frame is cut into
 * square tiles with overlap when it is larger than the tile, padded (edge values repeated) to the network's size
 * multiple, and the probabilities are stitched back. With an input scale other than 1 each plane is first resized by
 * it ({@link Resampling}: cells brought to the sizes the network learned) and the probabilities resized back to the
 * frame's size. Each call's arrays live in a sub-manager closed before it returns, so memory does not grow with the
 * number of calls. Not thread-safe.
 */
public final class UNetInference {

    private static final Logger LOGGER = LoggerFactory.getLogger(UNetInference.class);

    private final UNet network;
    private final InputNormalization normalization;
    private final NDManager manager;
    private final ParameterStore store;
    private final int tileSize;
    private final int overlap;
    private final double inputScale;

    /**
     * A network that sees frames at their own size.
     *
     * @see #UNetInference(UNet, InputNormalization, NDManager, int, int, double)
     */
    public UNetInference(UNet network, InputNormalization normalization, NDManager manager, int tileSize,
            int overlap) {
        this(network, normalization, manager, tileSize, overlap, 1);
    }

    /**
     * @param network an initialised or loaded network
     * @param normalization how its input frames are normalised: as it was trained
     *        ({@link org.neuroseg.dl.model.UNetModelFile.Loaded#normalization}, {@link InputNormalization#FOR_TRAINING}
     *        for a network in training)
     * @param manager the manager the network's parameters belong to (or its parent); not closed here
     * @param tileSize largest tile side in pixels, a multiple of the network's size multiple
     * @param overlap smallest overlap of neighbouring tiles in pixels, in [0, tileSize / 2]
     * @param inputScale factor frames are resized by before the network, in (0, 8]
     *        ({@link org.neuroseg.dl.model.UNetModelFile.Loaded#inputScale}); 1 = as they are
     * @throws IllegalArgumentException when the tile size, the overlap or the scale are out of range
     */
    public UNetInference(UNet network, InputNormalization normalization, NDManager manager, int tileSize, int overlap,
            double inputScale) {
        int multiple = network.config().sizeMultiple();
        if (tileSize < multiple || tileSize % multiple != 0) {
            throw new IllegalArgumentException("tile size " + tileSize + " px must be a positive multiple of "
                    + multiple + " for a U-Net of depth " + network.config().depth());
        }
        if (overlap < 0 || overlap > tileSize / 2) {
            throw new IllegalArgumentException("tile overlap " + overlap + " px must lie in [0, " + tileSize / 2
                    + "]");
        }
        if (!(inputScale > 0 && inputScale <= 8)) {
            throw new IllegalArgumentException("input scale " + inputScale + " must lie in (0, 8]");
        }
        this.inputScale = inputScale;
        this.network = network;
        this.normalization = normalization;
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
        this.tileSize = tileSize;
        this.overlap = overlap;
    }

    /**
     * The inference of a model file for one recording: frames are resized so that the recording's cells
     * ({@link RecordingInfo#cellDiameterPxOrDefault()}) have a diameter the network learned
     * ({@link UNetModelFile.Loaded#inputScale}).
     *
     * @throws IllegalArgumentException when the tile size or the overlap are out of range
     */
    public static UNetInference forRecording(UNetModelFile.Loaded loaded, NDManager manager, int tileSize,
            int overlap, RecordingInfo recording) {
        double cellDiameterPx = recording.cellDiameterPxOrDefault();
        double scale = loaded.inputScale(cellDiameterPx);
        if (scale != 1) {
            LOGGER.info("U-Net: frames resized by {} so that cells of {} px are {} px across, within the sizes the "
                    + "model learned", String.format(Locale.ROOT, "%.3f", scale), cellDiameterPx,
                    String.format(Locale.ROOT, "%.1f", cellDiameterPx * scale));
        }
        return new UNetInference(loaded.network(), loaded.normalization(), manager, tileSize, overlap, scale);
    }

    /** @return the planes each input frame must have, {@link org.neuroseg.dl.model.UNetConfig#inputChannels()} */
    public int inputChannels() {
        return network.config().inputChannels();
    }

    /**
     * Checks that a video can be given to the network.
     *
     * @param shape the video's shape
     * @param video how messages name the video, e.g. "the input video"
     * @throws NeurosegException naming the video when its channels differ from the network's input channels
     */
    public void checkInput(VideoShape shape, String video) throws NeurosegException {
        if (shape.channels() != inputChannels()) {
            throw new NeurosegException("The U-Net model takes " + inputChannels() + " channel(s) a frame but "
                    + video + " has " + shape.channels());
        }
    }

    /**
     * Predicts cell probabilities for a batch of frames, all of one size, in one forward pass.
     *
     * @param frames B frames of {@link #inputChannels()} x height x width pixels (the planes one after the other),
     *        row-major, in any intensity unit; not modified
     * @param height rows of each frame
     * @param width columns of each frame
     * @return B probability maps in [0, 1], height x width, row-major
     * @throws IllegalArgumentException when a frame does not hold inputChannels x height x width values
     */
    public float[][] predict(float[][] frames, int height, int width) {
        int channels = inputChannels();
        int plane = height * width;
        for (int b = 0; b < frames.length; b++) {
            if (frames[b].length != channels * plane) {
                throw new IllegalArgumentException("frame " + b + " holds " + frames[b].length + " values; a U-Net of "
                        + channels + " input channel(s) takes " + channels + " x " + height + " x " + width);
            }
        }
        if (inputScale == 1) {
            return predictAtSize(frames, height, width);
        }
        int scaledHeight = Math.max(1, (int) Math.round(height * inputScale));
        int scaledWidth = Math.max(1, (int) Math.round(width * inputScale));
        float[][] scaled = new float[frames.length][channels * scaledHeight * scaledWidth];
        for (int b = 0; b < frames.length; b++) {
            for (int channel = 0; channel < channels; channel++) {
                float[] planeValues = Arrays.copyOfRange(frames[b], channel * plane, (channel + 1) * plane);
                // Interpolating would smooth the noise of enlarged frames, and the network, trained on unsmoothed
                // noise, then marks fewer cells (bench/RESULTS.md); shrinking averages, as a zoomed-out view does.
                float[] resized = inputScale > 1
                        ? Resampling.nearest(planeValues, height, width, scaledHeight, scaledWidth)
                        : Resampling.resize(planeValues, height, width, scaledHeight, scaledWidth);
                System.arraycopy(resized, 0, scaled[b], channel * scaledHeight * scaledWidth,
                        scaledHeight * scaledWidth);
            }
        }
        float[][] probabilities = predictAtSize(scaled, scaledHeight, scaledWidth);
        for (int b = 0; b < frames.length; b++) {
            probabilities[b] = Resampling.resize(probabilities[b], scaledHeight, scaledWidth, height, width);
        }
        return probabilities;
    }

    private float[][] predictAtSize(float[][] frames, int height, int width) {
        int channels = inputChannels();
        int plane = height * width;
        int multiple = network.config().sizeMultiple();
        int tileHeight = Tiling.tileLength(height, tileSize, overlap, multiple);
        int tileWidth = Tiling.tileLength(width, tileSize, overlap, multiple);
        Tiling rows = Tiling.of(Math.max(height, tileHeight), tileHeight, Math.min(overlap, tileHeight - 1));
        Tiling cols = Tiling.of(Math.max(width, tileWidth), tileWidth, Math.min(overlap, tileWidth - 1));
        int tilesPerFrame = rows.count() * cols.count();
        int tilePixels = tileHeight * tileWidth;
        float[] input = new float[frames.length * tilesPerFrame * channels * tilePixels];
        float[] normalized = new float[plane];
        for (int b = 0; b < frames.length; b++) {
            for (int channel = 0; channel < channels; channel++) {
                System.arraycopy(frames[b], channel * plane, normalized, 0, plane);
                normalization.normalizeInPlace(normalized);
                int tile = b * tilesPerFrame;
                for (int r = 0; r < rows.count(); r++) {
                    for (int c = 0; c < cols.count(); c++, tile++) {
                        Tiling.copyTile(normalized, height, width, rows.starts()[r], cols.starts()[c], tileHeight,
                                tileWidth, input, (tile * channels + channel) * tilePixels);
                    }
                }
            }
        }
        float[] output;
        try (NDManager step = manager.newSubManager()) {
            NDArray x = step.create(input, new Shape(frames.length * (long) tilesPerFrame, channels, tileHeight,
                    tileWidth));
            NDList result = network.forward(store, new NDList(x), false);
            output = result.singletonOrThrow().toFloatArray();
        }
        float[][] probabilities = new float[frames.length][height * width];
        for (int b = 0; b < frames.length; b++) {
            int tile = b * tilesPerFrame;
            for (int r = 0; r < rows.count(); r++) {
                for (int c = 0; c < cols.count(); c++, tile++) {
                    Tiling.pasteTile(output, tile * tilePixels, tileWidth, rows, r, cols, c, probabilities[b], height, width);
                }
            }
        }
        return probabilities;
    }
}
