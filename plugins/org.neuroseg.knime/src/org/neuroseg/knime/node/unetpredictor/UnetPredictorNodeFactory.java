package org.neuroseg.knime.node.unetpredictor;

import org.neuroseg.dl.infer.UNetPredictorStage;
import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.stage.Stage;

/**
 * The U-Net Predictor node: runs {@link UNetPredictorStage}; its description is
 * {@code UnetPredictorNodeFactory.xml}.
 */
public final class UnetPredictorNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return UNetPredictorStage.INSTANCE;
    }
}
