package org.neuroseg.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;

/**
 * Workflow templates (workflows/) and testflows (test-workflows/): generated from their pipeline.json, checked, and
 * exported as .knwf archives into workflows/target and test-workflows/target.
 */
class WorkflowsTest {

    private static List<Path> folders() throws IOException {
        List<Path> folders = new ArrayList<>();
        for (String parent : List.of("workflows", "test-workflows")) {
            try (Stream<Path> children = Files.list(NodeNames.root().resolve(parent))) {
                children.filter(f -> Files.isRegularFile(f.resolve("pipeline.json"))).sorted().forEach(folders::add);
            }
        }
        return folders;
    }

    @Test
    void committedWorkflowsAreThoseOfTheirPipelines() throws IOException {
        List<String> stale = new ArrayList<>();
        NodeOrigin neuroseg = NodeOrigin.neuroseg(NodeNames.root());
        for (Path folder : folders()) {
            for (Map.Entry<String, String> file : Workflows.generate(Pipeline.read(folder.resolve("pipeline.json")),
                    neuroseg).entrySet()) {
                Path path = folder.resolve(file.getKey());
                if (KnimeTestSupport.regenerate()) {
                    Files.createDirectories(path.getParent());
                    Files.writeString(path, file.getValue());
                } else if (!Files.isRegularFile(path) || !Files.readString(path).equals(file.getValue())) {
                    stale.add(path.toString());
                }
            }
        }
        assertEquals(List.of(), stale, "workflow files differ from pipeline.json; run the tests of "
                + "org.neuroseg.knime.tests with -Dneuroseg.regenerate=true");
    }

    @Test
    void everyWorkflowNamesRegisteredFactoriesValidSettingsAndCompatibleConnections() throws Exception {
        Set<String> factories = PluginCheck.registeredFactories(KnimeTestSupport.plugin()).keySet();
        List<String> problems = new ArrayList<>();
        for (Path folder : folders()) {
            problems.addAll(WorkflowCheck.problems(folder, factories));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyWorkflowIsExportedAsKnwf() throws IOException {
        for (Path folder : folders()) {
            Path archive = folder.getParent().resolve("target").resolve(folder.getFileName() + ".knwf");
            Workflows.exportKnwf(folder, archive);
            assertTrue(Files.size(archive) > 0);
        }
    }

    @Test
    void checkReportsAMissingSettingsKeyAnUnknownFactoryAndABadConnection(@TempDir Path temp) throws Exception {
        Path copy = copy(NodeNames.root().resolve("workflows/score-synthetic-segmentation"), temp);
        Path settings = copy.resolve("Synthetic Video Generator (#1)/settings.xml");
        Files.writeString(settings, Files.readString(settings).replaceFirst("(?m)^.*key=\"seed\".*\n", ""));
        Path scorer = copy.resolve("Segmentation Scorer (#2)/settings.xml");
        Files.writeString(scorer, Files.readString(scorer).replace("SegmentationScorerNodeFactory",
                "NoSuchNodeFactory"));
        Set<String> factories = PluginCheck.registeredFactories(KnimeTestSupport.plugin()).keySet();
        List<String> problems = WorkflowCheck.problems(copy, factories);
        assertTrue(problems.contains("node 1 (Synthetic Video Generator): no settings key seed"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("unknown factory")), problems.toString());

        Path wrong = copy(NodeNames.root().resolve("workflows/score-synthetic-segmentation"), temp.resolve("b"));
        Path workflow = wrong.resolve("workflow.knime");
        Files.writeString(workflow, Files.readString(workflow).replaceFirst(
                "key=\"sourcePort\" type=\"xint\" value=\"3\"", "key=\"sourcePort\" type=\"xint\" value=\"1\""));
        assertTrue(WorkflowCheck.problems(wrong, factories).contains(
                "connection 1:0 -> 2:0: VIDEO cannot feed ROI_TABLE"));
    }

    @Test
    void checkReportsWhatMadeKnimeDropTheNodesOrFailTheRun(@TempDir Path temp) throws Exception {
        Path copy = copy(NodeNames.root().resolve("workflows/segment-with-shipped-models"), temp);
        Path reader = copy.resolve("Calcium Video Reader (#1)/settings.xml");
        Files.writeString(reader, Files.readString(reader).replaceFirst(
                "key=\"node-bundle-version\" type=\"xstring\" value=\"[^\"]*\"",
                "key=\"node-bundle-version\" type=\"xstring\" isnull=\"true\" value=\"\""));
        Path workflow = copy.resolve("workflow.knime");
        Files.writeString(workflow, Files.readString(workflow).replaceFirst("(?m)^.*key=\"lastEdited-by\".*\n", "")
                .replaceFirst("(?s)<config key=\"workflow_variables\">.*?\n    </config>\n", ""));
        Files.delete(copy.resolve("workflow-metadata.xml"));
        Path testflow = copy(NodeNames.root().resolve("test-workflows/synthetic-scorer-testflow"), temp.resolve("t"));
        Path configuration = testflow.resolve("Testflow Configuration (#1)/settings.xml");
        Files.writeString(configuration, Files.readString(configuration).replaceFirst("(?m)^.*key=\"owner\".*\n", ""));

        Set<String> factories = PluginCheck.registeredFactories(KnimeTestSupport.plugin()).keySet();
        List<String> problems = WorkflowCheck.problems(copy, factories);
        assertTrue(problems.contains("node 1: node-bundle-version is missing, null or not a version"),
                problems.toString());
        assertTrue(problems.contains("workflow.knime: authorInformation has no lastEdited-by"), problems.toString());
        assertTrue(problems.contains("node 1: setting file is bound to inputFile, which workflow_variables does not "
                + "declare"), problems.toString());
        assertTrue(problems.contains("no workflow-metadata.xml with a description"), problems.toString());
        assertEquals(List.of("node 1: Testflow Configuration has no owner"),
                WorkflowCheck.problems(testflow, factories));
    }

    @Test
    void pipelineBindingAnUndeclaredWorkflowVariableIsRefused(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("pipeline.json");
        Files.writeString(file, "{\"description\": \"d\", \"workflowVariables\": {\"outputFolder\": \"\"}, "
                + "\"nodes\": [{\"id\": 1, \"stage\": \"video-reader\", \"x\": 0, \"y\": 0, "
                + "\"variables\": {\"file\": \"inputFile\"}}], \"connections\": []}");
        IOException e = assertThrows(IOException.class, () -> Pipeline.read(file));
        assertEquals(file + ": node 1 binds setting 'file' to the workflow variable 'inputFile', which "
                + "'workflowVariables' does not declare (declared: [outputFolder])", e.getMessage());
    }

    @Test
    void templatesDeclareTheirVariablesEmptySoTheNodesSayWhatToChoose(@TempDir Path temp) throws Exception {
        Pipeline segment = Pipeline.read(NodeNames.root().resolve("workflows/segment-with-shipped-models/"
                + "pipeline.json"));
        assertEquals(Map.of("inputFile", "", "outputFolder", ""), segment.workflowVariables());
        NeurosegException e = assertThrows(NeurosegException.class,
                () -> PipelineRunner.run(segment, Map.of(), temp, outputs -> { }));
        assertEquals("No video file chosen: set 'Video file or folder'", e.getMessage());
    }

    private static Path copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
