package org.neuroseg.dl.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.neuroseg.NeurosegException;
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
 * Model Writer: saves the model on its input port as a file, byte for byte, so the Model Reader, other workflows
 * and the command line can use it. The file appears only when complete ({@link AtomicFiles}); an existing file is
 * replaced only when overwriting is chosen.
 */
public final class ModelWriterStage implements Stage {

    /** The stage. */
    public static final ModelWriterStage INSTANCE = new ModelWriterStage();

    public static final ParamSpec FILE = ParamSpec.path("file", "Model file", "", PathKind.FILE_TO_WRITE,
            "The file to write, e.g. my-unet.nsmodel; missing folders are created.");
    public static final ParamSpec OVERWRITE = ParamSpec.bool("overwrite", "Overwrite existing file", false,
            "Replace the file when it exists; otherwise an existing file is kept and the node fails.");

    public static final PortSpec<ModelFile> MODEL = PortSpec.model("Model", "A trained U-Net or CGRU.");

    private ModelWriterStage() {
    }

    @Override
    public String id() {
        return "model-writer";
    }

    @Override
    public String name() {
        return "Model Writer";
    }

    @Override
    public StageCategory category() {
        return StageCategory.IO;
    }

    @Override
    public String shortDescription() {
        return "Saves a trained U-Net or CGRU as a model file.";
    }

    @Override
    public String description() {
        return "Writes the model from the U-Net Learner, the CGRU Learner or the Model Reader to a .nsmodel file "
                + "(a zip of the network's parameters and a JSON of its architecture, input normalisation and "
                + "training record), unchanged. The Model Reader reads it back, in this or another workflow, and "
                + "the command line's predict-unet and predict-cgru take it with -m. The file appears only when "
                + "complete; an existing file is replaced only when 'Overwrite existing file' is ticked.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(FILE, OVERWRITE);
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(MODEL);
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of();
    }

    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException {
        ModelFile model = inputs.get(MODEL);
        Path target = parameters.getPath(FILE);
        if (target == null) {
            throw new NeurosegException("No model file chosen: set '" + FILE.label() + "'");
        }
        if (Files.isDirectory(target)) {
            throw new NeurosegException("'" + FILE.label() + "' is the folder " + target + "; give a file name, e.g. "
                    + target.resolve(model.architecture() + ModelFiles.EXTENSION));
        }
        if (Files.exists(target) && !parameters.getBoolean(OVERWRITE)) {
            throw new NeurosegException("Model file " + target + " exists; tick '" + OVERWRITE.label()
                    + "' to replace it, or choose another file");
        }
        if (!Files.isRegularFile(model.file())) {
            throw new NeurosegException("The model on the input port has no file (" + model.file()
                    + "); execute the node that made it again");
        }
        context.monitor().setProgress(0, "Writing " + target.getFileName());
        AtomicFiles.write(target, out -> Files.copy(model.file(), out));
        context.monitor().setProgress(1, null);
        return PortValues.none();
    }
}
