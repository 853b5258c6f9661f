package org.neuroseg.knime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * of plugin.xml. Port types: every concrete port object class of the adapter is registered once, with a spec class
 * and both serializers of the right KNIME types, and a colour no other NeuroSeg port has.
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
        problems.addAll(portTypeProblems(plugin, classes, loader));
        return problems;
    }

    /** @return whether {@code type} is a port object a node can output (abstract bases are not registered) */
    private static boolean isConcrete(Class<?> portObject, Class<?> type) {
        return portObject.isAssignableFrom(type) && !java.lang.reflect.Modifier.isAbstract(type.getModifiers());
    }

    private static List<String> portTypeProblems(Path plugin, Path classes, ClassLoader loader) throws Exception {
        List<String> problems = new ArrayList<>();
        NodeList portTypes = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(plugin.resolve("plugin.xml").toFile()).getElementsByTagName("portType");
        Map<String, String> colours = new HashMap<>();
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < portTypes.getLength(); i++) {
            Element type = (Element) portTypes.item(i);
            String object = type.getAttribute("objectClass");
            registered.add(object);
            String other = colours.put(type.getAttribute("color").toLowerCase(Locale.ROOT), object);
            if (other != null) {
                problems.add("port types " + other + " and " + object + " have the same colour");
            }
            problems.addAll(extendsProblems(object, "org.knime.core.node.port.PortObject", loader));
            problems.addAll(extendsProblems(type.getAttribute("specClass"), "org.knime.core.node.port.PortObjectSpec",
                    loader));
            problems.addAll(extendsProblems(type.getAttribute("objectSerializer"),
                    "org.knime.core.node.port.PortObject$PortObjectSerializer", loader));
            problems.addAll(extendsProblems(type.getAttribute("specSerializer"),
                    "org.knime.core.node.port.PortObjectSpec$PortObjectSpecSerializer", loader));
        }
        Class<?> portObject = Class.forName("org.knime.core.node.port.PortObject", false, loader);
        try (Stream<Path> files = Files.walk(classes.resolve("org/neuroseg/knime/port"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (file.toString().endsWith(".class") && !name.contains("$")
                        && isConcrete(portObject, Class.forName(name, false, loader))
                        && !registered.contains(name)) {
                    problems.add("port object " + name + " is not registered in plugin.xml");
                }
            }
        }
        return problems;
    }

    private static List<String> extendsProblems(String name, String base, ClassLoader loader) {
        try {
            if (!Class.forName(base, false, loader).isAssignableFrom(Class.forName(name, false, loader))) {
                return List.of("plugin.xml port type class " + name + " is no " + base);
            }
            return List.of();
        } catch (ClassNotFoundException e) {
            return List.of("plugin.xml names port type class " + name + ", which was not compiled");
        }
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
