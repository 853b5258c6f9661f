package org.knime.core.node;

import java.io.IOException;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.filestore.FileStore;

public class ExecutionContext extends ExecutionMonitor {
    public FileStore createFileStore(final String relativePath) throws IOException {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
