package org.neuroseg.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neuroseg.metrics.MatchingRule;
import org.neuroseg.metrics.NeuronMatch;
import org.neuroseg.metrics.NeuronMetrics;
import org.neuroseg.metrics.PixelMetrics;
import org.neuroseg.metrics.SegmentationScore;

/**
 * The metrics table of a {@link SegmentationScore}: one row per score, then one row per matched neuron pair.
 * Columns: level ({@code pixel}, {@code neuron} or {@code match}), matching rule (empty at pixel level), metric,
 * value, and the reference and predicted ROI ids of a match (0 on other rows). Match rows carry the pair's IoU as
 * value and, in a second row, its centroid distance in pixels.
 */
public final class MetricsTables {

    /** Columns of the metrics table, in order. */
    public static final List<Column> COLUMNS = List.of(new Column("level", ColumnType.STRING),
            new Column("matching rule", ColumnType.STRING), new Column("metric", ColumnType.STRING),
            new Column("value", ColumnType.DOUBLE), new Column("reference ROI id", ColumnType.INT),
            new Column("predicted ROI id", ColumnType.INT));

    private static final String TRUE_POSITIVES = "true positive pixels";
    private static final String FALSE_POSITIVES = "false positive pixels";
    private static final String FALSE_NEGATIVES = "false negative pixels";
    private static final String IOU = "IoU";
    private static final String DISTANCE = "centroid distance (px)";

    private MetricsTables() {
    }

    /**
     * Reads a metrics table back, e.g. one that travelled through a KNIME workflow.
     *
     * @return the scores it holds
     * @throws IllegalArgumentException naming the column or row that is missing, as when the table does not come
     *         from a Segmentation Scorer
     */
    public static SegmentationScore fromTable(Table table) {
        int[] columns = COLUMNS.stream().mapToInt(column -> table.columnIndex(column.name(), column.type()))
                .toArray();
        Map<String, Double> values = new HashMap<>();
        Map<String, List<NeuronMatch>> matches = new HashMap<>();
        Map<String, Double> distances = new HashMap<>();
        for (List<Object> row : table.rows()) {
            String level = (String) row.get(columns[0]);
            String rule = (String) row.get(columns[1]);
            String metric = (String) row.get(columns[2]);
            double value = (Double) row.get(columns[3]);
            int reference = (Integer) row.get(columns[4]);
            int predicted = (Integer) row.get(columns[5]);
            if (!level.equals("match")) {
                values.put(level + "/" + rule + "/" + metric, value);
            } else if (metric.equals(IOU)) {
                matches.computeIfAbsent(rule, key -> new ArrayList<>()).add(new NeuronMatch(reference, predicted,
                        value, 0));
            } else {
                distances.put(rule + "/" + reference + "/" + predicted, value);
            }
        }
        PixelMetrics pixel = new PixelMetrics(Math.round(value(values, "pixel", "", TRUE_POSITIVES)),
                Math.round(value(values, "pixel", "", FALSE_POSITIVES)),
                Math.round(value(values, "pixel", "", FALSE_NEGATIVES)), value(values, "pixel", "", "Dice"),
                value(values, "pixel", "", IOU), value(values, "pixel", "", "precision"),
                value(values, "pixel", "", "recall"));
        List<NeuronMetrics> neuron = new ArrayList<>();
        for (MatchingRule rule : MatchingRule.values()) {
            String label = rule.label();
            List<NeuronMatch> pairs = matches.getOrDefault(label, List.of()).stream()
                    .map(match -> new NeuronMatch(match.referenceId(), match.predictedId(), match.iou(),
                            distances.getOrDefault(label + "/" + match.referenceId() + "/" + match.predictedId(),
                                    Double.NaN)))
                    .toList();
            neuron.add(new NeuronMetrics(rule, (int) value(values, "neuron", label, "reference neurons"),
                    (int) value(values, "neuron", label, "predicted neurons"),
                    (int) value(values, "neuron", label, "matched neurons"), value(values, "neuron", label,
                            "precision"), value(values, "neuron", label, "recall"),
                    value(values, "neuron", label, "F1"), pairs));
        }
        return new SegmentationScore(pixel, neuron);
    }

    private static double value(Map<String, Double> values, String level, String rule, String metric) {
        Double value = values.get(level + "/" + rule + "/" + metric);
        if (value == null) {
            throw new IllegalArgumentException("the metrics table has no row for " + level + " " + metric
                    + (rule.isEmpty() ? "" : " (" + rule + ")") + ": connect the scores of a Segmentation Scorer");
        }
        return value;
    }

    /** @return the metrics table of {@code score} */
    public static Table toTable(SegmentationScore score) {
        List<List<Object>> rows = new ArrayList<>();
        PixelMetrics pixel = score.pixel();
        add(rows, "pixel", "", "Dice", pixel.dice());
        add(rows, "pixel", "", IOU, pixel.iou());
        add(rows, "pixel", "", "precision", pixel.precision());
        add(rows, "pixel", "", "recall", pixel.recall());
        add(rows, "pixel", "", TRUE_POSITIVES, pixel.truePositives());
        add(rows, "pixel", "", FALSE_POSITIVES, pixel.falsePositives());
        add(rows, "pixel", "", FALSE_NEGATIVES, pixel.falseNegatives());
        for (NeuronMetrics neuron : score.neuron()) {
            String rule = neuron.rule().label();
            add(rows, "neuron", rule, "precision", neuron.precision());
            add(rows, "neuron", rule, "recall", neuron.recall());
            add(rows, "neuron", rule, "F1", neuron.f1());
            add(rows, "neuron", rule, "reference neurons", neuron.referenceCount());
            add(rows, "neuron", rule, "predicted neurons", neuron.predictedCount());
            add(rows, "neuron", rule, "matched neurons", neuron.matched());
        }
        for (NeuronMetrics neuron : score.neuron()) {
            for (NeuronMatch match : neuron.matches()) {
                rows.add(List.of("match", neuron.rule().label(), IOU, match.iou(), match.referenceId(),
                        match.predictedId()));
                rows.add(List.of("match", neuron.rule().label(), DISTANCE,
                        match.centroidDistancePx(), match.referenceId(), match.predictedId()));
            }
        }
        return new Table(COLUMNS, rows, Map.of());
    }

    private static void add(List<List<Object>> rows, String level, String rule, String metric, double value) {
        rows.add(List.of(level, rule, metric, value, 0, 0));
    }
}
