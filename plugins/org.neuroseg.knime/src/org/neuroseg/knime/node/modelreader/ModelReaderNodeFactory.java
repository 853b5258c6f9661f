package org.neuroseg.knime.node.modelreader;

import org.neuroseg.dl.model.ModelReaderStage;
import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.stage.Stage;

/**
 * The Model Reader node: runs {@link ModelReaderStage}; its description is {@code ModelReaderNodeFactory.xml}.
 */
public final class ModelReaderNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return ModelReaderStage.INSTANCE;
    }
}
