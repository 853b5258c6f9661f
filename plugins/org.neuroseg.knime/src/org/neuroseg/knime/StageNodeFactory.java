package org.neuroseg.knime;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;
import org.neuroseg.stage.Stage;

/**
 * Base of every NeuroSeg node factory: a subclass only names its {@link Stage}; model, dialog and ports follow from
 * the stage's descriptor, and the node description is the {@code <Factory>.xml} file next to the subclass.
 */
public abstract class StageNodeFactory extends NodeFactory<StageNodeModel> {

    /**
     * Returns the stage this node runs. Must not depend on instance fields: KNIME may call it while the factory is
     * still being constructed.
     *
     * @return the stage, a shared stateless instance
     */
    protected abstract Stage stage();

    @Override
    public StageNodeModel createNodeModel() {
        return new StageNodeModel(stage());
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    /** NeuroSeg nodes have no views: never called, since {@link #getNrNodeViews()} is 0. */
    @Override
    public NodeView<StageNodeModel> createNodeView(int viewIndex, StageNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("NeuroSeg nodes have no views, asked for view " + viewIndex);
    }

    @Override
    protected boolean hasDialog() {
        return !stage().parameters().isEmpty();
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new StageNodeDialog(stage());
    }
}
