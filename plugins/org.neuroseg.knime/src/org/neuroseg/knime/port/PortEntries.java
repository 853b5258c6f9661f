package org.neuroseg.knime.port;

import java.io.IOException;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The metadata of a NeuroSeg port as one properties entry of the zip stream KNIME saves a port or spec into. Uses
 * no KNIME class, so the format is tested without KNIME.
 */
final class PortEntries {

    private PortEntries() {
    }

    /** Writes {@code properties} as the entry {@code name}, then closes the entry. */
    static void write(ZipOutputStream out, String name, Properties properties) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        properties.store(out, "NeuroSeg port metadata");
        out.closeEntry();
    }

    /**
     * Reads the entry {@code name}, which must be the next one.
     *
     * @throws IOException when the next entry is missing or has another name
     */
    static Properties read(ZipInputStream in, String name) throws IOException {
        ZipEntry entry = in.getNextEntry();
        if (entry == null || !name.equals(entry.getName())) {
            throw new IOException("no " + name + " in the saved NeuroSeg port");
        }
        Properties properties = new Properties();
        properties.load(in);
        return properties;
    }
}
