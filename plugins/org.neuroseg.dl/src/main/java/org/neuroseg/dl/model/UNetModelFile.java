package org.neuroseg.dl.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.neuroseg.NeurosegException;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.stage.ModelFile;

/**
 * The U-Net model file: a zip holding {@value #INFO_ENTRY} (format, architecture, {@link UNetConfig}, input
 * normalisation and whatever the trainer recorded: hyperparameters, losses, test scores) and {@value #PARAMS_ENTRY}
 * (DJL's parameter stream of the {@link UNet}, written by {@code Block.saveParameters}).
 */
public final class UNetModelFile {

    /** The architecture name in {@link ModelFile} and in the info JSON. */
    public static final String ARCHITECTURE = "unet";
    /** The usual file extension. */
    public static final String EXTENSION = ".nsmodel";

    static final String INFO_ENTRY = "model.json";
    static final String PARAMS_ENTRY = "parameters.djl";
    private static final int FORMAT_VERSION = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private UNetModelFile() {
    }

    /**
     * A U-Net read from a file, ready for inference.
     *
     * @param network the network with its trained parameters, owned by the manager it was loaded with
     * @param info the model's JSON (see {@link UNetModelFile})
     */
    public record Loaded(UNet network, JsonObject info) {
    }

    /**
     * Writes a model file atomically.
     *
     * @param target where the file goes; replaced if present
     * @param config the architecture
     * @param parameters the network's parameter stream ({@code Block.saveParameters} output)
     * @param training what to record about how it was made (hyperparameters, losses, scores), or null
     * @return the model file
     * @throws NeurosegException when the file cannot be written
     */
    public static ModelFile write(Path target, UNetConfig config, byte[] parameters, JsonObject training)
            throws NeurosegException {
        JsonObject info = new JsonObject();
        info.addProperty("format", "neuroseg-model");
        info.addProperty("formatVersion", FORMAT_VERSION);
        info.addProperty("architecture", ARCHITECTURE);
        info.add("unet", GSON.toJsonTree(config));
        JsonObject normalization = new JsonObject();
        normalization.addProperty("method", InputNormalization.FRAME_ZSCORE);
        info.add("inputNormalization", normalization);
        if (training != null) {
            info.add("training", training);
        }
        AtomicFiles.write(target, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(INFO_ENTRY));
            zip.write(GSON.toJson(info).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(PARAMS_ENTRY));
            zip.write(parameters);
            zip.closeEntry();
            zip.finish();
        });
        return new ModelFile(target, ARCHITECTURE);
    }

    /**
     * Reads the JSON of a model file without loading the network.
     *
     * @throws NeurosegException when the file is missing, not a NeuroSeg U-Net model or of an unknown version
     */
    public static JsonObject readInfo(Path file) throws NeurosegException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return checkedInfo(file, zip);
        } catch (IOException e) {
            throw new NeurosegException("Cannot read model file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a model file.
     *
     * @param file a file written by {@link #write}
     * @param manager owns the network's parameter arrays
     * @throws NeurosegException when the file is missing, not a U-Net model, of an unknown version or damaged
     */
    public static Loaded read(Path file, NDManager manager) throws NeurosegException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            JsonObject info = checkedInfo(file, zip);
            UNetConfig config = GSON.fromJson(info.get("unet"), UNetConfig.class);
            if (config == null) {
                throw new NeurosegException("Model file " + file + " has no U-Net architecture");
            }
            config = new UNetConfig(config.depth(), config.baseChannels(), config.asppRates());
            UNet network = new UNet(config);
            try (DataInputStream params = new DataInputStream(new ByteArrayInputStream(entry(file, zip,
                    PARAMS_ENTRY)))) {
                network.loadParameters(manager, params);
            }
            return new Loaded(network, info);
        } catch (IOException | MalformedModelException | JsonParseException | IllegalArgumentException e) {
            throw new NeurosegException("Cannot load model file " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonObject checkedInfo(Path file, ZipFile zip) throws IOException, NeurosegException {
        JsonObject info;
        try {
            info = GSON.fromJson(new String(entry(file, zip, INFO_ENTRY), StandardCharsets.UTF_8), JsonObject.class);
        } catch (JsonParseException e) {
            throw new NeurosegException("Model file " + file + " has an unreadable " + INFO_ENTRY + ": "
                    + e.getMessage(), e);
        }
        if (info == null || !info.has("architecture") || !ARCHITECTURE.equals(info.get("architecture").getAsString())) {
            throw new NeurosegException("Model file " + file + " does not hold a U-Net (architecture '"
                    + (info == null || !info.has("architecture") ? "missing" : info.get("architecture").getAsString())
                    + "')");
        }
        int version = info.has("formatVersion") ? info.get("formatVersion").getAsInt() : -1;
        if (version != FORMAT_VERSION) {
            throw new NeurosegException("Model file " + file + " has format version " + version
                    + "; this NeuroSeg reads version " + FORMAT_VERSION);
        }
        return info;
    }

    private static byte[] entry(Path file, ZipFile zip, String name) throws IOException, NeurosegException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new NeurosegException("Model file " + file + " lacks " + name + "; is it a NeuroSeg model?");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}
