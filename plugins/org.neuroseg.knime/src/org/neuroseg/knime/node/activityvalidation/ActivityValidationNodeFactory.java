package org.neuroseg.knime.node.activityvalidation;

import org.neuroseg.activity.ActivityValidationStage;
import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.stage.Stage;

/** The Activity Validation node: runs {@link ActivityValidationStage}; its description is {@code ActivityValidationNodeFactory.xml}. */
public final class ActivityValidationNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return ActivityValidationStage.INSTANCE;
    }
}
