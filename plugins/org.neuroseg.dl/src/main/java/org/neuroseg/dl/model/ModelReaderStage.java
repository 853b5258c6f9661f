package org.neuroseg.dl.model;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.DjlEngine;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.ParamSpec.PathKind;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;

/**
 * Model Reader: puts a trained network on a model port, either one of the {@link ShippedModels} or a model file
 * written by a learner or the Model Writer. The file is checked by loading the network it holds (architecture,
 * format version, hyperparameters and parameters), so a wrong or damaged file is refused here, naming the file,
 * rather than in the predictor. The output is a copy of the file in the stage's output files.
 */
public final class ModelReaderStage implements Stage {

    /** The stage. */
    public static final ModelReaderStage INSTANCE = new ModelReaderStage();

    /** Source choice: the shipped default U-Net. */
    public static final String SHIPPED_UNET = "shipped U-Net";
    /** Source choice: the shipped default CGRU. */
    public static final String SHIPPED_CGRU = "shipped CGRU";
    /** Source choice: the file given by {@link #FILE}. */
    public static final String MODEL_FILE = "model file";

    public static final ParamSpec SOURCE = ParamSpec.choice("source", "Model", SHIPPED_UNET,
            List.of(SHIPPED_UNET, SHIPPED_CGRU, MODEL_FILE), "shipped U-Net or shipped CGRU: the default networks "
                    + "that come with NeuroSeg (trained on simulated epifluorescence recordings). model file: a "
                    + "network you trained, from the file chosen below.");
    /** The model file, for {@link #MODEL_FILE}. */
    public static final ParamSpec FILE = ParamSpec.path("file", "Model file", "", PathKind.FILE_TO_READ,
            "For 'model file' only: a .nsmodel file written by the U-Net Learner, the CGRU Learner or the Model "
                    + "Writer.");

    public static final PortSpec<ModelFile> MODEL = PortSpec.model("Model",
            "The network: architecture \"unet\" (for the U-Net Predictor) or \"cgru\" (for the CGRU Predictor).");

    private ModelReaderStage() {
    }

    @Override
    public String id() {
        return "model-reader";
    }

    @Override
    public String name() {
        return "Model Reader";
    }

    @Override
    public StageCategory category() {
        return StageCategory.IO;
    }

    @Override
    public String shortDescription() {
        return "Reads a trained U-Net or CGRU: a shipped default or a model file.";
    }

    @Override
    public String description() {
        return "Provides the network for the U-Net Predictor or the CGRU Predictor: the U-Net or the CGRU that ship "
                + "with NeuroSeg, or a model file you trained (with the U-Net Learner or the CGRU Learner, saved by "
                + "the Model Writer or the command line). The file is checked by loading its network: a missing "
                + "file, a file that is not a NeuroSeg model, a model of an unknown network or version, or damaged "
                + "parameters are refused with a message naming the file and the problem.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(SOURCE, FILE);
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of();
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(MODEL);
    }

    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException {
        Path source = switch (parameters.getString(SOURCE)) {
            case SHIPPED_UNET -> ShippedModels.unet().file();
            case SHIPPED_CGRU -> ShippedModels.cgru().file();
            default -> chosenFile(parameters);
        };
        context.monitor().setProgress(0, "Checking " + source.getFileName());
        String architecture = check(source);
        Path copy = AtomicFiles.write(context.outputFiles().newFile(source.getFileName().toString()),
                out -> Files.copy(source, out));
        context.monitor().setProgress(1, null);
        return PortValues.of(MODEL, new ModelFile(copy, architecture));
    }

    private static Path chosenFile(Parameters parameters) throws NeurosegException {
        Path file = parameters.getPath(FILE);
        if (file == null) {
            throw new NeurosegException("No model file chosen: set '" + FILE.label() + "', or choose a shipped "
                    + "model under '" + SOURCE.label() + "'");
        }
        return file;
    }

    /**
     * Loads the network a model file holds, to check it.
     *
     * @return the file's architecture, {@link UNetModelFile#ARCHITECTURE} or {@link CgruModelFile#ARCHITECTURE}
     * @throws NeurosegException naming the file when it is missing, not a model, of an unknown architecture or
     *         version, or damaged
     */
    static String check(Path file) throws NeurosegException {
        String architecture = ModelFiles.architecture(file);
        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            switch (architecture) {
                case UNetModelFile.ARCHITECTURE -> UNetModelFile.read(file, manager);
                case CgruModelFile.ARCHITECTURE -> CgruModelFile.read(file, manager);
                default -> throw ModelFiles.unknownArchitecture(file, architecture);
            }
        }
        return architecture;
    }
}
