package org.neuroseg.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencv.core.Core;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Each platform fragment on the built update site: attached to the plug-in and filtered to its platform, holding the
 * native files that DJL and OpenCV look up there, and listed in the feature with its os and arch, so that p2 installs
 * only the user's platform. The plug-in itself carries no PyTorch or OpenCV natives.
 */
class PlatformFragmentsTest {

    private static final String HOST = "org.neuroseg.knime";
    private static final String DJL_PROPERTIES = "native/lib/pytorch.properties";

    /** The bundles read so far: reading one streams all of its (up to 180 MB of) natives. */
    private static final Map<String, Bundle> BUNDLES = new HashMap<>();

    /**
     * One fragment. {@code djl}: DJL's classifier (null: PyTorch has no build there); {@code opencv}: the folder
     * nu.pattern.OpenCV reads its library from on that platform.
     */
    record Platform(String os, String arch, String djl, String opencv) {

        String fragment() {
            return HOST + "." + os + "." + arch;
        }

        /** The file name the platform gives library {@code name}. */
        String library(String name) {
            return switch (os) {
                case "win32" -> name + ".dll";
                case "macosx" -> "lib" + name + ".dylib";
                default -> "lib" + name + ".so";
            };
        }

        String opencvResource() {
            return "nu/pattern/opencv/" + opencv + "/" + library(Core.NATIVE_LIBRARY_NAME);
        }
    }

    static List<Platform> platforms() {
        return List.of(new Platform("linux", "x86_64", "linux-x86_64", "linux/x86_64"),
                new Platform("linux", "aarch64", "linux-aarch64", "linux/ARMv8"),
                new Platform("win32", "x86_64", "win-x86_64", "windows/x86_64"),
                new Platform("macosx", "aarch64", "osx-aarch64", "osx/ARMv8"),
                new Platform("macosx", "x86_64", null, "osx/x86_64"));
    }

    @ParameterizedTest
    @MethodSource("platforms")
    void fragmentAttachesToThePlugInOnItsPlatformOnly(Platform platform) throws IOException {
        Bundle fragment = bundle(platform.fragment());
        Attributes manifest = fragment.manifest().getMainAttributes();
        assertEquals(platform.fragment(), manifest.getValue("Bundle-SymbolicName"));
        assertEquals(HOST + ";bundle-version=\"[0.1.0,0.2.0)\"", manifest.getValue("Fragment-Host"));
        assertEquals("(&(osgi.os=" + platform.os() + ")(osgi.arch=" + platform.arch() + "))",
                manifest.getValue("Eclipse-PlatformFilter"));
        for (String entry : fragment.classPath()) {
            assertTrue(entry.equals(".") || fragment.entries().contains(entry),
                    platform.fragment() + " lacks its Bundle-ClassPath entry " + entry);
        }
    }

    @ParameterizedTest
    @MethodSource("platforms")
    void fragmentHoldsTheNativesDjlAndOpenCvLookUpOnItsPlatform(Platform platform) throws IOException {
        Bundle fragment = bundle(platform.fragment());
        // OpenCV: its loader reads this resource (the name is the one in OpenCV's own jar) from the host's class
        // loader, which the fragment's root "." joins
        assertNotNull(Core.class.getResource("/" + platform.opencvResource()), platform.opencvResource());
        assertTrue(fragment.classPath().contains("."), fragment.classPath().toString());
        assertEquals(Set.of(platform.opencvResource()), fragment.natives());

        List<String> pytorchJars = fragment.nested().entrySet().stream()
                .filter(jar -> jar.getValue().contains(DJL_PROPERTIES)).map(Map.Entry::getKey).toList();
        if (platform.djl() == null) {
            assertEquals(List.of(), pytorchJars, platform.fragment() + " carries PyTorch natives");
            return;
        }
        String jar = "lib/pytorch-native-cpu-" + platform.djl() + ".jar";
        assertEquals(List.of(jar), pytorchJars);
        assertTrue(fragment.classPath().contains(jar), fragment.classPath().toString());
        // DJL picks the jar whose properties name this platform, then extracts each listed library
        Properties properties = fragment.pytorchProperties().get(jar);
        assertEquals(platform.djl(), properties.getProperty("classifier"));
        assertEquals("cpu", properties.getProperty("flavor"));
        List<String> libraries = Arrays.asList(properties.getProperty("libraries").split(","));
        assertTrue(libraries.contains(platform.library("torch")), libraries.toString());
        for (String library : libraries) {
            assertTrue(fragment.nested().get(jar).contains("pytorch/cpu/" + platform.djl() + "/" + library),
                    jar + " lacks " + library);
        }
        // DJL's JNI bridge for the platform stays in the plug-in, in the platform-independent pytorch-jni jar
        assertTrue(bundle(HOST).nested().get("lib/pytorch-jni.jar")
                .contains("jnilib/" + platform.djl() + "/cpu/" + platform.library("djl_torch")));
    }

    @Test
    void featureInstallsEachFragmentOnlyOnItsPlatform() throws Exception {
        Document feature;
        try (ZipFile site = new ZipFile(UpdateSite.archive().toFile());
                ZipInputStream jar = new ZipInputStream(
                        site.getInputStream(site.getEntry(
                                UpdateSite.entry(site, "features", "org.neuroseg.feature"))))) {
            feature = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(entry(jar, "feature.xml")));
        }
        Map<String, Element> plugins = new HashMap<>();
        NodeList list = feature.getElementsByTagName("plugin");
        for (int i = 0; i < list.getLength(); i++) {
            Element plugin = (Element) list.item(i);
            plugins.put(plugin.getAttribute("id"), plugin);
        }
        List<String> expected = new ArrayList<>(List.of(HOST));
        platforms().forEach(p -> expected.add(p.fragment()));
        assertEquals(new TreeSet<>(expected), new TreeSet<>(plugins.keySet()));
        assertEquals("", plugins.get(HOST).getAttribute("os"));
        for (Platform platform : platforms()) {
            Element plugin = plugins.get(platform.fragment());
            assertEquals(List.of(platform.os(), platform.arch(), "true"), List.of(plugin.getAttribute("os"),
                    plugin.getAttribute("arch"), plugin.getAttribute("fragment")), platform.fragment());
        }
    }

    @Test
    void siteCarriesEveryFragmentAndThePlugInCarriesNoPlatformNatives() throws IOException {
        List<String> bundles = UpdateSite.entries().stream().filter(n -> n.startsWith("plugins/") && n.endsWith(".jar"))
                .map(n -> n.substring("plugins/".length(), n.lastIndexOf('_'))).sorted().toList();
        List<String> expected = new ArrayList<>(List.of(HOST));
        platforms().forEach(p -> expected.add(p.fragment()));
        assertEquals(expected.stream().sorted().toList(), bundles);

        Bundle host = bundle(HOST);
        assertEquals(Set.of(), host.natives());
        assertTrue(host.entries().contains("nu/pattern/OpenCV.class"), "OpenCV's loader is not in the plug-in's root");
        assertEquals(Map.of(), host.pytorchProperties());
        host.nested().forEach((jar, names) -> assertEquals(List.of(),
                names.stream().filter(n -> n.contains(Core.NATIVE_LIBRARY_NAME)).toList(), jar));
    }

    private static Bundle bundle(String id) throws IOException {
        Bundle bundle = BUNDLES.get(id);
        if (bundle == null) {
            bundle = Bundle.read(id);
            BUNDLES.put(id, bundle);
        }
        return bundle;
    }

    private static byte[] entry(ZipInputStream jar, String name) throws IOException {
        for (ZipEntry e = jar.getNextEntry(); e != null; e = jar.getNextEntry()) {
            if (e.getName().equals(name)) {
                return jar.readAllBytes();
            }
        }
        throw new AssertionError("no " + name);
    }

    /** A bundle jar of the update site, read as a stream: its manifest, its entries and those of its lib/ jars. */
    private record Bundle(Manifest manifest, Set<String> entries, Map<String, Set<String>> nested,
            Map<String, Properties> pytorchProperties) {

        static Bundle read(String id) throws IOException {
            Manifest manifest = null;
            Set<String> entries = new TreeSet<>();
            Map<String, Set<String>> nested = new HashMap<>();
            Map<String, Properties> pytorchProperties = new HashMap<>();
            try (ZipFile site = new ZipFile(UpdateSite.archive().toFile());
                    ZipInputStream jar = new ZipInputStream(
                            site.getInputStream(site.getEntry(UpdateSite.entry(site, "plugins", id))))) {
                for (ZipEntry e = jar.getNextEntry(); e != null; e = jar.getNextEntry()) {
                    entries.add(e.getName());
                    if (e.getName().equals("META-INF/MANIFEST.MF")) {
                        manifest = new Manifest(jar);
                    } else if (e.getName().startsWith("lib/") && e.getName().endsWith(".jar")) {
                        // not closed: closing it would close the bundle's stream
                        ZipInputStream nestedJar = new ZipInputStream(jar);
                        Set<String> names = new TreeSet<>();
                        for (ZipEntry n = nestedJar.getNextEntry(); n != null; n = nestedJar.getNextEntry()) {
                            names.add(n.getName());
                            if (n.getName().equals(DJL_PROPERTIES)) {
                                Properties properties = new Properties();
                                properties.load(nestedJar);
                                pytorchProperties.put(e.getName(), properties);
                            }
                        }
                        nested.put(e.getName(), names);
                    }
                }
            }
            assertNotNull(manifest, id + " has no manifest");
            return new Bundle(manifest, entries, nested, pytorchProperties);
        }

        List<String> classPath() {
            return Stream.of(manifest.getMainAttributes().getValue("Bundle-ClassPath").split(","))
                    .map(String::trim).toList();
        }

        /** Native libraries in the bundle's root. */
        Set<String> natives() {
            Set<String> natives = new TreeSet<>();
            for (String name : entries) {
                if (name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib")) {
                    natives.add(name);
                }
            }
            return natives;
        }
    }
}
