package org.neuroseg.dl.model;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.ModelFile;

/**
 * The CGRU model file ({@link ModelFiles}): architecture {@value #ARCHITECTURE}, the {@link ConvGruConfig} under the
 * key {@code cgru} (without {@code keepsPeak} in files written before it existed: no peak channel), input
 * normalisation {@value #NO_NORMALIZATION} (the input is a probability video in [0, 1], used as it is), the trainer's
 * record under {@code training}, and the parameters of the {@link ConvGruBlock}.
 */
public final class CgruModelFile {

    /** The architecture name in {@link ModelFile} and in the info JSON. */
    public static final String ARCHITECTURE = "cgru";
    /** The input normalisation recorded in the file: none, probabilities go in as they are. */
    public static final String NO_NORMALIZATION = "none";
    /** The usual file extension. */
    public static final String EXTENSION = ModelFiles.EXTENSION;

    private static final String NAME = "a CGRU";
    private static final String KEEPS_PEAK = "keepsPeak";

    private CgruModelFile() {
    }

    /**
     * A CGRU read from a file, ready for inference.
     *
     * @param network the block with its trained parameters, owned by the manager it was loaded with
     * @param info the model's JSON
     */
    public record Loaded(ConvGruBlock network, JsonObject info) {
    }

    /**
     * Writes a model file atomically.
     *
     * @param target where the file goes; replaced if present
     * @param config the architecture
     * @param parameters the block's parameter stream ({@link ModelFiles#parameterBytes})
     * @param training what to record about how it was made, or null
     * @return the model file
     * @throws NeurosegException when the file cannot be written
     */
    public static ModelFile write(Path target, ConvGruConfig config, byte[] parameters, JsonObject training)
            throws NeurosegException {
        JsonObject normalization = new JsonObject();
        normalization.addProperty("method", NO_NORMALIZATION);
        return ModelFiles.write(target, ARCHITECTURE, ModelFiles.GSON.toJsonTree(config), normalization, parameters,
                training);
    }

    /**
     * Reads the JSON of a model file without loading the network.
     *
     * @throws NeurosegException when the file is missing, not a NeuroSeg CGRU model or of an unknown version
     */
    public static JsonObject readInfo(Path file) throws NeurosegException {
        return ModelFiles.readInfo(file, ARCHITECTURE, NAME);
    }

    /**
     * @param info the JSON of a CGRU model file ({@link #readInfo})
     * @return whether its state keeps each pixel's peak input ({@link ConvGruConfig#keepsPeak}); false for files
     *         written before it existed
     */
    public static boolean keepsPeak(JsonObject info) {
        return info.get(ARCHITECTURE) instanceof JsonObject section && section.get(KEEPS_PEAK) != null
                && section.get(KEEPS_PEAK).isJsonPrimitive() && section.get(KEEPS_PEAK).getAsBoolean();
    }

    /**
     * Loads a model file.
     *
     * @param file a file written by {@link #write}
     * @param manager owns the block's parameter arrays
     * @throws NeurosegException when the file is missing, not a CGRU model, of an unknown version or damaged
     */
    public static Loaded read(Path file, NDManager manager) throws NeurosegException {
        ModelFiles.Contents contents = ModelFiles.read(file, ARCHITECTURE, NAME);
        JsonObject info = contents.info();
        if (info.get(ARCHITECTURE) instanceof JsonObject section && !section.has(KEEPS_PEAK)) {
            // files written before the state kept each pixel's peak
            JsonObject completed = section.deepCopy();
            completed.addProperty(KEEPS_PEAK, false);
            info = info.deepCopy();
            info.add(ARCHITECTURE, completed);
        }
        ConvGruConfig config = ModelFiles.architectureConfig(file, info, ARCHITECTURE, "CGRU", ConvGruConfig.class);
        ConvGruBlock network = new ConvGruBlock(config);
        ModelFiles.loadParameters(file, network, manager, contents.parameters());
        return new Loaded(network, contents.info());
    }
}
