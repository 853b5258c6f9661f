package org.neuroseg.cli;

import java.nio.file.Path;
import java.util.BitSet;
import org.neuroseg.NeurosegException;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.stage.Raster;
import org.neuroseg.stage.Traces;

/** Stage outputs as files: tables as CSV, pictures as PNG. */
final class StageFiles {

    private StageFiles() {
    }

    /** Writes PNG bytes. */
    static void write(org.neuroseg.stage.Picture picture, Path file) throws NeurosegException {
        AtomicFiles.write(file, out -> out.write(picture.png()));
    }

    /** Writes a raster as CSV: a header {@code neuron,f0,f1,...}, then one line of 0 and 1 per neuron. */
    static void write(Raster raster, Path file) throws NeurosegException {
        AtomicFiles.writeText(file, out -> {
            out.write(header(raster.frames()));
            for (int row = 0; row < raster.neuronIds().length; row++) {
                StringBuilder line = new StringBuilder().append(raster.neuronIds()[row]);
                BitSet bits = raster.rows().get(row);
                for (int t = 0; t < raster.frames(); t++) {
                    line.append(bits.get(t) ? ",1" : ",0");
                }
                out.write(line.append('\n').toString());
            }
        });
    }

    /** Writes traces as CSV: a header {@code neuron,f0,f1,...}, then one line of values per neuron. */
    static void write(Traces traces, Path file) throws NeurosegException {
        AtomicFiles.writeText(file, out -> {
            out.write(header(traces.frames()));
            for (int row = 0; row < traces.neuronIds().length; row++) {
                StringBuilder line = new StringBuilder().append(traces.neuronIds()[row]);
                for (float value : traces.values()[row]) {
                    line.append(',').append(value);
                }
                out.write(line.append('\n').toString());
            }
        });
    }

    private static String header(int frames) {
        StringBuilder header = new StringBuilder("neuron");
        for (int t = 0; t < frames; t++) {
            header.append(",f").append(t);
        }
        return header.append('\n').toString();
    }
}
