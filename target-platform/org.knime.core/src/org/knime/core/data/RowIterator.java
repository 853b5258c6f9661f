package org.knime.core.data;

import java.util.Iterator;

public abstract class RowIterator implements Iterator<DataRow> {
}
