package org.neuroseg.knime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The built update site archive (update-site/target/*.zip) and the bundles and features in it. */
final class UpdateSite {

    private UpdateSite() {
    }

    /** @return the archive; fails naming the folder when the update site has not been built */
    static Path archive() throws IOException {
        Path target = NodeNames.root().resolve("update-site/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".zip")).findFirst().orElseThrow(
                    () -> new AssertionError("no update site archive in " + target + "; build the update site"));
        }
    }

    /** @return the names of all entries of the archive */
    static List<String> entries() throws IOException {
        try (ZipFile zip = new ZipFile(archive().toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    /**
     * @param folder "plugins" or "features"
     * @param id the bundle's symbolic name or the feature's id
     * @return the one entry {@code folder/id_<version>.jar} of the archive
     */
    static String entry(ZipFile zip, String folder, String id) {
        List<String> matches = zip.stream().map(ZipEntry::getName)
                .filter(n -> n.startsWith(folder + "/" + id + "_") && n.endsWith(".jar")).toList();
        if (matches.size() != 1) {
            throw new AssertionError("expected one " + folder + "/" + id + "_*.jar in " + zip.getName() + ", found "
                    + matches);
        }
        return matches.get(0);
    }

    /** Copies the jar of bundle {@code id} out of the site into {@code folder} and returns it. */
    static Path extractBundle(String id, Path folder) throws IOException {
        try (ZipFile zip = new ZipFile(archive().toFile())) {
            String name = entry(zip, "plugins", id);
            Path jar = folder.resolve(name.substring("plugins/".length()));
            Files.createDirectories(folder);
            try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                Files.copy(in, jar);
            }
            return jar;
        }
    }
}
