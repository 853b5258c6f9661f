package org.neuroseg.knime.node.videoreader;

import org.neuroseg.io.VideoReaderStage;
import org.neuroseg.knime.StageNodeFactory;
import org.neuroseg.stage.Stage;

/** The Calcium Video Reader node: runs {@link VideoReaderStage}; its description is {@code VideoReaderNodeFactory.xml}. */
public final class VideoReaderNodeFactory extends StageNodeFactory {

    @Override
    protected Stage stage() {
        return VideoReaderStage.INSTANCE;
    }
}
