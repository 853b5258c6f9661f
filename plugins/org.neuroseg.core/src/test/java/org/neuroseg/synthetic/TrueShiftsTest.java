package org.neuroseg.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.ProgressMonitor;

class TrueShiftsTest {

    @TempDir
    Path dir;

    @Test
    void readsWhatTheGeneratorWroteToFourDecimals() throws Exception {
        SyntheticResult result = SyntheticVideoGenerator.generate(SyntheticParams.epifluorescence().toBuilder()
                .size(32, 32, 20).neuronCount(2).jumpProbability(0.2).seed(4).build(), dir, ProgressMonitor.NONE);
        double[][] read = TrueShifts.read(result.shiftsFile());
        assertEquals(20, read.length);
        for (int t = 0; t < read.length; t++) {
            assertEquals(result.shifts()[t][0], read[t][0], 5e-5);
            assertEquals(result.shifts()[t][1], read[t][1], 5e-5);
        }
    }

    @Test
    void namesTheFileAndTheBadLine() throws Exception {
        Path file = Files.writeString(dir.resolve("s.csv"), "frame,dx,dy\n0,1.5,2\n1,x,3\n");
        NeurosegException error = assertThrows(NeurosegException.class, () -> TrueShifts.read(file));
        assertTrue(error.getMessage().contains(file.toString()) && error.getMessage().contains("line 3"),
                error.getMessage());
        Path other = Files.writeString(dir.resolve("o.csv"), "id,a\n");
        assertThrows(NeurosegException.class, () -> TrueShifts.read(other));
    }
}
