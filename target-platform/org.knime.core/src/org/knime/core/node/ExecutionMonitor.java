package org.knime.core.node;

public class ExecutionMonitor {
    public void checkCanceled() throws CanceledExecutionException {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public void setProgress(final double progress) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public void setProgress(final double progress, final String message) {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }
}
