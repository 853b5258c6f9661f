package org.neuroseg.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Memory figures of this process from {@code /proc/self/status} (Linux). */
final class ProcStatus {

    private ProcStatus() {
    }

    /**
     * @param field e.g. {@code VmHWM:} (peak resident memory) or {@code VmRSS:} (resident memory now)
     * @return the value in MB, or -1 where the file or the field is missing
     */
    static long megabytes(String field) throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
