package org.neuroseg.dl.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.neuroseg.NeurosegException;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.stage.ModelFile;

/**
 * The container every NeuroSeg model file shares: a zip holding {@value #INFO_ENTRY} (format, format version,
 * architecture name, the architecture's hyperparameters under its own key, input normalisation and whatever the
 * trainer recorded) and {@value #PARAMS_ENTRY} (DJL's parameter stream of the network, {@code
 * Block.saveParameters}). {@link UNetModelFile} and {@link CgruModelFile} fill in the architecture.
 */
public final class ModelFiles {

    /** The usual file extension. */
    public static final String EXTENSION = ".nsmodel";

    static final String INFO_ENTRY = "model.json";
    static final String PARAMS_ENTRY = "parameters.djl";
    private static final int FORMAT_VERSION = 1;
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private ModelFiles() {
    }

    /**
     * What a model file holds.
     *
     * @param info the model's JSON
     * @param parameters the network's parameter stream
     */
    record Contents(JsonObject info, byte[] parameters) {
    }

    /**
     * Writes a model file atomically.
     *
     * @param target where the file goes; replaced if present
     * @param architecture the architecture's name, e.g. {@code unet}
     * @param hyperparameters the architecture, stored under the key {@code architecture}
     * @param normalization how input frames are normalised ({@code method} and its settings)
     * @param parameters the network's parameter stream ({@link #parameterBytes})
     * @param training what to record about how it was made (hyperparameters, losses, scores), or null
     * @return the model file
     * @throws NeurosegException when the file cannot be written
     */
    static ModelFile write(Path target, String architecture, JsonElement hyperparameters, JsonObject normalization,
            byte[] parameters, JsonObject training) throws NeurosegException {
        JsonObject info = new JsonObject();
        info.addProperty("format", "neuroseg-model");
        info.addProperty("formatVersion", FORMAT_VERSION);
        info.addProperty("architecture", architecture);
        info.add(architecture, hyperparameters);
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
        return new ModelFile(target, architecture);
    }

    /**
     * Reads which network a model file holds, without checking that NeuroSeg knows it.
     *
     * @return the file's architecture name, e.g. {@code unet}
     * @throws NeurosegException when the file is missing, not a zip or has no readable {@value #INFO_ENTRY} naming
     *         an architecture
     */
    static String architecture(Path file) throws NeurosegException {
        requireFile(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            JsonObject info = info(file, zip);
            if (info == null || !info.has("architecture")) {
                throw new NeurosegException("Model file " + file + " does not say which network it holds (no "
                        + "'architecture' in " + INFO_ENTRY + ")");
            }
            return text(file, info, "architecture");
        } catch (ZipException e) {
            throw notAModel(file, e);
        } catch (IOException e) {
            throw new NeurosegException("Cannot read model file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the JSON of a U-Net or CGRU model file without loading the network.
     *
     * @throws NeurosegException when the file is missing, does not hold the model's architecture, is of an unknown
     *         version, or the architecture is neither {@link UNetModelFile#ARCHITECTURE} nor
     *         {@link CgruModelFile#ARCHITECTURE}
     */
    public static JsonObject readInfo(ModelFile model) throws NeurosegException {
        return switch (model.architecture()) {
            case UNetModelFile.ARCHITECTURE -> UNetModelFile.readInfo(model.file());
            case CgruModelFile.ARCHITECTURE -> CgruModelFile.readInfo(model.file());
            default -> throw unknownArchitecture(model.file(), model.architecture());
        };
    }

    /**
     * Reads the JSON of a model file, U-Net or CGRU, whichever it holds, without loading the network.
     *
     * @throws NeurosegException when the file is missing, not a NeuroSeg model, or of an architecture or version
     *         NeuroSeg does not read
     */
    public static JsonObject readInfo(Path file) throws NeurosegException {
        return readInfo(new ModelFile(file, architecture(file)));
    }

    /** @return the error for a model file of an architecture NeuroSeg does not know */
    static NeurosegException unknownArchitecture(Path file, String architecture) {
        return new NeurosegException("Model file " + file + " holds a network of architecture '" + architecture
                + "'; NeuroSeg reads U-Net ('" + UNetModelFile.ARCHITECTURE + "') and CGRU ('"
                + CgruModelFile.ARCHITECTURE + "') models");
    }

    /**
     * Reads the JSON of a model file and checks it holds the expected architecture.
     *
     * @param networkName how messages name the architecture, e.g. "a U-Net"
     * @throws NeurosegException when the file is missing, holds another architecture or is of an unknown version
     */
    static JsonObject readInfo(Path file, String architecture, String networkName) throws NeurosegException {
        requireFile(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return checkedInfo(file, zip, architecture, networkName);
        } catch (ZipException e) {
            throw notAModel(file, e);
        } catch (IOException e) {
            throw new NeurosegException("Cannot read model file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a whole model file and checks it holds the expected architecture.
     *
     * @throws NeurosegException when the file is missing, holds another architecture, is of an unknown version or
     *         lacks its parameters
     */
    static Contents read(Path file, String architecture, String networkName) throws NeurosegException {
        requireFile(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            JsonObject info = checkedInfo(file, zip, architecture, networkName);
            if (!info.has(architecture)) {
                throw new NeurosegException("Model file " + file + " has no " + networkName + " architecture");
            }
            return new Contents(info, entry(file, zip, PARAMS_ENTRY));
        } catch (ZipException e) {
            throw notAModel(file, e);
        } catch (IOException e) {
            throw new NeurosegException("Cannot read model file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a parameter stream into a network built from the file's architecture.
     *
     * @throws NeurosegException naming the file when the stream does not fit the network or is damaged
     */
    static void loadParameters(Path file, Block network, NDManager manager, byte[] parameters)
            throws NeurosegException {
        try (DataInputStream input = new DataInputStream(new ByteArrayInputStream(parameters))) {
            network.loadParameters(manager, input);
        } catch (IOException | MalformedModelException | IllegalArgumentException e) {
            throw new NeurosegException("Cannot load model file " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the network's parameter stream ({@code Block.saveParameters}), for {@link #write} */
    public static byte[] parameterBytes(Block network) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream output = new DataOutputStream(bytes)) {
            network.saveParameters(output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write parameters to memory", e);
        }
        return bytes.toByteArray();
    }

    private static void requireFile(Path file) throws NeurosegException {
        if (!Files.isRegularFile(file)) {
            throw new NeurosegException("Model file " + file + " does not exist");
        }
    }

    private static NeurosegException notAModel(Path file, ZipException e) {
        return new NeurosegException("Model file " + file + " is not a NeuroSeg model (a zip holding " + INFO_ENTRY
                + " and " + PARAMS_ENTRY + "), or it is damaged: " + e.getMessage(), e);
    }

    private static JsonObject info(Path file, ZipFile zip) throws IOException, NeurosegException {
        try {
            return GSON.fromJson(new String(entry(file, zip, INFO_ENTRY), StandardCharsets.UTF_8), JsonObject.class);
        } catch (JsonParseException | IllegalStateException e) {
            throw new NeurosegException("Model file " + file + " has an unreadable " + INFO_ENTRY + ": "
                    + e.getMessage(), e);
        }
    }

    private static JsonObject checkedInfo(Path file, ZipFile zip, String architecture, String networkName)
            throws IOException, NeurosegException {
        JsonObject info = info(file, zip);
        String found = info == null || !info.has("architecture") ? "missing" : text(file, info, "architecture");
        if (!architecture.equals(found)) {
            throw new NeurosegException("Model file " + file + " does not hold " + networkName + " (architecture '"
                    + found + "', expected '" + architecture + "')");
        }
        if (!info.has("formatVersion")) {
            throw new NeurosegException("Model file " + file + ": " + INFO_ENTRY + " has no 'formatVersion'");
        }
        int version = integer(file, info, "formatVersion");
        if (version != FORMAT_VERSION) {
            throw new NeurosegException("Model file " + file + " has format version " + version
                    + "; this NeuroSeg reads version " + FORMAT_VERSION);
        }
        return info;
    }

    /**
     * Reads the architecture section of a model's JSON as a configuration record, after checking that it holds
     * every field of the record (the record's constructor checks their ranges).
     *
     * @param networkName how messages name the network, e.g. "U-Net"
     * @throws NeurosegException naming the file and the missing, mistyped or out-of-range field
     */
    static <T extends Record> T architectureConfig(Path file, JsonObject info, String architecture,
            String networkName, Class<T> type) throws NeurosegException {
        String invalid = "Model file " + file + " has an invalid " + networkName + " architecture: ";
        if (!(info.get(architecture) instanceof JsonObject section)) {
            throw new NeurosegException(invalid + INFO_ENTRY + "'s '" + architecture + "' is not an object");
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (!section.has(component.getName()) || section.get(component.getName()).isJsonNull()) {
                throw new NeurosegException(invalid + INFO_ENTRY + "'s '" + architecture + "' has no '"
                        + component.getName() + "'");
            }
        }
        try {
            return GSON.fromJson(section, type);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new NeurosegException(invalid + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Gson wraps what the record's constructor throws for a value out of range
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof IllegalArgumentException) {
                throw new NeurosegException(invalid + cause.getMessage(), e);
            }
            throw e;
        }
    }

    /** @return the text value of {@code key} in {@code object} */
    private static String text(Path file, JsonObject object, String key) throws NeurosegException {
        JsonElement value = object.get(key);
        if (!(value instanceof JsonPrimitive primitive) || !primitive.isString()) {
            throw new NeurosegException("Model file " + file + ": " + INFO_ENTRY + "'s '" + key + "' is " + value
                    + ", expected a text");
        }
        return primitive.getAsString();
    }

    /** @return the integer value of {@code key} in {@code object} */
    private static int integer(Path file, JsonObject object, String key) throws NeurosegException {
        JsonElement value = object.get(key);
        if (value instanceof JsonPrimitive primitive && primitive.isNumber()) {
            double number = primitive.getAsDouble();
            if (number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE) {
                return (int) number;
            }
        }
        throw new NeurosegException("Model file " + file + ": " + INFO_ENTRY + "'s '" + key + "' is " + value
                + ", expected an integer");
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
