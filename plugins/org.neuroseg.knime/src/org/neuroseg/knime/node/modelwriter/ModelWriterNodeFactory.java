package org.neuroseg.knime.node.modelwriter;

import org.neuroseg.dl.model.ModelWriterStage;
import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.stage.Stage;

/**
 * The Model Writer node: runs {@link ModelWriterStage}; its description is {@code ModelWriterNodeFactory.xml}.
 */
public final class ModelWriterNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return ModelWriterStage.INSTANCE;
    }
}
