package org.neuroseg.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.ArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The built update site ships the adapter, with what it embeds, and never the compile-only KNIME stand-in. */
class UpdateSiteTest {

    @Test
    void siteHoldsTheAdapterButNotTheStandIn() throws IOException {
        List<String> names = UpdateSite.entries();
        assertTrue(names.stream().anyMatch(n -> n.startsWith("plugins/org.neuroseg.knime_")), names.toString());
        assertEquals(List.of(), names.stream().filter(n -> n.contains("org.knime.")).toList());
    }

    /**
     * Video readers and the deep-learning stages are found with ServiceLoader through the class loader of the
     * bundle, which reads the services files of the jars on its Bundle-ClassPath: they must be inside those jars.
     */
    @Test
    void embeddedJarsCarryTheirServicesFiles() throws IOException {
        byte[] adapter = null;
        try (ZipFile zip = new ZipFile(UpdateSite.archive().toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (entry.getName().startsWith("plugins/org.neuroseg.knime_")) {
                    adapter = zip.getInputStream(entry).readAllBytes();
                }
            }
        }
        assertTrue(adapter != null, "no adapter bundle in the update site");
        assertTrue(entries(nested(adapter, "lib/org.neuroseg.core.jar"))
                .contains("META-INF/services/org.neuroseg.io.VideoReader"));
        assertTrue(entries(nested(adapter, "lib/org.neuroseg.dl.jar"))
                .contains("META-INF/services/org.neuroseg.stage.StageProvider"));
    }

    private static byte[] nested(byte[] jar, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " is not in the adapter bundle");
    }

    private static List<String> entries(byte[] jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
