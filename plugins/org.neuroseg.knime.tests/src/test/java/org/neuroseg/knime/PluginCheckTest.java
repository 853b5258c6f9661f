package org.neuroseg.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.roi.RoiWriterStage;
import org.neuroseg.stage.Stages;

class PluginCheckTest {

    @Test
    void everyStageHasItsRegisteredFactoryDescriptionAndIcon() throws Exception {
        assertEquals(List.of(), PluginCheck.problems(KnimeTestSupport.plugin(), KnimeTestSupport.pluginClasses(),
                Stages.all(), KnimeTestSupport.adapterLoader()));
    }

    @Test
    void checkReportsAFactoryMissingFromPluginXml(@TempDir Path temp) throws Exception {
        Path copy = copyPlugin(temp);
        String factory = NodeNames.factoryClass(RoiWriterStage.INSTANCE);
        Path pluginXml = copy.resolve("plugin.xml");
        Files.writeString(pluginXml, Files.readString(pluginXml)
                .replaceAll("(?s)<node\\s[^>]*factory-class=\"" + factory.replace(".", "\\.") + "\"[^>]*/>", ""));
        List<String> problems = PluginCheck.problems(copy, KnimeTestSupport.pluginClasses(), Stages.all(),
                KnimeTestSupport.adapterLoader());
        assertTrue(problems.contains("plugin.xml lacks " + factory + " (stage roi-writer)"), problems.toString());
        assertTrue(problems.contains(factory + " is not registered in plugin.xml"), problems.toString());
    }

    @Test
    void checkReportsAFactoryThatDoesNotExist(@TempDir Path temp) throws Exception {
        Path copy = copyPlugin(temp);
        Path pluginXml = copy.resolve("plugin.xml");
        Files.writeString(pluginXml, Files.readString(pluginXml).replace("</plugin>",
                "<extension point=\"org.knime.workbench.repository.nodes\"><node category-path=\"/\" "
                        + "factory-class=\"org.neuroseg.knime.node.gone.GoneNodeFactory\"/></extension></plugin>"));
        assertTrue(PluginCheck.problems(copy, KnimeTestSupport.pluginClasses(), Stages.all(),
                KnimeTestSupport.adapterLoader()).contains(
                        "plugin.xml names org.neuroseg.knime.node.gone.GoneNodeFactory, which belongs to no stage"));
    }

    @Test
    void checkReportsAMissingIcon(@TempDir Path temp) throws Exception {
        Path copy = copyPlugin(temp);
        Path icon = NodeNames.sourceFolder(copy, RoiWriterStage.INSTANCE).resolve("roiwriter.png");
        Files.delete(icon);
        assertTrue(PluginCheck.problems(copy, KnimeTestSupport.pluginClasses(), Stages.all(),
                KnimeTestSupport.adapterLoader()).contains("no icon " + icon));
    }

    @Test
    void checkReportsAnUnregisteredPortObjectAndASharedColour(@TempDir Path temp) throws Exception {
        Path copy = copyPlugin(temp);
        Path pluginXml = copy.resolve("plugin.xml");
        String xml = Files.readString(pluginXml);
        Files.writeString(pluginXml, xml.replaceAll("(?s)<portType name=\"NeuroSeg model\".*?/>", ""));
        assertTrue(PluginCheck.problems(copy, KnimeTestSupport.pluginClasses(), Stages.all(),
                KnimeTestSupport.adapterLoader()).contains(
                        "port object org.neuroseg.knime.port.ModelPortObject is not registered in plugin.xml"));
        Files.writeString(pluginXml, xml.replace("#6a1b9a", "#2E7D32"));
        assertTrue(PluginCheck.problems(copy, KnimeTestSupport.pluginClasses(), Stages.all(),
                KnimeTestSupport.adapterLoader()).contains("port types org.neuroseg.knime.port.VideoPortObject and "
                        + "org.neuroseg.knime.port.ModelPortObject have the same colour"));
    }

    private static Path copyPlugin(Path temp) throws IOException {
        Path source = KnimeTestSupport.plugin();
        Files.copy(source.resolve("plugin.xml"), temp.resolve("plugin.xml"));
        try (Stream<Path> files = Files.walk(source.resolve("src"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = temp.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return temp;
    }
}
