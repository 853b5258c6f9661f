package org.neuroseg.preprocess;

import java.nio.file.Path;
import java.util.Locale;
import org.neuroseg.NeurosegException;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.stage.MotionShifts;

/**
 * The shifts table as CSV: a header line {@value #HEADER}, then one line per frame (frame numbers from 0), numbers
 * with a dot as decimal separator.
 */
public final class ShiftsCsv {

    /** The header line. */
    public static final String HEADER =
            "frame,dx,dy,rotation_degrees,tracked_features,correlation_before,correlation_after";

    private ShiftsCsv() {
    }

    /** Writes {@code shifts} to {@code file}, all or nothing. */
    public static void write(MotionShifts shifts, Path file) throws NeurosegException {
        AtomicFiles.writeText(file, writer -> {
            writer.write(HEADER);
            writer.write('\n');
            for (int t = 0; t < shifts.frames(); t++) {
                writer.write(String.format(Locale.ROOT, "%d,%.4f,%.4f,%.5f,%d,%.5f,%.5f", t, shifts.dx()[t],
                        shifts.dy()[t], shifts.rotationDegrees()[t], shifts.trackedFeatures()[t],
                        shifts.correlationBefore()[t], shifts.correlationAfter()[t]));
                writer.write('\n');
            }
        });
    }
}
