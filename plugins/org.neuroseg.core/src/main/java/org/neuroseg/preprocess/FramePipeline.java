package org.neuroseg.preprocess;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ProgressMonitor;

/**
 * Processes the frames of a video on several threads and hands the results to one consumer in frame order, so
 * output files are written in order and results do not depend on the number of threads. At most a few frames per
 * thread are in flight, so memory does not grow with the number of frames. A barrier lets the consumer change
 * shared state (a motion template) between frames: before a frame where {@code barrierBefore} is true, every
 * earlier frame has been consumed and no later frame has started.
 *
 * <p>Tasks start in frame order (a worker takes the lowest frame not yet started), though they may finish in any
 * order. Used by the preprocessing and segmentation stages.
 *
 * @param <W> per-thread workspace (buffers, OpenCV matrices), closed at the end
 */
public final class FramePipeline<W extends AutoCloseable> implements AutoCloseable {

    /** Frames in flight per worker thread. */
    private static final int FRAMES_PER_THREAD = 3;

    private final ExecutorService executor;
    private final BlockingQueue<W> workspaces;
    private final List<W> allWorkspaces = new ArrayList<>();
    private final int window;

    /**
     * @param threads worker threads, at least 1
     * @param workspace makes one workspace per thread
     */
    public FramePipeline(int threads, WorkspaceFactory<W> workspace) throws NeurosegException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        workspaces = new ArrayBlockingQueue<>(threads);
        try {
            for (int i = 0; i < threads; i++) {
                W created = workspace.create();
                allWorkspaces.add(created);
                workspaces.add(created);
            }
        } catch (NeurosegException | RuntimeException e) {
            closeWorkspaces();
            throw e;
        }
        window = threads * FRAMES_PER_THREAD;
        executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "neuroseg-frames");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return threads worth using on this machine: its processors */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs {@code task} for frames 0 to {@code frames - 1} and gives each result to {@code sink} in frame order,
     * on the calling thread. Checks for cancellation and reports progress once per frame.
     *
     * @param barrierBefore true for frames that must wait until every earlier frame was consumed
     */
    public <R> void run(int frames, IntPredicate barrierBefore, FrameTask<W, R> task, ResultSink<R> sink,
            ProgressMonitor monitor) throws NeurosegException, CanceledException {
        Deque<Future<R>> inFlight = new ArrayDeque<>();
        int consumed = 0;
        try {
            for (int frame = 0; frame < frames; frame++) {
                if (barrierBefore.test(frame)) {
                    while (!inFlight.isEmpty()) {
                        sink.accept(consumed++, await(inFlight.removeFirst()));
                    }
                }
                while (inFlight.size() >= window) {
                    sink.accept(consumed++, await(inFlight.removeFirst()));
                    progress(monitor, consumed, frames);
                }
                int index = frame;
                inFlight.addLast(executor.submit(() -> {
                    W workspace = workspaces.take();
                    try {
                        return task.apply(index, workspace);
                    } finally {
                        workspaces.add(workspace);
                    }
                }));
            }
            while (!inFlight.isEmpty()) {
                sink.accept(consumed++, await(inFlight.removeFirst()));
                progress(monitor, consumed, frames);
            }
        } finally {
            for (Future<R> future : inFlight) {
                future.cancel(true);
            }
        }
    }

    private static void progress(ProgressMonitor monitor, int consumed, int frames) throws CanceledException {
        monitor.checkCanceled();
        monitor.setProgress((double) consumed / frames, null);
    }

    private static <R> R await(Future<R> future) throws NeurosegException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NeurosegException("Interrupted while processing frames", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof NeurosegException neuroseg) {
                throw neuroseg;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new NeurosegException("Processing a frame failed: " + cause.getMessage(), cause);
        }
    }

    /** Stops the threads (waiting for running frames) and closes the workspaces. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeWorkspaces();
    }

    private void closeWorkspaces() {
        for (W workspace : allWorkspaces) {
            try {
                workspace.close();
            } catch (Exception ignored) {
                // releasing native memory cannot fail in a way worth reporting
            }
        }
    }

    /** Makes a workspace. */
    @FunctionalInterface
    public interface WorkspaceFactory<W> {
        /** @return a new workspace */
        W create() throws NeurosegException;
    }

    /** Processes one frame with a workspace no other thread uses meanwhile. */
    @FunctionalInterface
    public interface FrameTask<W, R> {
        /** @return the frame's result, handed to the sink in frame order */
        R apply(int frame, W workspace) throws NeurosegException;
    }

    /** Consumes results in frame order, on the thread that called {@link FramePipeline#run}. */
    @FunctionalInterface
    public interface ResultSink<R> {
        /** Takes the result of {@code frame}. */
        void accept(int frame, R result) throws NeurosegException, CanceledException;
    }
}
