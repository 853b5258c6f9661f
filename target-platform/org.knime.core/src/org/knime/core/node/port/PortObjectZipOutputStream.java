package org.knime.core.node.port;

import java.util.zip.ZipOutputStream;

public class PortObjectZipOutputStream extends ZipOutputStream {
    private PortObjectZipOutputStream() {
        super(null);
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
