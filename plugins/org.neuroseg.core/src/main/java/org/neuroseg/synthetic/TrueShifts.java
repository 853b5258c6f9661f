package org.neuroseg.synthetic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.neuroseg.NeurosegException;

/**
 * Reads back the true motion the generator writes ({@link SyntheticVideoGenerator#SHIFTS}: a header
 * {@code frame,dx,dy}, then one line per frame in pixels, with the sign convention of {@link SyntheticResult}).
 */
public final class TrueShifts {

    private TrueShifts() {
    }

    /**
     * @return per frame {dx, dy} in pixels, frames x 2
     * @throws NeurosegException naming the file and the line when it cannot be read or is not such a table
     */
    public static double[][] read(Path file) throws NeurosegException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new NeurosegException("File not found: " + file, e);
        } catch (IOException e) {
            throw new NeurosegException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).trim().equals("frame,dx,dy")) {
            throw new NeurosegException(file + " is not a table of true shifts: its first line should be "
                    + "'frame,dx,dy'");
        }
        double[][] shifts = new double[lines.size() - 1][];
        for (int t = 0; t < shifts.length; t++) {
            String[] cells = lines.get(t + 1).split(",");
            try {
                if (cells.length != 3 || Integer.parseInt(cells[0].trim()) != t) {
                    throw new NumberFormatException("expected frame " + t + " and two numbers");
                }
                shifts[t] = new double[] {Double.parseDouble(cells[1]), Double.parseDouble(cells[2])};
            } catch (NumberFormatException e) {
                throw new NeurosegException(file + ", line " + (t + 2) + ": '" + lines.get(t + 1)
                        + "' is not 'frame,dx,dy' for frame " + t, e);
            }
        }
        return shifts;
    }
}
