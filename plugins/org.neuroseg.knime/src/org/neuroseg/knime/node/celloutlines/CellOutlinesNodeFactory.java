package org.neuroseg.knime.node.celloutlines;

import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.segmentation.CellOutlineStage;
import org.neuroseg.stage.Stage;

/**
 * The Cell Outlines node: runs {@link CellOutlineStage}; its description is {@code CellOutlinesNodeFactory.xml}.
 */
public final class CellOutlinesNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return CellOutlineStage.INSTANCE;
    }
}
