package org.neuroseg.knime.node.applyshifts;

import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.preprocess.ApplyShiftsStage;
import org.neuroseg.stage.Stage;

/**
 * The Apply Shifts node: runs {@link ApplyShiftsStage}; its description is {@code ApplyShiftsNodeFactory.xml}.
 */
public final class ApplyShiftsNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return ApplyShiftsStage.INSTANCE;
    }
}
