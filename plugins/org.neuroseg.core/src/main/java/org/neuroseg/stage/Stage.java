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
    List<PortSpec> inputs();

    /** @return the outputs, in port order */
    List<PortSpec> outputs();

    /**
     * Runs the stage.
     *
     * @param inputs one value per input port, each an instance of its kind's Java type
     * @param parameters checked values for {@link #parameters()}
     * @param context output folder, progress and cancellation
     * @return one value per output port
     * @throws NeurosegException when the data cannot be processed (the message is for the user)
     * @throws CanceledException when the monitor was canceled; no partial output files remain
     */
    List<Object> run(List<Object> inputs, Parameters parameters, StageContext context)
            throws NeurosegException, CanceledException;

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
