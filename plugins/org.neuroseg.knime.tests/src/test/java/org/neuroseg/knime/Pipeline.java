package org.neuroseg.knime;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.Stages;

/**
 * A workflow's short description (pipeline.json next to the generated files): its workflow variables with their
 * default values, nodes with their stage, position, settings overrides and the workflow variables their settings are
 * bound to, and connections between stage ports (0-based, as in the stage descriptors). A node may instead name a
 * KNIME factory ({@code knimeFactory}, {@code name}, {@code bundle}) that {@link Workflows} can write: Testflow
 * Configuration, whose {@code timeout} setting is the testflow's time-out in seconds.
 *
 * @param description text shown as the workflow's description
 * @param workflowVariables name to default value (text), in order; exactly the variables the nodes are bound to
 * @param nodes in order
 * @param connections in order
 */
record Pipeline(String description, Map<String, String> workflowVariables, List<Node> nodes,
        List<Connection> connections) {

    /** One node; {@code stage} is null for a KNIME node. */
    record Node(int id, Stage stage, String knimeFactory, String name, String bundle, int x, int y,
            Map<String, String> settings, Map<String, String> variables) {

        String factory() {
            return stage != null ? NodeNames.factoryClass(stage) : knimeFactory;
        }

        String displayName() {
            return stage != null ? stage.name() : name;
        }

        String folder() {
            return displayName() + " (#" + id + ")";
        }
    }

    /** A connection from output {@code fromPort} of node {@code from} to input {@code toPort} of node {@code to}. */
    record Connection(int from, int fromPort, int to, int toPort) {
    }

    /**
     * @throws IOException if the file cannot be read, or a node is bound to a workflow variable that
     *         {@code workflowVariables} does not declare, or a declared variable is bound to no setting
     */
    static Pipeline read(Path file) throws IOException {
        JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        List<Node> nodes = new ArrayList<>();
        for (JsonElement element : root.getAsJsonArray("nodes")) {
            JsonObject node = element.getAsJsonObject();
            Stage stage = node.has("stage") ? Stages.byId(node.get("stage").getAsString()) : null;
            nodes.add(new Node(node.get("id").getAsInt(), stage, text(node, "knimeFactory"), text(node, "name"),
                    text(node, "bundle"), node.get("x").getAsInt(), node.get("y").getAsInt(), map(node, "settings"),
                    map(node, "variables")));
        }
        List<Connection> connections = new ArrayList<>();
        for (JsonElement element : root.getAsJsonArray("connections")) {
            JsonObject c = element.getAsJsonObject();
            connections.add(new Connection(c.get("from").getAsInt(), c.get("fromPort").getAsInt(),
                    c.get("to").getAsInt(), c.get("toPort").getAsInt()));
        }
        Map<String, String> variables = map(root, "workflowVariables");
        Set<String> bound = new HashSet<>();
        for (Node node : nodes) {
            for (Map.Entry<String, String> binding : node.variables().entrySet()) {
                if (!variables.containsKey(binding.getValue())) {
                    throw new IOException(file + ": node " + node.id() + " binds setting '" + binding.getKey()
                            + "' to the workflow variable '" + binding.getValue() + "', which 'workflowVariables' "
                            + "does not declare (declared: " + variables.keySet() + ")");
                }
                bound.add(binding.getValue());
            }
        }
        for (String name : variables.keySet()) {
            if (!bound.contains(name)) {
                throw new IOException(file + ": 'workflowVariables' declares '" + name + "', which no node's "
                        + "'variables' binds");
            }
        }
        return new Pipeline(root.get("description").getAsString(), variables, nodes, connections);
    }

    private static String text(JsonObject node, String key) {
        return node.has(key) ? node.get(key).getAsString() : null;
    }

    private static Map<String, String> map(JsonObject object, String key) {
        Map<String, String> map = new LinkedHashMap<>();
        if (object.has(key)) {
            object.getAsJsonObject(key).entrySet().forEach(e -> map.put(e.getKey(), e.getValue().getAsString()));
        }
        return map;
    }
}
