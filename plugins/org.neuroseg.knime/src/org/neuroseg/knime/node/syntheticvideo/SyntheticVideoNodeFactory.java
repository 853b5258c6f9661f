package org.neuroseg.knime.node.syntheticvideo;

import org.neuroseg.synthetic.SyntheticVideoStage;
import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.stage.Stage;

/** The Synthetic Video Generator node: runs {@link SyntheticVideoStage}; its description is {@code SyntheticVideoNodeFactory.xml}. */
public final class SyntheticVideoNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return SyntheticVideoStage.INSTANCE;
    }
}
