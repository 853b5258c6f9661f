package org.knime.core.data.filestore;

import java.util.List;
import org.knime.core.node.port.PortObject;

public abstract class FileStorePortObject implements PortObject {
    protected FileStorePortObject(final List<FileStore> fileStores) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    protected FileStorePortObject() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    protected FileStore getFileStore(final int index) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public boolean equals(final Object obj) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public int hashCode() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
