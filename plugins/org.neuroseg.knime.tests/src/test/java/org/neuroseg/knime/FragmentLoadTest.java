package org.neuroseg.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;

/**
 * On Linux x86-64, the plug-in's jars from the update site put on one class loader the way OSGi does (the host's
 * Bundle-ClassPath, then its fragment's): the deep-learning engine and OpenCV load their natives from the fragment,
 * offline, into an empty cache; without the fragment both fail with a message for the user. Each case runs in a fresh
 * JVM, because PyTorch's natives can be loaded only once in a process and this one has them from the Maven class path.
 */
class FragmentLoadTest {

    private static final String FRAGMENT = "org.neuroseg.knime.linux.x86_64";

    @TempDir
    Path temp;

    /** Bundle jars copied out of the update site, by symbolic name. */
    private final Map<String, Path> jars = new HashMap<>();

    @BeforeAll
    static void onLinuxX86() {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch")),
                "the fragment of this platform is not Linux x86-64's: its natives cannot load here");
    }

    @Test
    void nativesLoadFromTheFragmentOffline() throws Exception {
        Map<String, String> out = probe(List.of("org.neuroseg.knime", FRAGMENT));

        assertEquals("[7.0, 10.0, 15.0, 22.0]", out.get("djl.product"), out.toString());
        assertEquals("true", out.get("djl.offline"));
        Path nativeJar = temp.resolve("classpath").resolve(FRAGMENT).resolve("lib/pytorch-native-cpu-linux-x86_64.jar");
        assertEquals("jar:" + nativeJar.toFile().toURI() + "!/native/lib/pytorch.properties",
                out.get("djl.properties"));
        assertTrue(Path.of(out.get("djl.libtorch")).startsWith(temp.resolve("djl-cache")), out.get("djl.libtorch"));

        assertEquals("30.0", out.get("opencv.sum"), out.toString());
        assertEquals("jar:" + jars.get(FRAGMENT).toFile().toURI() + "!/nu/pattern/opencv/linux/x86_64/"
                + System.mapLibraryName(Core.NATIVE_LIBRARY_NAME), out.get("opencv.library"));
    }

    @Test
    void withoutTheFragmentTheNodesSayWhatIsMissing() throws Exception {
        Map<String, String> out = probe(List.of("org.neuroseg.knime"));

        assertTrue(out.getOrDefault("djl.error", "").startsWith("PyTorch's native library for Linux x86-64 (Linux "
                + "on amd64) is not installed: in KNIME, reinstall NeuroSeg so that its fragment " + FRAGMENT),
                out.toString());
        assertEquals("Cannot load OpenCV's native library for Linux on amd64: it is not on the class path. NeuroSeg "
                + "runs on Linux x86-64 and ARM64, Windows x86-64 and macOS (Apple silicon and Intel); in KNIME the "
                + "library comes with the NeuroSeg fragment of the platform: reinstall NeuroSeg if it is missing.",
                out.get("opencv.error"), out.toString());
    }

    /**
     * Runs {@link NativesProbe} on the class path OSGi gives the first bundle with the others attached as its
     * fragments: each bundle's Bundle-ClassPath in order, "." being the bundle jar, lib/ jars copied out of it.
     */
    private Map<String, String> probe(List<String> bundles) throws Exception {
        List<String> classPath = new ArrayList<>();
        for (String bundle : bundles) {
            Path jar = UpdateSite.extractBundle(bundle, temp.resolve("bundles"));
            jars.put(bundle, jar);
            try (JarFile file = new JarFile(jar.toFile())) {
                for (String entry : file.getManifest().getMainAttributes().getValue("Bundle-ClassPath").split(",")) {
                    entry = entry.trim();
                    if (entry.equals(".")) {
                        classPath.add(jar.toString());
                        continue;
                    }
                    Path copy = temp.resolve("classpath").resolve(bundle).resolve(entry);
                    Files.createDirectories(copy.getParent());
                    ZipEntry zipEntry = file.getEntry(entry);
                    try (InputStream in = file.getInputStream(zipEntry)) {
                        Files.copy(in, copy);
                    }
                    classPath.add(copy.toString());
                }
            }
        }
        classPath.add(Path.of(NativesProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString());
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        Path log = temp.resolve("probe.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPath),
                "-DENGINE_CACHE_DIR=" + temp.resolve("djl-cache"), "-DDJL_CACHE_DIR=" + temp.resolve("djl"),
                "-Djava.io.tmpdir=" + tmp, NativesProbe.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(finished, "the probe did not finish in 5 minutes: " + output);
        assertEquals(0, process.exitValue(), output);
        Map<String, String> values = new HashMap<>();
        for (String line : output.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0 && line.matches("^(djl|opencv)\\.[a-z]+=.*")) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }
}
