package org.knime.core.data;

import java.util.Map;
import javax.swing.JComponent;
import org.knime.core.node.port.PortObjectSpec;

public final class DataTableSpec implements PortObjectSpec {
    private DataTableSpec() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public Map<String, String> getProperties() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public DataColumnSpec getColumnSpec(final int index) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public int getNumColumns() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public JComponent[] getViews() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
