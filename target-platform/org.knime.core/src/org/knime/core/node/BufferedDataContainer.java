package org.knime.core.node;

import org.knime.core.data.container.DataContainer;

public class BufferedDataContainer extends DataContainer {
    private BufferedDataContainer() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public BufferedDataTable getTable() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
