package org.neuroseg.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.VideoShape;

/**
 * What the serializers of the NeuroSeg ports save with a workflow: one small properties entry of metadata, never the
 * data in the file store. Runs the adapter's entry writer and reader, which use no KNIME class, on plain zip
 * streams (KNIME's port zip streams are ZipOutputStream/ZipInputStream subclasses).
 */
class PortMetadataTest {

    private static final String MODEL_SPEC = "org.neuroseg.knime.port.ModelPortObjectSpec";
    private static final String VIDEO_SPEC = "org.neuroseg.knime.port.VideoPortObjectSpec";

    @Test
    void modelPortSavesOnlyArchitectureAndFileName() throws Exception {
        Class<?> type = Class.forName(MODEL_SPEC, true, KnimeTestSupport.adapterLoader());
        Object spec = type.getConstructor(String.class, String.class).newInstance("unet", "unet-model.zip");
        byte[] saved = write(type, spec);
        assertEquals(List.of("neuroseg-model.properties"), entryNames(saved));
        Properties properties = firstEntry(saved);
        assertEquals(Set.of("architecture", "fileName"), properties.stringPropertyNames());
        assertEquals("unet", properties.getProperty("architecture"));
        assertEquals("unet-model.zip", properties.getProperty("fileName"));
        assertEquals(spec, read(type, saved));
    }

    @Test
    void videoPortSavesOnlyShapeAndRecordingFacts() throws Exception {
        Class<?> type = Class.forName(VIDEO_SPEC, true, KnimeTestSupport.adapterLoader());
        Object spec = type.getConstructor(VideoShape.class, RecordingInfo.class)
                .newInstance(new VideoShape(50, 2, 64, 48, PixelType.UINT16), new RecordingInfo(20, 1.46, 9.5));
        byte[] saved = write(type, spec);
        assertEquals(List.of("neuroseg-video.properties"), entryNames(saved));
        assertEquals(Set.of("frames", "channels", "height", "width", "pixelType", "frameRateHz", "micronsPerPixel",
                "cellDiameterPx"), firstEntry(saved).stringPropertyNames());
        assertEquals(spec, read(type, saved));
    }

    @Test
    void videoPortSavedBeforeChannelsAndRecordingFactsLoadsAsOneChannel() throws Exception {
        // the entry as the adapter wrote it before: frames, height, width, pixelType and frameRateHz only
        Properties old = new Properties();
        old.setProperty("frames", "50");
        old.setProperty("height", "64");
        old.setProperty("width", "48");
        old.setProperty("pixelType", "UINT16");
        old.setProperty("frameRateHz", "20.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("neuroseg-video.properties"));
            old.store(zip, "NeuroSeg port metadata");
            zip.closeEntry();
        }
        Class<?> type = Class.forName(VIDEO_SPEC, true, KnimeTestSupport.adapterLoader());
        Object expected = type.getConstructor(VideoShape.class, RecordingInfo.class)
                .newInstance(new VideoShape(50, 1, 64, 48, PixelType.UINT16), RecordingInfo.ofFrameRate(20));
        assertEquals(expected, read(type, bytes.toByteArray()));
    }

    @Test
    void readingAnotherPortsMetadataFails() throws Exception {
        ClassLoader loader = KnimeTestSupport.adapterLoader();
        Class<?> video = Class.forName(VIDEO_SPEC, true, loader);
        byte[] saved = write(video, video.getConstructor(VideoShape.class, RecordingInfo.class)
                .newInstance(new VideoShape(1, 8, 8, PixelType.FLOAT32), RecordingInfo.UNKNOWN));
        Class<?> model = Class.forName(MODEL_SPEC, true, loader);
        InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> read(model, saved));
        assertInstanceOf(IOException.class, e.getCause());
    }

    @Test
    void modelSpecRefusesABlankArchitecture() throws Exception {
        Class<?> type = Class.forName(MODEL_SPEC, true, KnimeTestSupport.adapterLoader());
        InvocationTargetException e = assertThrows(InvocationTargetException.class,
                () -> type.getConstructor(String.class, String.class).newInstance(" ", "model.zip"));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }

    private static byte[] write(Class<?> type, Object spec) throws Exception {
        Method write = type.getDeclaredMethod("writeEntry", type, ZipOutputStream.class);
        write.setAccessible(true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            write.invoke(null, spec, zip);
        }
        return bytes.toByteArray();
    }

    private static Object read(Class<?> type, byte[] saved) throws Exception {
        Method read = type.getDeclaredMethod("readEntry", ZipInputStream.class);
        read.setAccessible(true);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(saved))) {
            return read.invoke(null, zip);
        }
    }

    private static List<String> entryNames(byte[] saved) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(saved))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static Properties firstEntry(byte[] saved) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(saved))) {
            zip.getNextEntry();
            Properties properties = new Properties();
            properties.load(zip);
            return properties;
        }
    }
}
