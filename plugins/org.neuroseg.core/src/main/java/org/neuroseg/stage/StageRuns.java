package org.neuroseg.stage;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.neuroseg.NeurosegException;

/**
 * Runs a stage for an adapter that holds its inputs and outputs in another form (the KNIME node): opens the
 * inputs one by one, runs the stage, converts the outputs, and closes every input and output that it opened,
 * whatever fails. Leaving an input open would keep its file locked (on Windows the upstream node's file stores
 * could then not be deleted).
 */
public final class StageRuns {

    private StageRuns() {
    }

    /** Opens the stage input of one port. */
    @FunctionalInterface
    public interface Opener {
        /**
         * @return the value for the port, of its type; a {@link Closeable} is closed after the run
         * @throws NeurosegException when the input cannot be read
         */
        Object open() throws NeurosegException;
    }

    /** Converts the stage's outputs while they are still open. */
    @FunctionalInterface
    public interface Converter<R> {
        /**
         * @param outputs one value per output port, in port order
         * @return the adapter's form of them
         */
        R convert(List<Object> outputs) throws NeurosegException, CanceledException;
    }

    /**
     * @param inputs one opener per input port, in port order
     * @return what {@code converter} made of the outputs
     * @throws NeurosegException when an input cannot be opened, the stage fails or an output cannot be converted
     * @throws CanceledException when canceled
     */
    public static <R> R run(Stage stage, List<Opener> inputs, Parameters parameters, StageContext context,
            Converter<R> converter) throws NeurosegException, CanceledException {
        List<Object> opened = new ArrayList<>(inputs.size());
        try {
            for (Opener input : inputs) {
                opened.add(input.open());
            }
            List<Object> outputs = stage.runInPortOrder(opened, parameters, context);
            try {
                return converter.convert(outputs);
            } finally {
                closeAll(outputs);
            }
        } finally {
            closeAll(opened);
        }
    }

    /** Closes every value that is {@link Closeable}, trying all before reporting the first failure. */
    static void closeAll(Collection<?> values) throws NeurosegException {
        IOException first = null;
        for (Object value : values) {
            if (value instanceof Closeable closeable) {
                try {
                    closeable.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
        }
        if (first != null) {
            throw new NeurosegException("Cannot close a stage's input or output: " + first.getMessage(), first);
        }
    }
}
