package org.neuroseg.stage;

import java.nio.file.Path;

/**
 * Where a stage runs: a folder for the files it creates (videos, models) and the monitor for progress and
 * cancellation. In KNIME the folder belongs to the node's file stores; on the command line it is the output folder.
 *
 * @param workDirectory existing folder for output files
 * @param monitor progress and cancellation
 */
public record StageContext(Path workDirectory, ProgressMonitor monitor) {
}
