package org.neuroseg.knime.node.segmentationscorer;

import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.metrics.SegmentationScorerStage;
import org.neuroseg.stage.Stage;

/**
 * The Segmentation Scorer node: runs {@link SegmentationScorerStage}; its description is
 * {@code SegmentationScorerNodeFactory.xml}.
 */
public final class SegmentationScorerNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return SegmentationScorerStage.INSTANCE;
    }
}
