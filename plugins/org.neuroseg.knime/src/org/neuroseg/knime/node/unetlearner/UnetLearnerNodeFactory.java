package org.neuroseg.knime.node.unetlearner;

import org.neuroseg.dl.train.UNetLearnerStage;
import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.stage.Stage;

/** The U-Net Learner node: runs {@link UNetLearnerStage}; its description is {@code UnetLearnerNodeFactory.xml}. */
public final class UnetLearnerNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return UNetLearnerStage.INSTANCE;
    }
}
