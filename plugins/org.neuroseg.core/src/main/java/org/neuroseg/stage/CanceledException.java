package org.neuroseg.stage;

/** Thrown by {@link ProgressMonitor#checkCanceled()} when the user asked to stop. Cancellation is not an error. */
public final class CanceledException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the standard message. */
    public CanceledException() {
        super("Canceled by the user");
    }
}
