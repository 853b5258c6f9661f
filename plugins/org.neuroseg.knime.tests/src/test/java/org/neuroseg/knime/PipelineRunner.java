package org.neuroseg.knime;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;

/**
 * Runs the NeuroSeg nodes of a workflow's pipeline through their core stages, as KNIME would run them: same settings,
 * same connections, workflow variables (the given values, else the pipeline's defaults) passed to the settings bound
 * to them, each node once every node feeding it has run. KNIME's own nodes (Testflow Configuration) are skipped.
 */
final class PipelineRunner {

    /** Checks outputs before they are closed. */
    interface OutputCheck {
        /** @param outputs node id to its stage's outputs, in port order */
        void check(Map<Integer, List<Object>> outputs) throws Exception;
    }

    private PipelineRunner() {
    }

    /**
     * @param variables workflow variable name to value, in place of the pipeline's default
     * @param dir where each node's output files go (a folder per node)
     * @return node id to its outputs, already closed
     */
    static Map<Integer, List<Object>> run(Pipeline pipeline, Map<String, String> variables, Path dir,
            OutputCheck check) throws Exception {
        Map<String, String> variableValues = new HashMap<>(pipeline.workflowVariables());
        variableValues.putAll(variables);
        Map<Integer, List<Object>> outputs = new HashMap<>();
        List<Pipeline.Node> waiting = new ArrayList<>(pipeline.nodes().stream().filter(n -> n.stage() != null)
                .toList());
        try {
            while (!waiting.isEmpty()) {
                Pipeline.Node node = waiting.stream().filter(n -> pipeline.connections().stream()
                        .noneMatch(c -> c.to() == n.id() && !outputs.containsKey(c.from()))).findFirst()
                        .orElseThrow(() -> new AssertionError("the pipeline has a cycle"));
                waiting.remove(node);
                Object[] inputs = new Object[node.stage().inputs().size()];
                for (Pipeline.Connection c : pipeline.connections()) {
                    if (c.to() == node.id()) {
                        inputs[c.toPort()] = outputs.get(c.from()).get(c.fromPort());
                    }
                }
                outputs.put(node.id(), node.stage().runInPortOrder(List.of(inputs), parameters(node, variableValues),
                        StageContext.inDirectory(dir.resolve("node" + node.id()), ProgressMonitor.NONE)));
            }
            check.check(outputs);
            return outputs;
        } finally {
            for (List<Object> values : outputs.values()) {
                for (Object value : values) {
                    if (value instanceof Closeable closeable) {
                        closeable.close();
                    }
                }
            }
        }
    }

    private static Parameters parameters(Pipeline.Node node, Map<String, String> variables) {
        Parameters parameters = node.stage().defaults();
        for (Map.Entry<String, String> setting : node.settings().entrySet()) {
            parameters = parameters.withText(setting.getKey(), setting.getValue());
        }
        for (Map.Entry<String, String> binding : node.variables().entrySet()) {
            parameters = parameters.withText(binding.getKey(), variables.get(binding.getValue()));
        }
        return parameters;
    }
}
