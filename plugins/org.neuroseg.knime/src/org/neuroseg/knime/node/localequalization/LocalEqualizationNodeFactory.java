package org.neuroseg.knime.node.localequalization;

import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.preprocess.LocalEqualizationStage;
import org.neuroseg.stage.Stage;

/**
 * The Local Equalization node: runs {@link LocalEqualizationStage}; its description is {@code LocalEqualizationNodeFactory.xml}.
 */
public final class LocalEqualizationNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return LocalEqualizationStage.INSTANCE;
    }
}
