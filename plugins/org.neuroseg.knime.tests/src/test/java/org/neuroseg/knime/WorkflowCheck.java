package org.neuroseg.knime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.PortKind;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.Stages;
import org.neuroseg.stage.settings.MemorySettings;
import org.neuroseg.stage.settings.SettingsException;
import org.neuroseg.stage.settings.StageSettings;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a KNIME workflow folder without KNIME: every node names a factory registered in our plugin.xml (or one of
 * the KNIME nodes we rely on), every NeuroSeg node's model settings hold exactly its parameters' keys with the right
 * entry types and valid values, and every connection joins existing ports of compatible kinds. It also checks the
 * entries whose absence made KNIME 5.3 drop or break our workflows (issue 13): the author information, a bundle
 * version on every node, a workflow variable for every bound setting, workflow-metadata.xml, and the Testflow
 * Configuration owner. The full check of KNIME's loader rules is ../shared/knime-api/check_workflows.py, which the
 * build runs where it exists.
 */
final class WorkflowCheck {

    /**
     * KNIME's own nodes that our workflows may use: an explicit allow-list; add a factory only after confirming its
     * class name and settings in KNIME's sources. Result checks use our Score Threshold Check node instead.
     * Testflow Configuration: knime/knime-core, org.knime.testing/src/org/knime/testing/node/config/.
     */
    static final Set<String> KNIME_FACTORIES = Set.of(Workflows.TESTFLOW_CONFIGURATION);

    private WorkflowCheck() {
    }

    static List<String> problems(Path folder, Set<String> registeredFactories) throws Exception {
        List<String> problems = new ArrayList<>();
        Element workflow = parse(folder.resolve("workflow.knime"));
        Element author = child(workflow, "authorInformation");
        for (String key : List.of("authored-by", "authored-when", "lastEdited-by", "lastEdited-when")) {
            if (author == null || nullEntries(author).getOrDefault(key, true)) {
                problems.add("workflow.knime: authorInformation has no " + key);
            }
        }
        Set<String> declared = new HashSet<>();
        Element variables = child(workflow, "workflow_variables");
        if (variables != null) {
            children(variables).values().forEach(v -> declared.add(entries(v).get("name")));
        }
        Path metadata = folder.resolve("workflow-metadata.xml");
        if (!Files.isRegularFile(metadata)
                || parse(metadata).getElementsByTagName("description").item(0) == null) {
            problems.add("no workflow-metadata.xml with a description");
        }
        Map<Integer, Stage> stages = new HashMap<>();
        for (Element node : children(child(workflow, "nodes")).values()) {
            int id = Integer.parseInt(entries(node).get("id"));
            Path settingsFile = folder.resolve(entries(node).get("node_settings_file"));
            if (!Files.isRegularFile(settingsFile)) {
                problems.add("node " + id + ": no " + settingsFile);
                continue;
            }
            Element settings = parse(settingsFile);
            String factory = entries(settings).get("factory");
            if (nullEntries(settings).getOrDefault("node-bundle-version", true)
                    || !entries(settings).get("node-bundle-version").matches("\\d+\\.\\d+\\.\\d+(\\..+)?")) {
                problems.add("node " + id + ": node-bundle-version is missing, null or not a version");
            }
            Element tree = child(settings, "variables") == null ? null : child(child(settings, "variables"), "tree");
            for (Element binding : tree == null ? List.<Element>of() : children(tree).values()) {
                String variable = entries(binding).get("used_variable");
                if (!declared.contains(variable)) {
                    problems.add("node " + id + ": setting " + binding.getAttribute("key") + " is bound to "
                            + variable + ", which workflow_variables does not declare");
                }
            }
            if (Workflows.TESTFLOW_CONFIGURATION.equals(factory) && (child(settings, "model") == null
                    || entries(child(settings, "model")).getOrDefault("owner", "").isBlank())) {
                problems.add("node " + id + ": Testflow Configuration has no owner");
            }
            if (registeredFactories.contains(factory)) {
                Stage stage = Stages.all().stream().filter(s -> NodeNames.factoryClass(s).equals(factory))
                        .findFirst().orElseThrow();
                stages.put(id, stage);
                problems.addAll(settingsProblems(id, stage, child(settings, "model")));
            } else if (!KNIME_FACTORIES.contains(factory)) {
                problems.add("node " + id + ": unknown factory " + factory);
            }
        }
        for (Element connection : children(child(workflow, "connections")).values()) {
            Map<String, String> c = entries(connection);
            problems.addAll(connectionProblems(stages, Integer.parseInt(c.get("sourceID")),
                    Integer.parseInt(c.get("sourcePort")) - 1, Integer.parseInt(c.get("destID")),
                    Integer.parseInt(c.get("destPort")) - 1));
        }
        return problems;
    }

    private static List<String> settingsProblems(int id, Stage stage, Element model) {
        List<String> problems = new ArrayList<>();
        Map<String, Element> entries = new LinkedHashMap<>();
        for (Node n = model == null ? null : model.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("entry")) {
                entries.put(e.getAttribute("key"), e);
            }
        }
        MemorySettings store = new MemorySettings();
        for (ParamSpec spec : stage.parameters()) {
            Element entry = entries.remove(spec.key());
            String expected = Workflows.entryType(spec.defaultValue());
            if (entry == null) {
                problems.add("node " + id + " (" + stage.name() + "): no settings key " + spec.key());
            } else if (!entry.getAttribute("type").equals(expected)) {
                problems.add("node " + id + ": settings key " + spec.key() + " is " + entry.getAttribute("type")
                        + ", expected " + expected);
            } else {
                String value = entry.getAttribute("value");
                switch (expected) {
                    case "xint" -> store.putInt(spec.key(), Integer.parseInt(value));
                    case "xlong" -> store.putLong(spec.key(), Long.parseLong(value));
                    case "xdouble" -> store.putDouble(spec.key(), Double.parseDouble(value));
                    case "xboolean" -> store.putBoolean(spec.key(), Boolean.parseBoolean(value));
                    default -> store.putString(spec.key(), value);
                }
            }
        }
        for (ParamSpec spec : stage.parameters()) {
            Element auto = spec.cellScaling() == null ? null : entries.remove(spec.autoKey());
            if (spec.cellScaling() != null && (auto == null || !auto.getAttribute("type").equals("xboolean"))) {
                problems.add("node " + id + ": no boolean settings key " + spec.autoKey());
            } else if (auto != null) {
                store.putBoolean(spec.autoKey(), Boolean.parseBoolean(auto.getAttribute("value")));
            }
        }
        entries.keySet().forEach(key -> problems.add("node " + id + ": unknown settings key " + key));
        if (problems.isEmpty()) {
            try {
                StageSettings.load(stage.parameters(), stage.settingsMigrations(), store).warnings()
                        .forEach(warning -> problems.add("node " + id + ": " + warning));
            } catch (SettingsException e) {
                problems.add("node " + id + ": " + e.getMessage());
            }
        }
        return problems;
    }

    private static List<String> connectionProblems(Map<Integer, Stage> stages, int from, int fromPort, int to,
            int toPort) {
        Stage source = stages.get(from);
        Stage target = stages.get(to);
        String name = "connection " + from + ":" + fromPort + " -> " + to + ":" + toPort;
        if (source == null || target == null) {
            return List.of(name + ": joins a node that is not a NeuroSeg node");
        } else if (fromPort < 0 || fromPort >= source.outputs().size()) {
            return List.of(name + ": " + source.name() + " has no output " + fromPort);
        } else if (toPort < 0 || toPort >= target.inputs().size()) {
            return List.of(name + ": " + target.name() + " has no input " + toPort);
        }
        PortKind out = source.outputs().get(fromPort).kind();
        PortKind in = target.inputs().get(toPort).kind();
        boolean videos = Set.of(PortKind.VIDEO, PortKind.IMAGE).containsAll(List.of(out, in));
        return out == in || videos ? List.of() : List.of(name + ": " + out + " cannot feed " + in);
    }

    private static Element parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    private static Element child(Element parent, String key) {
        return children(parent).get(key);
    }

    private static Map<String, Element> children(Element parent) {
        Map<String, Element> children = new LinkedHashMap<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("config")) {
                children.put(e.getAttribute("key"), e);
            }
        }
        return children;
    }

    /** @return entry key to whether it is written as null (isnull="true") */
    private static Map<String, Boolean> nullEntries(Element parent) {
        Map<String, Boolean> entries = new LinkedHashMap<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("entry")) {
                entries.put(e.getAttribute("key"), e.getAttribute("isnull").equals("true"));
            }
        }
        return entries;
    }

    private static Map<String, String> entries(Element parent) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("entry")) {
                entries.put(e.getAttribute("key"), e.getAttribute("value"));
            }
        }
        return entries;
    }
}
