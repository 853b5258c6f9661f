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
import org.neuroseg.video.VideoShape;

/**
 * What is known about a video on a port before its frames are read: shape (T, Y, X), pixel type and frame rate.
 *
 * @param shape frames, height, width and pixel type
 * @param frameRateHz frames per second, 0 when unknown
 */
public record VideoPortObjectSpec(VideoShape shape, double frameRateHz) implements PortObjectSpec {

    private static final String ENTRY = "neuroseg-video.properties";

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public String toString() {
        return shape + (frameRateHz > 0 ? " at " + frameRateHz + " Hz" : "");
    }

    /** Writes the spec as one properties entry: frames, height, width, pixelType, frameRateHz. */
    static void writeEntry(VideoPortObjectSpec spec, ZipOutputStream out) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("frames", Integer.toString(spec.shape.frames()));
        properties.setProperty("height", Integer.toString(spec.shape.height()));
        properties.setProperty("width", Integer.toString(spec.shape.width()));
        properties.setProperty("pixelType", spec.shape.pixelType().name());
        properties.setProperty("frameRateHz", Double.toString(spec.frameRateHz));
        PortEntries.write(out, ENTRY, properties);
    }

    /** Reads the entry written by {@link #writeEntry}. */
    static VideoPortObjectSpec readEntry(ZipInputStream in) throws IOException {
        Properties properties = PortEntries.read(in, ENTRY);
        try {
            return new VideoPortObjectSpec(new VideoShape(Integer.parseInt(properties.getProperty("frames")),
                    Integer.parseInt(properties.getProperty("height")),
                    Integer.parseInt(properties.getProperty("width")),
                    PixelType.valueOf(properties.getProperty("pixelType"))),
                    Double.parseDouble(properties.getProperty("frameRateHz")));
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
