package org.neuroseg.knime.port;

import java.io.IOException;
import java.util.Properties;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.swing.JComponent;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.VideoShape;

/**
 * What is known about a video on a port before its frames are read: shape (T, C, Y, X), pixel type and the recording
 * facts (frame rate, pixel size, cell diameter).
 *
 * @param shape frames, channels, height, width and pixel type
 * @param recording what is known of the recording, each fact 0 when unknown
 */
public record VideoPortObjectSpec(VideoShape shape, RecordingInfo recording) implements PortObjectSpec {

    private static final String ENTRY = "neuroseg-video.properties";

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public String toString() {
        return shape + (recording.equals(RecordingInfo.UNKNOWN) ? "" : " (" + recording + ")");
    }

    /**
     * Writes the spec as one properties entry: frames, channels, height, width, pixelType, frameRateHz,
     * micronsPerPixel, cellDiameterPx.
     */
    static void writeEntry(VideoPortObjectSpec spec, ZipOutputStream out) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("frames", Integer.toString(spec.shape.frames()));
        properties.setProperty("channels", Integer.toString(spec.shape.channels()));
        properties.setProperty("height", Integer.toString(spec.shape.height()));
        properties.setProperty("width", Integer.toString(spec.shape.width()));
        properties.setProperty("pixelType", spec.shape.pixelType().name());
        properties.setProperty("frameRateHz", Double.toString(spec.recording.frameRateHz()));
        properties.setProperty("micronsPerPixel", Double.toString(spec.recording.micronsPerPixel()));
        properties.setProperty("cellDiameterPx", Double.toString(spec.recording.cellDiameterPx()));
        PortEntries.write(out, ENTRY, properties);
    }

    /**
     * Reads the entry written by {@link #writeEntry}. Entries saved before channels and recording facts were kept
     * (no channels, micronsPerPixel or cellDiameterPx) read as one channel with those facts unknown.
     */
    static VideoPortObjectSpec readEntry(ZipInputStream in) throws IOException {
        Properties properties = PortEntries.read(in, ENTRY);
        try {
            VideoShape shape = new VideoShape(Integer.parseInt(properties.getProperty("frames")),
                    Integer.parseInt(properties.getProperty("channels", "1")),
                    Integer.parseInt(properties.getProperty("height")),
                    Integer.parseInt(properties.getProperty("width")),
                    PixelType.valueOf(properties.getProperty("pixelType")));
            RecordingInfo recording = new RecordingInfo(Double.parseDouble(properties.getProperty("frameRateHz")),
                    Double.parseDouble(properties.getProperty("micronsPerPixel", "0")),
                    Double.parseDouble(properties.getProperty("cellDiameterPx", "0")));
            return new VideoPortObjectSpec(shape, recording);
        } catch (RuntimeException e) {
            throw new IOException("corrupt NeuroSeg video port description " + properties, e);
        }
    }

    /** Saves and loads the spec with the workflow. Registered at extension point org.knime.core.PortType. */
    public static final class Serializer extends PortObjectSpecSerializer<VideoPortObjectSpec> {

        @Override
        public void savePortObjectSpec(VideoPortObjectSpec spec, PortObjectSpecZipOutputStream out)
                throws IOException {
            writeEntry(spec, out);
        }

        @Override
        public VideoPortObjectSpec loadPortObjectSpec(PortObjectSpecZipInputStream in) throws IOException {
            return readEntry(in);
        }
    }
}
