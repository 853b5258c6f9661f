package org.neuroseg.cli;

import java.io.PrintStream;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ProgressMonitor;

/**
 * A progress bar on standard error, redrawn at most ten times a second. Ctrl-C cancels: the running work sees
 * {@link CanceledException} at its next check and removes what it had half written before the JVM exits.
 */
final class ConsoleProgressMonitor implements ProgressMonitor, AutoCloseable {

    private static final int BAR_WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long CLEANUP_WAIT_MILLIS = 10_000;

    private final PrintStream out;
    private final String task;
    private final boolean enabled;
    private final Thread hook;
    private final Object done = new Object();
    private volatile boolean canceled;
    private boolean finished;
    private long lastDraw;
    private String message = "";
    private boolean drawn;

    ConsoleProgressMonitor(PrintStream out, String task, boolean enabled) {
        this.out = out;
        this.task = task;
        this.enabled = enabled;
        this.hook = new Thread(this::cancelAndWait, "neuroseg-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void setProgress(double fraction, String newMessage) {
        if (newMessage != null) {
            message = newMessage;
        }
        long now = System.nanoTime();
        if (!enabled || (now - lastDraw < REDRAW_NANOS && fraction < 1)) {
            return;
        }
        lastDraw = now;
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * BAR_WIDTH);
        out.printf("\r%s [%s%s] %3d%% %-40.40s", task, "#".repeat(filled), " ".repeat(BAR_WIDTH - filled),
                Math.round(fraction * 100), message);
        out.flush();
        drawn = true;
    }

    @Override
    public void checkCanceled() throws CanceledException {
        if (canceled) {
            throw new CanceledException();
        }
    }

    private void cancelAndWait() {
        canceled = true;
        synchronized (done) {
            long deadline = System.currentTimeMillis() + CLEANUP_WAIT_MILLIS;
            while (!finished && System.currentTimeMillis() < deadline) {
                try {
                    done.wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Ends the bar's line and lets a pending Ctrl-C exit. */
    @Override
    public void close() {
        if (drawn) {
            out.println();
        }
        synchronized (done) {
            finished = true;
            done.notifyAll();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that the work has finished
        }
    }
}
