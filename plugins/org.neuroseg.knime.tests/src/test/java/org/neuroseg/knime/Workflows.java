package org.neuroseg.knime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Generates a KNIME workflow folder from a {@link Pipeline}: workflow.knime (nodes, connections) and one folder per
 * node with its settings.xml (factory, node name, and the model settings as StageSettings saves them: the stage's
 * defaults with the pipeline's overrides). Workflows are saved unexecuted (state IDLE). Also packs a folder as a
 * .knwf archive.
 */
final class Workflows {

    /** KNIME version written as the workflow format version (the 5.x format). */
    private static final String FORMAT_VERSION = "5.1.0";

    private Workflows() {
    }

    /** @return file path (relative to the workflow folder) to content */
    static Map<String, String> generate(Pipeline pipeline) {
        Map<String, String> files = new LinkedHashMap<>();
        ConfigXml workflow = new ConfigXml("workflow.knime").string("created_by", "5.3.0")
                .bool("created_by_nightly", false).string("version", FORMAT_VERSION).string("name", null)
                .open("authorInformation").string("authored-by", "NeuroSeg workflow generator")
                .string("authored-when", "2025-01-01 00:00:00 +0000").close()
                .string("customDescription", pipeline.description()).string("state", "IDLE")
                .empty("workflow_credentials").open("nodes");
        for (Pipeline.Node node : pipeline.nodes()) {
            workflow.open("node_" + node.id()).integer("id", node.id())
                    .string("node_settings_file", node.folder() + "/settings.xml").bool("node_is_meta", false)
                    .string("node_type", "NativeNode")
                    .string("ui_classname", "org.knime.core.node.workflow.NodeUIInformation").open("ui_settings")
                    .open("extrainfo.node.bounds").integer("array-size", 4).integer("0", node.x())
                    .integer("1", node.y()).integer("2", 80).integer("3", 80).close().close().close();
            files.put(node.folder() + "/settings.xml", settings(node));
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
        return files;
    }

    private static String settings(Pipeline.Node node) {
        ConfigXml xml = new ConfigXml("settings.xml").string("node_file", "settings.xml").empty("flow_stack")
                .open("internal_node_subsettings").string("memory_policy", "CacheSmallInMemory").close();
        if (node.stage() == null) {
            xml.empty("model");
        } else {
            Parameters parameters = node.stage().defaults();
            for (Map.Entry<String, String> override : node.settings().entrySet()) {
                parameters = parameters.withText(override.getKey(), override.getValue());
            }
            MemorySettings model = new MemorySettings();
            StageSettings.save(parameters, model);
            xml.open("model");
            model.asMap().forEach((key, value) -> xml.entry(key, entryType(value), value));
            xml.close();
        }
        if (!node.variables().isEmpty()) {
            xml.open("variables").string("version", "V_2019_09_13").open("tree");
            node.variables().forEach((key, variable) -> xml.open(key).string("used_variable", variable)
                    .string("exposed_variable", null).close());
            xml.close().close();
        }
        String bundle = node.stage() != null ? "org.neuroseg.knime" : node.bundle();
        return xml.string("customDescription", null).string("state", "IDLE").string("factory", node.factory())
                .string("node-name", node.displayName()).string("node-bundle-name", bundle)
                .string("node-bundle-symbolic-name", bundle).string("node-bundle-vendor", null)
                .string("node-bundle-version", null).empty("factory_settings").string("name", node.displayName())
                .bool("hasContent", false).bool("isInactive", false).empty("ports").open("filestores")
                .string("file_store_location", null).string("file_store_id", null).close().finish();
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
