package org.neuroseg.knime.node.projection;

import org.neuroseg.segmentation.ProjectionStage;
import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.stage.Stage;

/** The Projection node: runs {@link ProjectionStage}; its description is {@code ProjectionNodeFactory.xml}. */
public final class ProjectionNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return ProjectionStage.INSTANCE;
    }
}
