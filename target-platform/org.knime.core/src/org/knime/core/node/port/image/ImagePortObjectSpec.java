package org.knime.core.node.port.image;

import javax.swing.JComponent;
import org.knime.core.data.DataType;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

public final class ImagePortObjectSpec extends AbstractSimplePortObjectSpec {
    public ImagePortObjectSpec(final DataType type) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public DataType getDataType() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public JComponent[] getViews() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
