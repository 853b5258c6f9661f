package org.neuroseg.knime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * The bundle and feature that provide a node, as KNIME saves them in every node's settings.xml: the loader parses the
 * bundle version (a null one makes it skip the node), and KNIME names the feature when a workflow is opened without
 * the extension installed.
 *
 * @param bundleSymbolicName Bundle-SymbolicName without directives
 * @param bundleName Bundle-Name
 * @param bundleVendor Bundle-Vendor
 * @param bundleVersion major.minor.micro
 * @param featureSymbolicName the feature's installable unit ({@code <feature id>.feature.group})
 * @param featureName the feature's label
 * @param featureVendor the feature's provider
 * @param featureVersion major.minor.micro
 */
record NodeOrigin(String bundleSymbolicName, String bundleName, String bundleVendor, String bundleVersion,
        String featureSymbolicName, String featureName, String featureVendor, String featureVersion) {

    /**
     * KNIME's testing framework (Testflow Configuration) in the oldest KNIME release the workflows are for; names as in
     * the settings KNIME writes for this node (3D-e-Chem knime-testflow's test workflows, KNIME's own test
     * workflows).
     */
    static final NodeOrigin KNIME_TESTING = new NodeOrigin("org.knime.testing",
            "Test-Node extension for KNIME Workbench", "KNIME AG, Zurich, Switzerland", "5.3.0",
            "org.knime.features.testingapplication.feature.group", "KNIME Testing Framework",
            "KNIME AG, Zurich, Switzerland", "5.3.0");

    /**
     * The NeuroSeg plug-in and feature, read from their MANIFEST.MF and feature.xml. Versions drop the
     * ".qualifier" that the build replaces by a time stamp: every build of this release is then at least the version
     * saved in the workflows.
     *
     * @param root the project root
     * @throws IOException if a file cannot be read or lacks a name, vendor or version
     */
    static NodeOrigin neuroseg(Path root) throws IOException {
        Path manifestFile = root.resolve(NodeNames.PLUGIN).resolve("META-INF/MANIFEST.MF");
        Attributes manifest;
        try (InputStream in = Files.newInputStream(manifestFile)) {
            manifest = new Manifest(in).getMainAttributes();
        }
        Path featureFile = root.resolve("features/org.neuroseg.feature/feature.xml");
        Element feature;
        try (InputStream in = Files.newInputStream(featureFile)) {
            feature = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
        } catch (Exception e) {
            throw new IOException(featureFile + ": " + e.getMessage(), e);
        }
        return new NodeOrigin(required(manifestFile, "Bundle-SymbolicName", manifest.getValue("Bundle-SymbolicName"))
                .split(";")[0].trim(),
                required(manifestFile, "Bundle-Name", manifest.getValue("Bundle-Name")),
                required(manifestFile, "Bundle-Vendor", manifest.getValue("Bundle-Vendor")),
                release(manifestFile, required(manifestFile, "Bundle-Version", manifest.getValue("Bundle-Version"))),
                required(featureFile, "id", feature.getAttribute("id")) + ".feature.group",
                required(featureFile, "label", feature.getAttribute("label")),
                required(featureFile, "provider-name", feature.getAttribute("provider-name")),
                release(featureFile, required(featureFile, "version", feature.getAttribute("version"))));
    }

    private static String required(Path file, String key, String value) throws IOException {
        if (value == null || value.isBlank()) {
            throw new IOException(file + ": no " + key);
        }
        return value.trim();
    }

    /** @return major.minor.micro of an OSGi version such as 0.1.0.qualifier */
    private static String release(Path file, String version) throws IOException {
        String[] parts = version.split("\\.");
        if (parts.length < 3) {
            throw new IOException(file + ": version '" + version + "' is not major.minor.micro[.qualifier]");
        }
        return parts[0] + "." + parts[1] + "." + parts[2];
    }
}
