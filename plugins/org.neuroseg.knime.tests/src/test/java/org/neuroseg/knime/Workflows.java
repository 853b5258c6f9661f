package org.neuroseg.knime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.settings.MemorySettings;
import org.neuroseg.stage.settings.StageSettings;

/**
 * Generates a KNIME workflow folder from a {@link Pipeline}, as KNIME 5.3 writes one: workflow.knime (author
 * information, the workflow variables with their defaults, nodes, connections), workflow-metadata.xml (the
 * description, which KNIME 5.1+ shows for a workflow) and one folder per node with its settings.xml (factory, the
 * bundle and feature that provide it, and the model settings: for a NeuroSeg node as StageSettings saves them, the
 * stage's defaults with the pipeline's overrides; for Testflow Configuration its owner and time-out). Workflows are
 * saved unexecuted (state IDLE). Also packs a folder as a .knwf archive.
 */
final class Workflows {

    /** KNIME version written as the workflow format version (the 5.x format). */
    private static final String FORMAT_VERSION = "5.1.0";

    private static final String AUTHOR = "NeuroSeg workflow generator";

    /** Fixed, so that regenerating unchanged pipelines gives the same files (the committed ones are compared). */
    private static final OffsetDateTime WRITTEN = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    static final String TESTFLOW_CONFIGURATION = "org.knime.testing.node.config.TestConfigNodeFactory";

    /** Testflow Configuration's owner: who KNIME's test runners report a failing testflow to. */
    private static final String TESTFLOW_OWNER = "NeuroSeg maintainers";

    private Workflows() {
    }

    /**
     * @param neuroseg the bundle and feature of the NeuroSeg nodes
     * @return file path (relative to the workflow folder) to content
     * @throws IllegalArgumentException if a KNIME node is not one the generator can write, or a Testflow Configuration
     *         has no integer {@code timeout} setting
     */
    static Map<String, String> generate(Pipeline pipeline, NodeOrigin neuroseg) {
        Map<String, String> files = new LinkedHashMap<>();
        String authorDate = WRITTEN.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z"));
        ConfigXml workflow = new ConfigXml("workflow.knime").string("created_by", "5.3.0")
                .bool("created_by_nightly", false).string("version", FORMAT_VERSION).string("name", null)
                .open("authorInformation").string("authored-by", AUTHOR).string("authored-when", authorDate)
                .string("lastEdited-by", AUTHOR).string("lastEdited-when", authorDate).close()
                .string("customDescription", null).string("state", "IDLE");
        if (!pipeline.workflowVariables().isEmpty()) {
            workflow.open("workflow_variables");
            int i = 0;
            for (Map.Entry<String, String> variable : pipeline.workflowVariables().entrySet()) {
                workflow.open("Var_" + i++).string("name", variable.getKey()).string("class", "STRING")
                        .string("value", variable.getValue()).close();
            }
            workflow.close();
        }
        workflow.empty("workflow_credentials").open("nodes");
        for (Pipeline.Node node : pipeline.nodes()) {
            workflow.open("node_" + node.id()).integer("id", node.id())
                    .string("node_settings_file", node.folder() + "/settings.xml").bool("node_is_meta", false)
                    .string("node_type", "NativeNode")
                    .string("ui_classname", "org.knime.core.node.workflow.NodeUIInformation").open("ui_settings")
                    .open("extrainfo.node.bounds").integer("array-size", 4).integer("0", node.x())
                    .integer("1", node.y()).integer("2", 80).integer("3", 80).close().close().close();
            files.put(node.folder() + "/settings.xml", settings(node, neuroseg));
        }
        workflow.close().open("connections");
        List<Pipeline.Connection> connections = pipeline.connections();
        for (int i = 0; i < connections.size(); i++) {
            Pipeline.Connection c = connections.get(i);
            workflow.open("connection_" + i).integer("sourceID", c.from()).integer("destID", c.to())
                    .integer("sourcePort", c.fromPort() + 1).integer("destPort", c.toPort() + 1)
                    .string("ui_classname", "org.knime.core.node.workflow.ConnectionUIInformation")
                    .open("ui_settings").integer("extrainfo.conn.bendpoints_size", 0).close().close();
        }
        workflow.close();
        files.put("workflow.knime", workflow.finish());
        files.put("workflow-metadata.xml", metadata(pipeline.description()));
        return files;
    }

    /** @return workflow-metadata.xml (schema metadata-1.0.xsd of knime-shared) with the description as plain text */
    private static String metadata(String description) {
        String date = WRITTEN.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workflow-metadata "
                + "xmlns=\"http://www.knime.org/core/node/workflow/metadata/v1.0\" content-type=\"text/plain\">\n"
                + "    <author>" + NodeDescriptions.escape(AUTHOR) + "</author>\n"
                + "    <created>" + date + "</created>\n"
                + "    <last-modified>" + date + "</last-modified>\n"
                + "    <description>" + NodeDescriptions.escape(description) + "</description>\n"
                + "</workflow-metadata>\n";
    }

    private static String settings(Pipeline.Node node, NodeOrigin neuroseg) {
        ConfigXml xml = new ConfigXml("settings.xml").string("node_file", "settings.xml").empty("flow_stack")
                .open("internal_node_subsettings").string("memory_policy", "CacheSmallInMemory").close();
        NodeOrigin origin;
        if (node.stage() != null) {
            origin = neuroseg;
            Parameters parameters = node.stage().defaults();
            for (Map.Entry<String, String> override : node.settings().entrySet()) {
                parameters = parameters.withText(override.getKey(), override.getValue());
            }
            MemorySettings model = new MemorySettings();
            StageSettings.save(parameters, model);
            xml.open("model");
            model.asMap().forEach((key, value) -> xml.entry(key, entryType(value), value));
            xml.close();
        } else if (TESTFLOW_CONFIGURATION.equals(node.knimeFactory())
                && NodeOrigin.KNIME_TESTING.bundleSymbolicName().equals(node.bundle())) {
            origin = NodeOrigin.KNIME_TESTING;
            testflowConfiguration(node, xml);
        } else {
            throw new IllegalArgumentException("node " + node.id() + ": the generator writes no KNIME node but "
                    + TESTFLOW_CONFIGURATION + " of " + NodeOrigin.KNIME_TESTING.bundleSymbolicName() + ", got "
                    + node.knimeFactory() + " of " + node.bundle());
        }
        if (!node.variables().isEmpty()) {
            xml.open("variables").string("version", "V_2019_09_13").open("tree");
            node.variables().forEach((key, variable) -> xml.open(key).string("used_variable", variable)
                    .string("exposed_variable", null).close());
            xml.close().close();
        }
        return xml.string("customDescription", null).string("state", "IDLE").string("factory", node.factory())
                .string("node-name", node.displayName()).string("node-bundle-name", origin.bundleName())
                .string("node-bundle-symbolic-name", origin.bundleSymbolicName())
                .string("node-bundle-vendor", origin.bundleVendor())
                .string("node-bundle-version", origin.bundleVersion())
                .string("node-feature-name", origin.featureName())
                .string("node-feature-symbolic-name", origin.featureSymbolicName())
                .string("node-feature-vendor", origin.featureVendor())
                .string("node-feature-version", origin.featureVersion()).empty("factory_settings")
                .string("name", node.displayName()).bool("hasContent", false).bool("isInactive", false)
                .empty("ports").open("filestores").string("file_store_location", null)
                .string("file_store_id", null).close().finish();
    }

    /**
     * The model of Testflow Configuration as its TestConfigSettings saves it (org.knime.testing): owner, no required
     * log messages, no node that must fail or warn, the time-out of the whole testflow in seconds from the node's
     * {@code timeout} setting, KNIME's default limit of highlighted rows, no test janitors.
     */
    private static void testflowConfiguration(Pipeline.Node node, ConfigXml xml) {
        String timeout = node.settings().get("timeout");
        if (timeout == null || !timeout.matches("[1-9][0-9]{0,5}")) {
            throw new IllegalArgumentException("node " + node.id() + " (Testflow Configuration): setting 'timeout' "
                    + "must be the testflow's time-out in seconds, got " + timeout);
        }
        xml.open("model").string("owner", TESTFLOW_OWNER);
        for (String list : List.of("requiredLogErrors", "requiredLogWarnings", "requiredLogInfos", "failingNodes")) {
            xml.open(list).integer("array-size", 0).close();
        }
        xml.open("requiredNodeWarnings").integer("count", 0).close().open("requiredNodeErrors").integer("count", 0)
                .close().integer("timeout", Integer.parseInt(timeout)).integer("maxHilitedRows", 2500)
                .open("usedJanitors").integer("array-size", 0).close().close();
    }

    /** @return the config entry type of a settings value */
    static String entryType(Object value) {
        if (value instanceof Integer) {
            return "xint";
        } else if (value instanceof Long) {
            return "xlong";
        } else if (value instanceof Double) {
            return "xdouble";
        } else if (value instanceof Boolean) {
            return "xboolean";
        }
        return "xstring";
    }

    /** Packs {@code folder} as a .knwf archive whose single top folder is named like {@code folder}. */
    static void exportKnwf(Path folder, Path archive) throws IOException {
        Files.createDirectories(archive.getParent());
        try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(file) && !file.getFileName().toString().equals("pipeline.json")) {
                    zip.putNextEntry(new ZipEntry(folder.getFileName() + "/"
                            + folder.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
        }
    }
}
