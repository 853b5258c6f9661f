package org.neuroseg.stage;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import org.neuroseg.NeurosegException;
import org.slf4j.LoggerFactory;

/**
 * Where a stage runs: where its output files go, the monitor for progress and cancellation, and where its warnings
 * go. In KNIME each new output file is a file store of the node and warnings become the node's warning; on the command
 * line outputs are files in the output folder and warnings are logged.
 *
 * @param outputFiles allocates paths for the files the stage creates (videos, models)
 * @param monitor progress and cancellation
 * @param warnings receives what the user should know about a run that went on (for example labels made again at a
 *        higher threshold); may be called from any thread
 */
public record StageContext(OutputFiles outputFiles, ProgressMonitor monitor, Consumer<String> warnings) {

    /** Checks that nothing is missing. */
    public StageContext {
        Objects.requireNonNull(outputFiles, "outputFiles");
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(warnings, "warnings");
    }

    /** A context whose warnings are logged. */
    public StageContext(OutputFiles outputFiles, ProgressMonitor monitor) {
        this(outputFiles, monitor, message -> LoggerFactory.getLogger(StageContext.class).warn("{}", message));
    }

    /** @return a context whose output files are created in {@code directory} and whose warnings are logged */
    public static StageContext inDirectory(Path directory, ProgressMonitor monitor) {
        return new StageContext(name -> directory.resolve(name), monitor);
    }

    /** @return the same context reporting progress to {@code other} */
    public StageContext withMonitor(ProgressMonitor other) {
        return new StageContext(outputFiles, other, warnings);
    }

    /** @return the same context whose warnings also go to {@code listener} (for example a run's report) */
    public StageContext alsoWarningTo(Consumer<String> listener) {
        return new StageContext(outputFiles, monitor, message -> {
            warnings.accept(message);
            listener.accept(message);
        });
    }

    /** Passes a warning on to the user. */
    public void warn(String message) {
        warnings.accept(message);
    }

    /** Allocates paths for a stage's output files. */
    @FunctionalInterface
    public interface OutputFiles {
        /**
         * @param name file name the stage suggests, e.g. {@code video.nsv}
         * @return a path in an existing folder where nothing is yet, for the stage to create
         * @throws NeurosegException when no file can be allocated
         */
        Path newFile(String name) throws NeurosegException;
    }
}
