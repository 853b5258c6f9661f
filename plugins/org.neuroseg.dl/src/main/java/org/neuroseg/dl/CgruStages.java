package org.neuroseg.dl;

import java.util.List;
import org.neuroseg.dl.infer.CgruPredictorStage;
import org.neuroseg.dl.train.CgruLearnerStage;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageProvider;

/**
 * Contributes the CGRU stages to {@link org.neuroseg.stage.Stages#all()} (registered in META-INF/services after
 * {@link UNetStages}, so they follow the U-Net in pipeline order).
 */
public final class CgruStages implements StageProvider {

    @Override
    public List<Stage> stages() {
        return List.of(CgruLearnerStage.INSTANCE, CgruPredictorStage.INSTANCE);
    }
}
