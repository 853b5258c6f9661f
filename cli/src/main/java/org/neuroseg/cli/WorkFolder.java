package org.neuroseg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neuroseg.io.AtomicFiles;

/**
 * A hidden scratch folder where a stage writes files before a command moves its results into place; closing
 * deletes it with everything left inside. A folder that cannot be deleted is left behind: it is harmless.
 */
final class WorkFolder implements AutoCloseable {

    private final Path path;

    private WorkFolder(Path path) {
        this.path = path;
    }

    /** @return a new folder named {@code prefix...} inside {@code folder} */
    static WorkFolder in(Path folder, String prefix) throws IOException {
        return new WorkFolder(Files.createTempDirectory(folder, prefix));
    }

    /** @return a new folder named {@code prefix...} in the folder of the file {@code output} */
    static WorkFolder beside(Path output, String prefix) throws IOException {
        return in(output.toAbsolutePath().getParent(), prefix);
    }

    /** @return the folder */
    Path path() {
        return path;
    }

    @Override
    public void close() {
        AtomicFiles.deleteTreeQuietly(path);
    }
}
