package org.neuroseg.knime.node.morphologicalrefinement;

import org.neuroseg.segmentation.RefinementStage;
import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.stage.Stage;

/** The Morphological Refinement node: runs {@link RefinementStage}; its description is {@code MorphologicalRefinementNodeFactory.xml}. */
public final class MorphologicalRefinementNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return RefinementStage.INSTANCE;
    }
}
