package org.knime.core.node;

public class InvalidSettingsException extends Exception {
    public InvalidSettingsException(final String s) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public InvalidSettingsException(final String msg, final Throwable cause) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
