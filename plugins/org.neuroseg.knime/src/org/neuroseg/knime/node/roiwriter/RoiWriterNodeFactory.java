package org.neuroseg.knime.node.roiwriter;

import org.neuroseg.roi.RoiWriterStage;
import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.stage.Stage;

/** The ROI Writer node: runs {@link RoiWriterStage}; its description is {@code RoiWriterNodeFactory.xml}. */
public final class RoiWriterNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return RoiWriterStage.INSTANCE;
    }
}
