package org.neuroseg.knime.util;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ProgressMonitor;

/** KNIME's {@link ExecutionMonitor} as a core {@link ProgressMonitor}: KNIME's cancel becomes core's. */
public final class KnimeProgressMonitor implements ProgressMonitor {

    private final ExecutionMonitor exec;

    /** @param exec the node's execution monitor or context */
    public KnimeProgressMonitor(ExecutionMonitor exec) {
        this.exec = exec;
    }

    @Override
    public void setProgress(double fraction, String message) {
        if (message == null) {
            exec.setProgress(fraction);
        } else {
            exec.setProgress(fraction, message);
        }
    }

    @Override
    public void checkCanceled() throws CanceledException {
        try {
            exec.checkCanceled();
        } catch (CanceledExecutionException e) {
            throw new CanceledException();
        }
    }
}
