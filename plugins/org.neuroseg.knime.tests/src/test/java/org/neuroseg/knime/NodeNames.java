package org.neuroseg.knime;

import java.nio.file.Path;
import java.util.Locale;
import org.neuroseg.stage.Stage;

/**
 * Names of a stage's KNIME node, all derived from its kebab-case id (they are saved in users' workflows: never
 * change one): {@code video-reader} gives package {@code org.neuroseg.knime.node.videoreader}, factory
 * {@code VideoReaderNodeFactory}, description {@code VideoReaderNodeFactory.xml} and icon {@code videoreader.png}.
 */
final class NodeNames {

    /** The adapter plug-in's folder, from the project root. */
    static final Path PLUGIN = Path.of("plugins", "org.neuroseg.knime");

    private NodeNames() {
    }

    /** @return the project root (set by the build; the working directory's grandparent otherwise) */
    static Path root() {
        String root = System.getProperty("neuroseg.root");
        return root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent().getParent();
    }

    static String packageName(Stage stage) {
        return "org.neuroseg.knime.node." + stage.id().replace("-", "");
    }

    static String simpleName(Stage stage) {
        StringBuilder name = new StringBuilder();
        for (String word : stage.id().split("-")) {
            name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return name.append("NodeFactory").toString();
    }

    static String factoryClass(Stage stage) {
        return packageName(stage) + "." + simpleName(stage);
    }

    static String iconName(Stage stage) {
        return stage.id().replace("-", "") + ".png";
    }

    /** @return the folder of the factory's sources inside {@code plugin} */
    static Path sourceFolder(Path plugin, Stage stage) {
        return plugin.resolve("src").resolve(packageName(stage).replace('.', '/'));
    }

    static Path description(Path plugin, Stage stage) {
        return sourceFolder(plugin, stage).resolve(simpleName(stage) + ".xml");
    }

    static String categoryPath(Stage stage) {
        return "/community/neuroseg/" + stage.category().pathSegment();
    }
}
