package org.neuroseg.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.io.VideoReaderStage;
import org.neuroseg.metrics.SegmentationScorerStage;
import org.neuroseg.stage.PortKind;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.Stages;

class NodeDescriptionsTest {

    @Test
    void committedDescriptionsAndIconsAreThoseOfTheStages() throws IOException {
        List<String> stale = new ArrayList<>();
        for (Stage stage : Stages.all()) {
            Path xml = NodeNames.description(KnimeTestSupport.plugin(), stage);
            Path icon = NodeNames.sourceFolder(KnimeTestSupport.plugin(), stage).resolve(NodeNames.iconName(stage));
            String generated = NodeDescriptions.generate(stage);
            if (KnimeTestSupport.regenerate()) {
                Files.createDirectories(xml.getParent());
                Files.writeString(xml, generated, StandardCharsets.UTF_8);
                if (!Files.exists(icon)) {
                    Icons.write(stage, icon);
                }
            } else if (!Files.isRegularFile(xml) || !Files.readString(xml).equals(generated)) {
                stale.add(xml.toString());
            }
        }
        assertEquals(List.of(), stale, "descriptions differ from the stage descriptors; run the tests of "
                + "org.neuroseg.knime.tests with -Dneuroseg.regenerate=true");
    }

    @Test
    void everyDescriptionIsValidAndMatchesItsStage() {
        List<String> problems = new ArrayList<>();
        for (Stage stage : Stages.all()) {
            problems.addAll(NodeDescriptionCheck.problems(NodeNames.description(KnimeTestSupport.plugin(), stage),
                    stage));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyPortKindGetsAValidDescribedPort(@TempDir Path temp) throws IOException {
        String xml = NodeDescriptions.generate(AllTypesStage.INSTANCE);
        assertEquals(List.of(), NodeDescriptionCheck.problems(write(temp, xml), AllTypesStage.INSTANCE));
        for (PortKind kind : PortKind.values()) {
            assertTrue(xml.contains(NodeDescriptions.escape(NodeDescriptions.knimeForm(kind))), kind.name());
        }
    }

    @Test
    void checkReportsAMissingOption(@TempDir Path temp) throws IOException {
        Stage stage = VideoReaderStage.INSTANCE;
        String xml = NodeDescriptions.generate(stage);
        String label = stage.parameters().get(0).label();
        Path edited = write(temp, xml.replaceFirst("(?m)^ *<option name=\"" + label + "\">.*\n", ""));
        assertTrue(NodeDescriptionCheck.problems(edited, stage).stream()
                .anyMatch(p -> p.contains("no option '" + label + "'")));
    }

    @Test
    void checkReportsAWrongPortCountAndASchemaViolation(@TempDir Path temp) throws IOException {
        Stage stage = SegmentationScorerStage.INSTANCE;
        String xml = NodeDescriptions.generate(stage);
        Path oneInput = write(temp, xml.replaceFirst("(?m)^ *<inPort index=\"1\".*\n", ""));
        assertTrue(NodeDescriptionCheck.problems(oneInput, stage).stream()
                .anyMatch(p -> p.contains("1 inPort elements, the node has 2")));
        Path noName = write(temp, xml.replaceFirst("(?m)^ *<name>.*\n", ""));
        assertTrue(NodeDescriptionCheck.problems(noName, stage).stream()
                .anyMatch(p -> p.contains("not valid against")));
    }

    @Test
    void checkReportsAnOptionWithoutParameter(@TempDir Path temp) throws IOException {
        Stage stage = VideoReaderStage.INSTANCE;
        String xml = NodeDescriptions.generate(stage).replace("</fullDescription>",
                "    <option name=\"Brightness\">Not a parameter.</option>\n    </fullDescription>");
        assertTrue(NodeDescriptionCheck.problems(write(temp, xml), stage).stream()
                .anyMatch(p -> p.contains("option 'Brightness' is no parameter")));
    }

    private static Path write(Path folder, String xml) throws IOException {
        Path file = Files.createTempFile(folder, "description", ".xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }
}
