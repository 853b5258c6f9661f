package org.knime.core.node.port;

import java.util.zip.ZipInputStream;

public class PortObjectZipInputStream extends ZipInputStream {
    private PortObjectZipInputStream() {
        super(null);
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
