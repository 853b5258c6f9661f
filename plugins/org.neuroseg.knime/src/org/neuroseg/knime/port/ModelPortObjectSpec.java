package org.neuroseg.knime.port;

import java.io.IOException;
import java.util.Properties;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.swing.JComponent;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;

/**
 * What is known about a trained model on a port: its architecture and the name of its file.
 *
 * @param architecture the network it holds, e.g. {@code unet} or {@code cgru}; not blank
 * @param fileName name of the model file as the training stage wrote it (no folder); not blank
 */
public record ModelPortObjectSpec(String architecture, String fileName) implements PortObjectSpec {

    private static final String ENTRY = "neuroseg-model.properties";

    /** Checks that both values are given. */
    public ModelPortObjectSpec {
        if (architecture == null || architecture.isBlank() || fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("a model port needs an architecture and a file name, got '"
                    + architecture + "' and '" + fileName + "'");
        }
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public String toString() {
        return architecture + " model " + fileName;
    }

    /** Writes the spec as one properties entry: architecture, fileName. */
    static void writeEntry(ModelPortObjectSpec spec, ZipOutputStream out) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("architecture", spec.architecture);
        properties.setProperty("fileName", spec.fileName);
        PortEntries.write(out, ENTRY, properties);
    }

    /** Reads the entry written by {@link #writeEntry}. */
    static ModelPortObjectSpec readEntry(ZipInputStream in) throws IOException {
        Properties properties = PortEntries.read(in, ENTRY);
        try {
            return new ModelPortObjectSpec(properties.getProperty("architecture"),
                    properties.getProperty("fileName"));
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt NeuroSeg model port description " + properties, e);
        }
    }

    /** Saves and loads the spec with the workflow. Registered at extension point org.knime.core.PortType. */
    public static final class Serializer extends PortObjectSpecSerializer<ModelPortObjectSpec> {

        @Override
        public void savePortObjectSpec(ModelPortObjectSpec spec, PortObjectSpecZipOutputStream out)
                throws IOException {
            writeEntry(spec, out);
        }

        @Override
        public ModelPortObjectSpec loadPortObjectSpec(PortObjectSpecZipInputStream in) throws IOException {
            return readEntry(in);
        }
    }
}
