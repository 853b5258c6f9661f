package org.knime.core.node;

public class CanceledExecutionException extends Exception {
    public CanceledExecutionException(final String s) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
