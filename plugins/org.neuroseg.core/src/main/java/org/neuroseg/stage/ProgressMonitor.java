package org.neuroseg.stage;

/**
 * Receives progress from long work and tells it when to stop. Work calls {@link #checkCanceled()} at least once per
 * frame batch and {@link #setProgress(double, String)} as it goes. Implementations must tolerate calls from one
 * thread at a time; they need not be thread-safe.
 */
public interface ProgressMonitor {

    /** A monitor that ignores progress and never cancels. */
    ProgressMonitor NONE = new ProgressMonitor() {
        @Override
        public void setProgress(double fraction, String message) {
            // ignored
        }

        @Override
        public void checkCanceled() {
            // never canceled
        }
    };

    /**
     * Reports how far the work is.
     *
     * @param fraction done so far, in [0, 1]
     * @param message short text for the user, or null to keep the last one
     */
    void setProgress(double fraction, String message);

    /** @throws CanceledException when the user asked to stop */
    void checkCanceled() throws CanceledException;

    /**
     * A monitor for one part of the work, mapping its [0, 1] onto [{@code from}, {@code to}] of this monitor.
     *
     * @param from fraction of this monitor where the part starts
     * @param to fraction of this monitor where the part ends, at least {@code from}
     * @return the sub-monitor; cancellation is delegated to this monitor
     */
    default ProgressMonitor subMonitor(double from, double to) {
        if (!(0 <= from && from <= to && to <= 1)) {
            throw new IllegalArgumentException("sub-monitor range must lie in [0, 1], got [" + from + ", " + to + "]");
        }
        ProgressMonitor parent = this;
        return new ProgressMonitor() {
            @Override
            public void setProgress(double fraction, String message) {
                parent.setProgress(from + (to - from) * Math.max(0, Math.min(1, fraction)), message);
            }

            @Override
            public void checkCanceled() throws CanceledException {
                parent.checkCanceled();
            }
        };
    }
}
