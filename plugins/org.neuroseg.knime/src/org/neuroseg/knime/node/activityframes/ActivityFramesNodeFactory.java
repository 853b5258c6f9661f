package org.neuroseg.knime.node.activityframes;

import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.preprocess.ActivityFramesStage;
import org.neuroseg.stage.Stage;

/**
 * The Activity Frames node: runs {@link ActivityFramesStage}; its description is
 * {@code ActivityFramesNodeFactory.xml}.
 */
public final class ActivityFramesNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return ActivityFramesStage.INSTANCE;
    }
}
