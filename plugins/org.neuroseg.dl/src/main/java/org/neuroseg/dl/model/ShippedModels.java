package org.neuroseg.dl.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.neuroseg.NeurosegException;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.stage.ModelFile;

/**
 * The trained models that ship inside this module's jar (the project's {@code models/} folder, each made by its own
 * {@code train.sh}), for users who have not trained their own. A model is copied once to a file named after its
 * content in the temporary folder ({@code neuroseg-models}), because the stages read model files by path.
 */
public final class ShippedModels {

    /** Name of the default U-Net ({@code models/unet-default}). */
    public static final String UNET_DEFAULT = "unet-default";
    /** Name of the default CGRU ({@code models/cgru-default}). */
    public static final String CGRU_DEFAULT = "cgru-default";

    private static final String RESOURCE_FOLDER = "/org/neuroseg/dl/models/";

    private ShippedModels() {
    }

    /**
     * @return the default U-Net, as a file
     * @throws NeurosegException when this build lacks it or it cannot be copied out
     */
    public static ModelFile unet() throws NeurosegException {
        Path file = extract(UNET_DEFAULT);
        UNetModelFile.readInfo(file);
        return new ModelFile(file, UNetModelFile.ARCHITECTURE);
    }

    /**
     * @return the default CGRU, as a file
     * @throws NeurosegException when this build lacks it or it cannot be copied out
     */
    public static ModelFile cgru() throws NeurosegException {
        Path file = extract(CGRU_DEFAULT);
        CgruModelFile.readInfo(file);
        return new ModelFile(file, CgruModelFile.ARCHITECTURE);
    }

    private static Path extract(String name) throws NeurosegException {
        String resource = RESOURCE_FOLDER + name + "/" + name + ModelFiles.EXTENSION;
        byte[] bytes;
        try (InputStream in = ShippedModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new NeurosegException("The shipped model " + name + " is missing from this build (resource "
                        + resource + "): train one with models/" + name + "/train.sh and rebuild, or give a model "
                        + "file");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new NeurosegException("Cannot read the shipped model " + name + ": " + e.getMessage(), e);
        }
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "neuroseg-models",
                name + "-" + digest(bytes) + ModelFiles.EXTENSION);
        if (!Files.isRegularFile(file)) {
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new NeurosegException("Cannot create " + file.getParent() + " for the shipped model " + name
                        + ": " + e.getMessage(), e);
            }
            AtomicFiles.write(file, out -> out.write(bytes));
        }
        return file;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
