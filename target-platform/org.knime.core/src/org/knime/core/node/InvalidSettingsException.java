package org.knime.core.node;

public class InvalidSettingsException extends Exception {
    public InvalidSettingsException(final String s) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
