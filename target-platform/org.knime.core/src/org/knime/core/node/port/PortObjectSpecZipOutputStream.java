package org.knime.core.node.port;

import java.util.zip.ZipOutputStream;

public class PortObjectSpecZipOutputStream extends ZipOutputStream {
    private PortObjectSpecZipOutputStream() {
        super(null);
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
