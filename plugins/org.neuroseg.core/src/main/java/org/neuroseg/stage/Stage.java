package org.neuroseg.stage;

import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.settings.KeyMigration;

/**
 * A pipeline stage as the command line, the KNIME adapter and the tests see it: what it is called, the parameters
 * it takes, its input and output ports, and a way to run it. Implementations are stateless and thread-safe.
 */
public interface Stage {

    /** @return stable kebab-case id, e.g. {@code video-reader}; names of the node and command derive from it */
    String id();

    /** @return the name users see, e.g. "Calcium Video Reader" */
    String name();

    /** @return where the node appears */
    StageCategory category();

    /** @return one sentence saying what the stage does */
    String shortDescription();

    /** @return a paragraph saying how it works and when to use it */
    String description();

    /** @return the parameters, in dialog order */
    List<ParamSpec> parameters();

    /** @return the inputs, in port order */
    List<PortSpec<?>> inputs();

    /** @return the outputs, in port order */
    List<PortSpec<?>> outputs();

    /**
     * Checks what single parameters cannot check alone: how parameters relate (a minimum below its maximum). The
     * KNIME node calls it when settings are applied or loaded, the command line before running, and {@link #run}
     * again. Nothing to check by default.
     *
     * @param parameters values for {@link #parameters()}, each valid on its own
     * @throws IllegalArgumentException naming the parameters by their labels, with their values
     */
    default void checkParameters(Parameters parameters) {
    }

    /**
     * Runs the stage.
     *
     * @param inputs a value on every input port
     * @param parameters checked values for {@link #parameters()}
     * @param context output folder, progress and cancellation
     * @return a value on every output port
     * @throws NeurosegException when the data cannot be processed (the message is for the user)
     * @throws CanceledException when the monitor was canceled; no partial output files remain
     * @throws IllegalArgumentException when {@link #checkParameters} refuses the parameters
     */
    PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException, CanceledException;

    /**
     * Runs the stage on values in port order, for adapters that hold ports by position (the KNIME node).
     *
     * @param inputs one value per input port, each of its port's type
     * @return one value per output port, in port order
     * @throws IllegalArgumentException when an input or output is missing or of the wrong type, or the parameters
     *         are refused
     * @see #run(PortValues, Parameters, StageContext)
     */
    default List<Object> runInPortOrder(List<Object> inputs, Parameters parameters, StageContext context)
            throws NeurosegException, CanceledException {
        checkParameters(parameters);
        return run(PortValues.inPortOrder(inputs(), inputs), parameters, context).inPortOrder(outputs());
    }

    /**
     * @return how settings saved by an older NeuroSeg, lacking a key of {@link #parameters()}, load with their
     *         meaning kept: one {@link KeyMigration} per renamed, re-based or added key;
     *         none by default
     */
    default List<KeyMigration> settingsMigrations() {
        return List.of();
    }

    /** @return every parameter at its initial value ({@link Parameters#defaults}) */
    default Parameters defaults() {
        return Parameters.defaults(parameters());
    }
}
