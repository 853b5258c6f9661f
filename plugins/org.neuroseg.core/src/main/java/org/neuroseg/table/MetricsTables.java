package org.neuroseg.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private MetricsTables() {
    }

    /**
     * @param metrics a value from a metrics port: a {@link SegmentationScore} or already a {@link Table}
     * @return its table
     * @throws IllegalArgumentException when the value has no table form
     */
    public static Table toTable(Object metrics) {
        if (metrics instanceof Table table) {
            return table;
        } else if (metrics instanceof SegmentationScore score) {
            return toTable(score);
        }
        throw new IllegalArgumentException("no metrics table for " + metrics.getClass().getName());
    }

    /** @return the metrics table of {@code score} */
    public static Table toTable(SegmentationScore score) {
        List<List<Object>> rows = new ArrayList<>();
        PixelMetrics pixel = score.pixel();
        add(rows, "pixel", "", "Dice", pixel.dice());
        add(rows, "pixel", "", "IoU", pixel.iou());
        add(rows, "pixel", "", "precision", pixel.precision());
        add(rows, "pixel", "", "recall", pixel.recall());
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
                rows.add(List.of("match", neuron.rule().label(), "IoU", match.iou(), match.referenceId(),
                        match.predictedId()));
                rows.add(List.of("match", neuron.rule().label(), "centroid distance (px)",
                        match.centroidDistancePx(), match.referenceId(), match.predictedId()));
            }
        }
        return new Table(COLUMNS, rows, Map.of());
    }

    private static void add(List<List<Object>> rows, String level, String rule, String metric, double value) {
        rows.add(List.of(level, rule, metric, value, 0, 0));
    }
}
