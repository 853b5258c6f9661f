package org.neuroseg.knime.node.motioncorrection;

import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.preprocess.MotionCorrectionStage;
import org.neuroseg.stage.Stage;

/**
 * The Motion Correction node: runs {@link MotionCorrectionStage}; its description is {@code MotionCorrectionNodeFactory.xml}.
 */
public final class MotionCorrectionNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return MotionCorrectionStage.INSTANCE;
    }
}
