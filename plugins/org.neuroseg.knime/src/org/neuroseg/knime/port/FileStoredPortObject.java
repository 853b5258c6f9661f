package org.neuroseg.knime.port;

import java.util.List;
import javax.swing.JComponent;
import javax.swing.JLabel;
import org.knime.core.data.filestore.FileStore;
import org.knime.core.data.filestore.FileStorePortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.neuroseg.NeurosegException;

/**
 * A port object whose payload is one file in the node's file store, described by a small spec that is all the
 * workflow saves, so passing it between nodes never copies the file. Its view shows the file (KNIME shows port views
 * in its classic and its modern UI). Value-based equality: same class, same spec and same file store.
 *
 * @param <S> the spec
 */
public abstract class FileStoredPortObject<S extends PortObjectSpec> extends FileStorePortObject {

    private final String kind;
    private final S spec;

    /**
     * @param kind what the port carries, for the summary ("Video", "Model")
     * @param store the file store holding the file
     */
    protected FileStoredPortObject(String kind, S spec, FileStore store) {
        super(List.of(store));
        this.kind = kind;
        this.spec = spec;
    }

    /** For a port object loaded from a workflow: KNIME restores its file store. */
    protected FileStoredPortObject(String kind, S spec) {
        this.kind = kind;
        this.spec = spec;
    }

    @Override
    public String getSummary() {
        return kind + ": " + spec;
    }

    @Override
    public S getSpec() {
        return spec;
    }

    /** @return {@link #view()}, or when the file cannot be read a line that says why, under the port's kind */
    @Override
    public JComponent[] getViews() {
        try {
            return new JComponent[] {view()};
        } catch (NeurosegException e) {
            JLabel message = new JLabel(e.getMessage());
            message.setName(kind);
            return new JComponent[] {message};
        }
    }

    /**
     * @return a new Swing view of the file, which reads it from the file store
     * @throws NeurosegException when the file cannot be read
     */
    protected abstract JComponent view() throws NeurosegException;

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass()
                && ((FileStoredPortObject<?>) other).spec.equals(spec) && super.equals(other);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + spec.hashCode();
    }
}
