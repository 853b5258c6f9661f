package org.neuroseg.knime.node.bloblabeler;

import org.neuroseg.segmentation.BlobLabelerStage;
import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.stage.Stage;

/** The Blob Labeler node: runs {@link BlobLabelerStage}; its description is {@code BlobLabelerNodeFactory.xml}. */
public final class BlobLabelerNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return BlobLabelerStage.INSTANCE;
    }
}
