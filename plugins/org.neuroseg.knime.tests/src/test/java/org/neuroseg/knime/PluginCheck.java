package org.neuroseg.knime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.neuroseg.stage.Stage;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the adapter plug-in's node registrations: plugin.xml names exactly one factory per stage under the stage's
 * category, every factory named exists (source and compiled class), extends {@code StageNodeFactory}, refers to its
 * stage's class, and has its description XML and a 16 x 16 PNG icon next to it; and no factory class is left out
 * of plugin.xml.
 */
final class PluginCheck {

    private PluginCheck() {
    }

    /** @return the factory class of each node in {@code plugin}/plugin.xml, with its category path */
    static Map<String, String> registeredFactories(Path plugin) throws Exception {
        Map<String, String> factories = new LinkedHashMap<>();
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(plugin.resolve("plugin.xml").toFile()).getElementsByTagName("node");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element node = (Element) nodes.item(i);
            factories.put(node.getAttribute("factory-class"), node.getAttribute("category-path"));
        }
        return factories;
    }

    /**
     * @param plugin the plug-in folder (plugin.xml, src/)
     * @param classes its compiled classes
     * @param loader loads the compiled classes with the KNIME stand-in (classes are loaded, never initialised)
     * @return every problem found; empty when none
     */
    static List<String> problems(Path plugin, Path classes, List<Stage> stages, ClassLoader loader)
            throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, String> registered = registeredFactories(plugin);
        Class<?> base = Class.forName("org.neuroseg.knime.StageNodeFactory", false, loader);
        for (Stage stage : stages) {
            String factory = NodeNames.factoryClass(stage);
            if (!registered.containsKey(factory)) {
                problems.add("plugin.xml lacks " + factory + " (stage " + stage.id() + ")");
            } else if (!NodeNames.categoryPath(stage).equals(registered.get(factory))) {
                problems.add(factory + " is in category " + registered.get(factory) + ", expected "
                        + NodeNames.categoryPath(stage));
            }
        }
        for (String factory : registered.keySet()) {
            Stage stage = stages.stream().filter(s -> NodeNames.factoryClass(s).equals(factory)).findFirst()
                    .orElse(null);
            if (stage == null) {
                problems.add("plugin.xml names " + factory + ", which belongs to no stage");
                continue;
            }
            Path classFile = classes.resolve(factory.replace('.', '/') + ".class");
            if (!Files.isRegularFile(classFile)) {
                problems.add("plugin.xml names " + factory + ", which was not compiled (no " + classFile + ")");
                continue;
            }
            if (!base.isAssignableFrom(Class.forName(factory, false, loader))) {
                problems.add(factory + " does not extend StageNodeFactory");
            }
            String stageClass = stage.getClass().getName().replace('.', '/');
            if (!new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(stageClass)) {
                problems.add(factory + " does not refer to its stage " + stage.getClass().getName());
            }
            if (!Files.isRegularFile(NodeNames.description(plugin, stage))) {
                problems.add(factory + " has no description " + NodeNames.description(plugin, stage));
            }
            problems.addAll(iconProblems(NodeNames.sourceFolder(plugin, stage).resolve(NodeNames.iconName(stage))));
        }
        try (Stream<Path> files = Files.walk(plugin.resolve("src"))) {
            files.filter(file -> file.getFileName().toString().endsWith("NodeFactory.java"))
                    .map(file -> plugin.resolve("src").relativize(file).toString().replace('/', '.')
                            .replaceAll("\\.java$", ""))
                    .filter(factory -> factory.startsWith("org.neuroseg.knime.node.")
                            && !registered.containsKey(factory))
                    .forEach(factory -> problems.add(factory + " is not registered in plugin.xml"));
        }
        return problems;
    }

    private static List<String> iconProblems(Path icon) throws IOException {
        if (!Files.isRegularFile(icon)) {
            return List.of("no icon " + icon);
        }
        try (InputStream in = Files.newInputStream(icon)) {
            var image = ImageIO.read(in);
            if (image == null || image.getWidth() != 16 || image.getHeight() != 16) {
                return List.of(icon + " is not a 16 x 16 PNG");
            }
        }
        return List.of();
    }
}
