package org.neuroseg.stage;

import java.nio.file.Path;
import org.neuroseg.NeurosegException;

/**
 * Where a stage runs: where its output files go and the monitor for progress and cancellation. In KNIME each new
 * output file is a file store of the node; on the command line it is a file in the output folder.
 *
 * @param outputFiles allocates paths for the files the stage creates (videos, models)
 * @param monitor progress and cancellation
 */
public record StageContext(OutputFiles outputFiles, ProgressMonitor monitor) {

    /** @return a context whose output files are created in {@code directory} */
    public static StageContext inDirectory(Path directory, ProgressMonitor monitor) {
        return new StageContext(name -> directory.resolve(name), monitor);
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
