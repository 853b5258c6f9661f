package org.neuroseg.knime.port;

import java.io.IOException;
import javax.swing.JComponent;
import org.knime.core.data.filestore.FileStore;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.view.ModelCard;
import org.neuroseg.stage.ModelFile;

/**
 * A trained model on a KNIME port. The model file stays in the node's file store; the port itself saves only the
 * architecture and the file name, so passing a model between nodes never copies it. Value-based equality: same spec
 * and same file store.
 */
public final class ModelPortObject extends FileStoredPortObject<ModelPortObjectSpec> {

    /**
     * @param spec architecture and file name of the model
     * @param store file store holding the model file
     */
    public ModelPortObject(ModelPortObjectSpec spec, FileStore store) {
        super("Model", spec, store);
    }

    private ModelPortObject(ModelPortObjectSpec spec) {
        super("Model", spec);
    }

    /** @return the model file in the file store, with its architecture; valid while the port's node is executed */
    public ModelFile modelFile() {
        return new ModelFile(getFileStore(0).getFile().toPath(), getSpec().architecture());
    }

    /** @return the model card: what the model file records of its network and its training */
    @Override
    protected JComponent view() throws NeurosegException {
        return ModelCard.of(modelFile());
    }

    /** Saves the metadata only (the model file is in the file store). Registered at org.knime.core.PortType. */
    public static final class Serializer extends PortObjectSerializer<ModelPortObject> {

        @Override
        public void savePortObject(ModelPortObject model, PortObjectZipOutputStream out, ExecutionMonitor exec)
                throws IOException {
            ModelPortObjectSpec.writeEntry(model.getSpec(), out);
        }

        @Override
        public ModelPortObject loadPortObject(PortObjectZipInputStream in, PortObjectSpec spec,
                ExecutionMonitor exec) throws IOException {
            return new ModelPortObject(ModelPortObjectSpec.readEntry(in));
        }
    }
}
