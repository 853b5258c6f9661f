package org.neuroseg.knime.node.segmentationscorer;

import org.neuroseg.metrics.ScoreStage;
import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.stage.Stage;

/** The Segmentation Scorer node: runs {@link ScoreStage}; its description is {@code SegmentationScorerNodeFactory.xml}. */
public final class SegmentationScorerNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return ScoreStage.INSTANCE;
    }
}
