package org.neuroseg.stage;

import java.util.List;

/**
 * Contributes stages from a module that core cannot depend on (the deep-learning module). Implementations are
 * found with {@link java.util.ServiceLoader} through a {@code META-INF/services/org.neuroseg.stage.StageProvider}
 * file in their jar, so {@link Stages#all()} lists their stages whenever that jar is on the class path (or inside
 * the same bundle, in KNIME).
 */
public interface StageProvider {

    /** @return the contributed stages, in pipeline order */
    List<Stage> stages();
}
