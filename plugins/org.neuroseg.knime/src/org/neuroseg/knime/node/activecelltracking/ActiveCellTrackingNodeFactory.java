package org.neuroseg.knime.node.activecelltracking;

import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.segmentation.ActiveCellTrackingStage;
import org.neuroseg.stage.Stage;

/**
 * The Active Cell Tracking node: runs {@link ActiveCellTrackingStage}; its description is
 * {@code ActiveCellTrackingNodeFactory.xml}.
 */
public final class ActiveCellTrackingNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return ActiveCellTrackingStage.INSTANCE;
    }
}
