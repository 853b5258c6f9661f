package org.knime.core.data.container;

import java.io.Closeable;
import org.knime.core.data.RowIterator;

public abstract class CloseableRowIterator extends RowIterator implements Closeable {
    public abstract void close();
}
