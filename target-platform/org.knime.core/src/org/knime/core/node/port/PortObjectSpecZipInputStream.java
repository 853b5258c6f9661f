package org.knime.core.node.port;

import java.util.zip.ZipInputStream;

public class PortObjectSpecZipInputStream extends ZipInputStream {
    private PortObjectSpecZipInputStream() {
        super(null);
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
