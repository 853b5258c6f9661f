package org.neuroseg.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The built update site ships the adapter and never the compile-only KNIME stand-in. */
class UpdateSiteTest {

    @Test
    void siteHoldsTheAdapterButNotTheStandIn() throws IOException {
        Path target = NodeNames.root().resolve("update-site/target");
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(target)) {
            Path archive = files.filter(f -> f.getFileName().toString().endsWith(".zip")).findFirst().orElseThrow(
                    () -> new AssertionError("no update site archive in " + target + "; build the update site"));
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                zip.stream().map(ZipEntry::getName).forEach(names::add);
            }
        }
        assertTrue(names.stream().anyMatch(n -> n.startsWith("plugins/org.neuroseg.knime_")), names.toString());
        assertEquals(List.of(), names.stream().filter(n -> n.contains("org.knime.")).toList());
    }
}
