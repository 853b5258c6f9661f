package org.neuroseg.knime.node.cgrulearner;

import org.neuroseg.dl.train.CgruLearnerStage;
import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.stage.Stage;

/** The CGRU Learner node: runs {@link CgruLearnerStage}; its description is {@code CgruLearnerNodeFactory.xml}. */
public final class CgruLearnerNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return CgruLearnerStage.INSTANCE;
    }
}
