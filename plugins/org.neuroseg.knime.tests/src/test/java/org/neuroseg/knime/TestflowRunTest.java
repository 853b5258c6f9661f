package org.neuroseg.knime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.metrics.MatchingRule;
import org.neuroseg.metrics.NeuronMetrics;
import org.neuroseg.metrics.SegmentationScore;
import org.neuroseg.roi.RoiSet;

/**
 * Runs the NeuroSeg nodes of the testflows through their core stages ({@link PipelineRunner}), to show that the check
 * nodes pass on the testflow and fail on a wrong score, that the preprocessing testflow corrects motion, and that
 * the Activity Validation and segment (the shipped models end to end) testflows pass their checks.
 */
class TestflowRunTest {

    private static final Path TESTFLOW = NodeNames.root()
            .resolve("test-workflows/synthetic-scorer-testflow/pipeline.json");

    @TempDir
    Path dir;

    @Test
    void checksPassOnThePerfectScoreOfTheTestflow() throws Exception {
        Pipeline pipeline = Pipeline.read(TESTFLOW);
        assertTrue(pipeline.nodes().stream().anyMatch(n -> n.stage() != null
                && n.stage().id().equals("score-threshold-check")), "the testflow has no check node");
        Map<Integer, List<Object>> outputs = run(pipeline);
        assertEquals(outputs.get(3), outputs.get(5), "the checks pass the scores through");
    }

    @Test
    void checksFailTheTestflowWhenThePredictionIsWrong() throws Exception {
        Pipeline testflow = Pipeline.read(TESTFLOW);
        // A second generator with another seed feeds the scorer's prediction: different neurons, a low score.
        Pipeline.Node generator = testflow.nodes().stream().filter(n -> n.id() == 2).findFirst().orElseThrow();
        Map<String, String> otherSeed = new HashMap<>(generator.settings());
        otherSeed.put("seed", "43");
        List<Pipeline.Node> nodes = new ArrayList<>(testflow.nodes());
        nodes.add(new Pipeline.Node(6, generator.stage(), null, null, null, 0, 0, otherSeed, Map.of()));
        List<Pipeline.Connection> connections = new ArrayList<>(testflow.connections().stream()
                .filter(c -> !(c.to() == 3 && c.toPort() == 0)).toList());
        connections.add(new Pipeline.Connection(6, 1, 3, 0));
        NeurosegException e = assertThrows(NeurosegException.class,
                () -> run(new Pipeline(testflow.description(), testflow.workflowVariables(), nodes, connections)));
        assertTrue(e.getMessage().startsWith("neuron F1 (IoU ≥ 0.5, Hungarian) is "), e.getMessage());
    }

    @Test
    void preprocessingTestflowCorrectsTheMotionItEstimates() throws Exception {
        Pipeline pipeline = Pipeline.read(NodeNames.root()
                .resolve("test-workflows/preprocessing-testflow/pipeline.json"));
        Map<Integer, List<Object>> outputs = run(pipeline, values -> {
            org.neuroseg.stage.MotionShifts shifts = (org.neuroseg.stage.MotionShifts) values.get(4).get(1);
            assertEquals(60, shifts.frames());
            double before = java.util.Arrays.stream(shifts.correlationBefore()).average().orElseThrow();
            double after = java.util.Arrays.stream(shifts.correlationAfter()).average().orElseThrow();
            assertTrue(after > before + 0.05, "correlation with the template " + before + " -> " + after);
            assertTrue(values.get(4).get(2) instanceof org.neuroseg.stage.Picture);
            assertEquals(((org.neuroseg.video.Video) values.get(2).get(0)).shape(),
                    ((org.neuroseg.video.Video) values.get(5).get(0)).shape());
        });
        assertEquals(4, outputs.size());
    }

    @Test
    void activityValidationTestflowPassesItsPrecisionCheck() throws Exception {
        Map<Integer, List<Object>> outputs = run(Pipeline.read(NodeNames.root()
                .resolve("test-workflows/activity-validation-testflow/pipeline.json")));
        assertEquals(outputs.get(4), outputs.get(5), "the check passes the scores through");
    }

    @Test
    void segmentTestflowKeepsFiringNeuronsWithTheShippedModels() throws Exception {
        Pipeline pipeline = Pipeline.read(NodeNames.root().resolve("test-workflows/segment-testflow/pipeline.json"));
        Map<Integer, List<Object>> outputs = run(pipeline, values -> {
            NeuronMetrics neurons = ((SegmentationScore) values.get(12).get(0)).neuron(MatchingRule.IOU_HUNGARIAN);
            System.out.printf("segment testflow: neuron F1 %.3f, precision %.3f, recall %.3f%n", neurons.f1(),
                    neurons.precision(), neurons.recall());
            RoiSet candidates = (RoiSet) values.get(8).get(2);
            RoiSet kept = (RoiSet) values.get(11).get(2);
            assertTrue(kept.size() > 0 && kept.size() <= candidates.size(), kept.size() + " kept of "
                    + candidates.size() + " candidates");
        });
        assertEquals(outputs.get(12), outputs.get(13), "the check passes the scores through");
    }

    private Map<Integer, List<Object>> run(Pipeline pipeline) throws Exception {
        return run(pipeline, values -> { });
    }

    private Map<Integer, List<Object>> run(Pipeline pipeline, PipelineRunner.OutputCheck check) throws Exception {
        return PipelineRunner.run(pipeline, Map.of(), dir, check);
    }
}
