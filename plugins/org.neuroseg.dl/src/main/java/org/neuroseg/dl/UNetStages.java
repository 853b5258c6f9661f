package org.neuroseg.dl;

import java.util.List;
import org.neuroseg.dl.infer.UNetPredictorStage;
import org.neuroseg.dl.train.UNetLearnerStage;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageProvider;

/** Contributes the deep-learning stages to {@link org.neuroseg.stage.Stages#all()} (registered in META-INF/services). */
public final class UNetStages implements StageProvider {

    @Override
    public List<Stage> stages() {
        return List.of(UNetLearnerStage.INSTANCE, UNetPredictorStage.INSTANCE);
    }
}
