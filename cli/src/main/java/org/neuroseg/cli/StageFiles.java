package org.neuroseg.cli;

import java.nio.file.Path;
import org.neuroseg.NeurosegException;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.stage.Picture;

/** Stage outputs as files: pictures as PNG (tables go through {@link org.neuroseg.table.TableCsv}). */
final class StageFiles {

    private StageFiles() {
    }

    /** Writes PNG bytes. */
    static void write(Picture picture, Path file) throws NeurosegException {
        AtomicFiles.write(file, out -> out.write(picture.png()));
    }
}
