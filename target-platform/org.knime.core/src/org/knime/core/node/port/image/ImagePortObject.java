package org.knime.core.node.port.image;

import javax.swing.JComponent;
import org.knime.core.data.DataCell;
import org.knime.core.data.image.ImageContent;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortType;

public class ImagePortObject extends AbstractPortObject {
    public static final PortType TYPE = null;

    public ImagePortObject(final ImageContent content, final ImagePortObjectSpec spec) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public DataCell toDataCell() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public String getSummary() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public ImagePortObjectSpec getSpec() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public JComponent[] getViews() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
