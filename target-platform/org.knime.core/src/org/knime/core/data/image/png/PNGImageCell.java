package org.knime.core.data.image.png;

import org.knime.core.data.DataCell;

public class PNGImageCell extends DataCell {
    private PNGImageCell() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public PNGImageContent getImageContent() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
