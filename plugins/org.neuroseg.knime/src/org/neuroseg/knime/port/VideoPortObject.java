package org.neuroseg.knime.port;

import java.io.IOException;
import javax.swing.JComponent;
import org.knime.core.data.filestore.FileStore;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.VideoStore;
import org.neuroseg.view.VideoViewer;

/**
 * A video (or a one-frame image) on a KNIME port. The frames stay in a NeuroSeg video store file inside the node's
 * file store; the port itself saves only the shape and the recording facts, so passing a video between nodes never
 * copies its frames. Value-based equality: same spec and same file store.
 */
public final class VideoPortObject extends FileStoredPortObject<VideoPortObjectSpec> {

    /**
     * @param spec shape and recording facts of the stored video
     * @param store file store holding the video store file
     */
    public VideoPortObject(VideoPortObjectSpec spec, FileStore store) {
        super("Video", spec, store);
    }

    private VideoPortObject(VideoPortObjectSpec spec) {
        super("Video", spec);
    }

    /**
     * Opens the frames for reading; the caller closes the video.
     *
     * @throws NeurosegException when the file store no longer holds a valid video store
     */
    public FileVideo openVideo() throws NeurosegException {
        return VideoStore.open(getFileStore(0).getFile().toPath());
    }

    /** @return a viewer that reads one frame at a time from the file store and closes the file when hidden */
    @Override
    protected JComponent view() throws NeurosegException {
        return new VideoViewer(this::openVideo);
    }

    /** Saves the metadata only (the frames are in the file store). Registered at org.knime.core.PortType. */
    public static final class Serializer extends PortObjectSerializer<VideoPortObject> {

        @Override
        public void savePortObject(VideoPortObject video, PortObjectZipOutputStream out, ExecutionMonitor exec)
                throws IOException {
            VideoPortObjectSpec.writeEntry(video.getSpec(), out);
        }

        @Override
        public VideoPortObject loadPortObject(PortObjectZipInputStream in, PortObjectSpec spec,
                ExecutionMonitor exec) throws IOException {
            return new VideoPortObject(VideoPortObjectSpec.readEntry(in));
        }
    }
}
