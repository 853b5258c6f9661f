package org.knime.core.node;

public abstract class NodeFactory<T extends NodeModel> {
    protected NodeFactory() {
        throw new UnsupportedOperationException("compile-only stand-in of KNIME");
    }

    public abstract T createNodeModel();

    protected abstract int getNrNodeViews();

    @Deprecated
    public abstract NodeView<T> createNodeView(final int viewIndex, final T nodeModel);

    @Deprecated
    protected abstract boolean hasDialog();

    @Deprecated
    protected abstract NodeDialogPane createNodeDialogPane();
}
