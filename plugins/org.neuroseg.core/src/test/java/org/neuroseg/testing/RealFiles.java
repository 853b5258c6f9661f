package org.neuroseg.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files written by users' tools and real recordings, kept beside the project in ../shared/data/real-formats (files
 * from ImageJ) and ../shared/data/real (recordings, Inscopix movies).
 */
public final class RealFiles {

    private RealFiles() {
    }

    /** @return the file from shared/data/real-formats; the test is skipped when it is absent */
    public static Path get(String name) {
        return find("shared/data/real-formats", name);
    }

    /** @return the file from shared/data/real; the test is skipped when it is absent */
    public static Path recording(String name) {
        return find("shared/data/real", name);
    }

    /** @return the file, looked up from the working directory upwards; the test is skipped when it is absent */
    private static Path find(String folder, String name) {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null;
                dir = dir.getParent()) {
            Path candidate = dir.resolve(folder).resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, folder + "/" + name + " is not available");
        return null;
    }
}
