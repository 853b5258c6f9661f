package org.neuroseg.knime.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.knime.core.data.filestore.FileStore;
import org.knime.core.node.ExecutionContext;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.StageContext;

/**
 * A stage's output files as file stores of the executing node, so KNIME keeps them with the workflow and deletes
 * them on reset. Remembers which path belongs to which file store, for the port objects that wrap them.
 */
public final class FileStoreOutputs implements StageContext.OutputFiles {

    private final ExecutionContext exec;
    private final Map<Path, FileStore> stores = new HashMap<>();

    /** @param exec the executing node's context */
    public FileStoreOutputs(ExecutionContext exec) {
        this.exec = exec;
    }

    @Override
    public Path newFile(String name) throws NeurosegException {
        try {
            FileStore store = exec.createFileStore((stores.size() + 1) + "-" + name);
            Path path = store.getFile().toPath().toAbsolutePath();
            Files.createDirectories(path.getParent());
            stores.put(path, store);
            return path;
        } catch (IOException e) {
            throw new NeurosegException("cannot create the node's file store for '" + name + "': " + e.getMessage(),
                    e);
        }
    }

    /** @return the file store holding {@code path}, or null when the path is not one of this node's outputs */
    public FileStore storeOf(Path path) {
        return stores.get(path.toAbsolutePath());
    }
}
