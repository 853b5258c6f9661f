package org.neuroseg.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files written by users' tools (ImageJ), kept in ../shared/data/real-formats beside the project. */
public final class RealFiles {

    private RealFiles() {
    }

    /** @return the file, looked up from the working directory upwards; the test is skipped when it is absent */
    public static Path get(String name) {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null;
                dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/real-formats").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "shared/data/real-formats/" + name + " is not available");
        return null;
    }
}
