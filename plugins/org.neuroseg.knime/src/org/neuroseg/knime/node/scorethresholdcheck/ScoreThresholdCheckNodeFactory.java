package org.neuroseg.knime.node.scorethresholdcheck;

import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.metrics.ScoreThresholdCheckStage;
import org.neuroseg.stage.Stage;

/**
 * The Score Threshold Check node: runs {@link ScoreThresholdCheckStage}; its description is
 * {@code ScoreThresholdCheckNodeFactory.xml}.
 */
public final class ScoreThresholdCheckNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return ScoreThresholdCheckStage.INSTANCE;
    }
}
