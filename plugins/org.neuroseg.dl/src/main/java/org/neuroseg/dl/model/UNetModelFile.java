package org.neuroseg.dl.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.video.Video;
import org.neuroseg.video.Videos;

/**
 * The U-Net model file ({@link ModelFiles}): architecture {@value #ARCHITECTURE}, the {@link UNetConfig} under the
 * key {@code unet} (its {@code inputChannels}, absent from files written before networks took several channels, is 1
 * when absent), the frames it reads under {@code inputFrames} ({@link UNetInput}; files written before it was
 * recorded read equalized frames), the frames of context it reads each side of a frame under {@code contextFrames}
 * (0 when absent: files written before networks read neighbouring frames), the input normalisation it was trained
 * with under {@code inputNormalization} ({@link InputNormalization}; files that record none read {@link
 * InputNormalization#FRAME_ZSCORE}), the trainer's record
 * under {@code training}, and the parameters of the {@link UNet}.
 */
public final class UNetModelFile {

    /** The architecture name in {@link ModelFile} and in the info JSON. */
    public static final String ARCHITECTURE = "unet";
    /** The usual file extension. */
    public static final String EXTENSION = ModelFiles.EXTENSION;

    private static final String NAME = "a U-Net";
    /**
     * Key, in a model file's training record, of the smallest and largest cell diameter (px) recorded by the videos
     * the network learned from.
     */
    public static final String CELL_DIAMETERS = "cellDiametersPx";
    private static final String INPUT_CHANNELS = "inputChannels";
    private static final String PATCH_SIZE = "patchSize";
    private static final String INPUT_FRAMES = "inputFrames";
    private static final String CONTEXT_FRAMES = "contextFrames";
    /** Most frames of context each side of a frame. */
    public static final int MAX_CONTEXT_FRAMES = 3;

    private UNetModelFile() {
    }

    /**
     * A U-Net read from a file, ready for inference.
     *
     * @param network the network with its trained parameters, owned by the manager it was loaded with
     * @param info the model's JSON (see {@link UNetModelFile})
     * @param normalization how the network's input frames are normalised ({@link UNetModelFile#normalization})
     */
    public record Loaded(UNet network, JsonObject info, InputNormalization normalization) {

        /**
         * @param video the frames to segment, of the kind the network reads ({@link #input(JsonObject)})
         * @return what the network reads of them: each frame with its frames of context ({@link #contextFrames})
         * @throws NeurosegException when the file records a number of context frames this NeuroSeg cannot read
         */
        public Video framesToRead(Video video) throws NeurosegException {
            return Videos.withTemporalContext(video, contextFrames(info));
        }

        /** @return whether the network reads Activity Frames ({@link #input(JsonObject)}) */
        public boolean readsActivity() throws NeurosegException {
            return input(info) == UNetInput.ACTIVITY;
        }

        /**
         * How much to resize frames so that the network sees cells of the sizes it learned: cells of a recording
         * {@code cellDiameterPx} across are brought into the range of cell diameters of its training videos
         * ({@value #CELL_DIAMETERS} in the training record).
         *
         * @param cellDiameterPx the recording's cell diameter
         * @return the scale factor: 1 within the learned range, and for files that record no range
         */
        public double inputScale(double cellDiameterPx) {
            if (!(info.get("training") instanceof JsonObject training)
                    || !(training.get(CELL_DIAMETERS) instanceof JsonArray range) || range.size() != 2
                    || !(cellDiameterPx > 0)) {
                return 1;
            }
            double smallest = range.get(0).getAsDouble();
            double largest = range.get(1).getAsDouble();
            return Math.min(Math.max(cellDiameterPx, smallest), largest) / cellDiameterPx;
        }
    }

    /**
     * Writes a model file atomically.
     *
     * @param target where the file goes; replaced if present
     * @param config the architecture
     * @param input the frames it was trained on, which it must be given
     * @param parameters the network's parameter stream ({@code Block.saveParameters} output)
     * @param training what to record about how it was made (hyperparameters, losses, scores), or null
     * @return the model file
     * @throws NeurosegException when the file cannot be written
     */
    public static ModelFile write(Path target, UNetConfig config, UNetInput input, byte[] parameters,
            JsonObject training) throws NeurosegException {
        return write(target, config, input, 0, parameters, training);
    }

    /**
     * Writes a model file atomically, of a network that reads each frame with {@code contextFrames} frames each
     * side ({@link Videos#withTemporalContext}); its {@code config} counts their channels.
     *
     * @param contextFrames frames of context each side, in [0, {@value #MAX_CONTEXT_FRAMES}]
     * @throws NeurosegException when the file cannot be written
     */
    public static ModelFile write(Path target, UNetConfig config, UNetInput input, int contextFrames,
            byte[] parameters, JsonObject training) throws NeurosegException {
        if (contextFrames < 0 || contextFrames > MAX_CONTEXT_FRAMES) {
            throw new IllegalArgumentException("frames of context each side must be in 0 to " + MAX_CONTEXT_FRAMES
                    + ", got " + contextFrames);
        }
        JsonObject normalization = new JsonObject();
        normalization.addProperty("method", InputNormalization.FOR_TRAINING.key());
        JsonObject architecture = ModelFiles.GSON.toJsonTree(config).getAsJsonObject();
        architecture.addProperty(INPUT_FRAMES, input.key());
        architecture.addProperty(CONTEXT_FRAMES, contextFrames);
        return ModelFiles.write(target, ARCHITECTURE, architecture, normalization, parameters, training);
    }

    /**
     * @param info the JSON of a U-Net model file ({@link #readInfo})
     * @return frames of context the network reads each side of a frame: the recorded number, or 0 for files written
     *         before networks read neighbouring frames
     * @throws NeurosegException when the recorded number is out of range (a damaged file or a newer NeuroSeg)
     */
    public static int contextFrames(JsonObject info) throws NeurosegException {
        if (!(info.get(ARCHITECTURE) instanceof JsonObject section) || section.get(CONTEXT_FRAMES) == null) {
            return 0;
        }
        int frames = section.get(CONTEXT_FRAMES).getAsInt();
        if (frames < 0 || frames > MAX_CONTEXT_FRAMES) {
            throw new NeurosegException("The U-Net model reads " + frames + " frames of context each side; this "
                    + "NeuroSeg reads 0 to " + MAX_CONTEXT_FRAMES);
        }
        return frames;
    }

    /**
     * @param info the JSON of a U-Net model file ({@link #readInfo})
     * @return the frames the network reads: the recorded kind, or equalized frames for files written before it was
     *         recorded
     * @throws NeurosegException when the recorded kind is unknown (a file from a newer NeuroSeg)
     */
    public static UNetInput input(JsonObject info) throws NeurosegException {
        if (info.get(ARCHITECTURE) instanceof JsonObject section && section.get(INPUT_FRAMES) != null) {
            try {
                return UNetInput.fromKey(section.get(INPUT_FRAMES).getAsString());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                throw new NeurosegException("The U-Net model reads frames this NeuroSeg does not know: "
                        + e.getMessage(), e);
            }
        }
        return UNetInput.EQUALIZED;
    }

    /**
     * @param info the JSON of a U-Net model file ({@link #readInfo})
     * @return how the network's input frames are normalised: the recorded method, or
     *         {@link InputNormalization#FRAME_ZSCORE} for files written before the method was chosen by the file
     * @throws NeurosegException when the recorded method is unknown (a file from a newer NeuroSeg)
     */
    public static InputNormalization normalization(JsonObject info) throws NeurosegException {
        if (info.get("inputNormalization") instanceof JsonObject section && section.get("method") != null) {
            try {
                return InputNormalization.fromKey(section.get("method").getAsString());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                throw new NeurosegException("The U-Net model normalises its input in a way this NeuroSeg does not "
                        + "know: " + e.getMessage(), e);
            }
        }
        return InputNormalization.FRAME_ZSCORE;
    }

    /**
     * Reads the JSON of a model file without loading the network.
     *
     * @throws NeurosegException when the file is missing, not a NeuroSeg U-Net model or of an unknown version
     */
    public static JsonObject readInfo(Path file) throws NeurosegException {
        return ModelFiles.readInfo(file, ARCHITECTURE, NAME);
    }

    /**
     * @param info the JSON of a U-Net model file ({@link #readInfo})
     * @return planes of each input frame: the recorded {@code inputChannels}, or 1 when the file was written before
     *         networks took several channels
     */
    public static int inputChannels(JsonObject info) {
        return info.get(ARCHITECTURE) instanceof JsonObject section && section.get(INPUT_CHANNELS) != null
                && section.get(INPUT_CHANNELS).isJsonPrimitive() ? section.get(INPUT_CHANNELS).getAsInt() : 1;
    }

    /**
     * Loads a model file.
     *
     * @param file a file written by {@link #write}
     * @param manager owns the network's parameter arrays
     * @throws NeurosegException when the file is missing, not a U-Net model, of an unknown version or damaged, or
     *         records an input normalisation this NeuroSeg does not know
     */
    public static Loaded read(Path file, ai.djl.ndarray.NDManager manager) throws NeurosegException {
        ModelFiles.Contents contents = ModelFiles.read(file, ARCHITECTURE, NAME);
        JsonObject info = contents.info();
        InputNormalization normalization;
        try {
            normalization = normalization(info);
        } catch (NeurosegException e) {
            throw new NeurosegException("Model file " + file + ": " + e.getMessage(), e);
        }
        if (info.get(ARCHITECTURE) instanceof JsonObject section
                && !(section.has(INPUT_CHANNELS) && section.has(PATCH_SIZE))) {
            // files written before networks took several channels or pixel patches
            JsonObject completed = section.deepCopy();
            completed.addProperty(INPUT_CHANNELS, inputChannels(info));
            if (!section.has(PATCH_SIZE)) {
                completed.addProperty(PATCH_SIZE, 1);
            }
            info = info.deepCopy();
            info.add(ARCHITECTURE, completed);
        }
        UNetConfig config = ModelFiles.architectureConfig(file, info, ARCHITECTURE, "U-Net", UNetConfig.class);
        UNet network = new UNet(config);
        ModelFiles.loadParameters(file, network, manager, contents.parameters());
        return new Loaded(network, contents.info(), normalization);
    }
}
