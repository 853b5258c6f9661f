package org.neuroseg.knime.node.cgrupredictor;

import org.neuroseg.dl.infer.CgruPredictorStage;
import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.stage.Stage;

/**
 * The CGRU Predictor node: runs {@link CgruPredictorStage}; its description is
 * {@code CgruPredictorNodeFactory.xml}.
 */
public final class CgruPredictorNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return CgruPredictorStage.INSTANCE;
    }
}
