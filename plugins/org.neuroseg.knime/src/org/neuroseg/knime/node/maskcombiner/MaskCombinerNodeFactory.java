package org.neuroseg.knime.node.maskcombiner;

import org.neuroseg.segmentation.MaskCombinerStage;
import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.stage.Stage;

/** The Mask Combiner node: runs {@link MaskCombinerStage}; its description is {@code MaskCombinerNodeFactory.xml}. */
public final class MaskCombinerNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return MaskCombinerStage.INSTANCE;
    }
}
