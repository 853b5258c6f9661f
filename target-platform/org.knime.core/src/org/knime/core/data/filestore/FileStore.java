package org.knime.core.data.filestore;

import java.io.File;

public final class FileStore {
    private FileStore() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public File getFile() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
