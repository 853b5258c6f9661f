package org.knime.core.node;

import javax.swing.JComponent;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;

public final class BufferedDataTable implements DataTable, PortObject {
    public static final PortType TYPE = null;

    private BufferedDataTable() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public DataTableSpec getDataTableSpec() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public DataTableSpec getSpec() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public String getSummary() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public CloseableRowIterator iterator() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public long size() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public JComponent[] getViews() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
