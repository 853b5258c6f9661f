package org.neuroseg.metrics;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neuroseg.roi.RoiSet;

/**
 * Every score of one segmentation against its ground truth: pixel metrics on the union masks and neuron metrics
 * under all three {@link MatchingRule}s, {@link MatchingRule#IOU_HUNGARIAN} being the headline.
 *
 * @param pixel pixel-level scores of the union of predicted ROIs against the union of reference ROIs
 * @param neuron neuron-level scores, exactly one per {@link MatchingRule} in declaration order (else the
 *        constructor throws IllegalArgumentException); copied
 */
public record SegmentationScore(PixelMetrics pixel, List<NeuronMetrics> neuron) {

    /** Checks there is one neuron score per rule, in declaration order (else IllegalArgumentException). */
    public SegmentationScore {
        neuron = List.copyOf(neuron);
        MatchingRule[] rules = MatchingRule.values();
        if (neuron.size() != rules.length) {
            throw new IllegalArgumentException("need " + rules.length + " neuron scores, got " + neuron.size());
        }
        for (int i = 0; i < rules.length; i++) {
            if (neuron.get(i).rule() != rules[i]) {
                throw new IllegalArgumentException("neuron score " + i + " is for " + neuron.get(i).rule()
                        + ", expected " + rules[i]);
            }
        }
    }

    /**
     * Scores predicted ROIs against reference ROIs under every rule.
     *
     * @param predicted predicted ROIs
     * @param reference ground-truth ROIs on an image of the same height and width
     * @return all scores
     * @throws IllegalArgumentException when the two sets are on images of different sizes
     */
    public static SegmentationScore of(RoiSet predicted, RoiSet reference) {
        Overlaps overlaps = Overlaps.of(predicted, reference);
        List<NeuronMetrics> neuron = new ArrayList<>();
        for (MatchingRule rule : MatchingRule.values()) {
            neuron.add(NeuronMetrics.of(overlaps, rule));
        }
        return new SegmentationScore(PixelMetrics.of(predicted.toMask(), reference.toMask()), neuron);
    }

    /**
     * @param rule a matching rule
     * @return the neuron scores under that rule
     */
    public NeuronMetrics neuron(MatchingRule rule) {
        return neuron.get(rule.ordinal());
    }

    /** @return the headline neuron scores ({@link MatchingRule#IOU_HUNGARIAN}) */
    public NeuronMetrics headline() {
        return neuron(MatchingRule.IOU_HUNGARIAN);
    }

    /**
     * @return pretty-printed JSON: {"pixel": {...counts and scores}, "neuron": [{"rule", "label", counts, scores,
     *         "matches": [{"referenceId", "predictedId", "iou", "centroidDistancePx"}, ...]}, ...]}
     */
    public String toJson() {
        JsonObject pixelJson = new JsonObject();
        pixelJson.addProperty("truePositives", pixel.truePositives());
        pixelJson.addProperty("falsePositives", pixel.falsePositives());
        pixelJson.addProperty("falseNegatives", pixel.falseNegatives());
        pixelJson.addProperty("dice", pixel.dice());
        pixelJson.addProperty("iou", pixel.iou());
        pixelJson.addProperty("precision", pixel.precision());
        pixelJson.addProperty("recall", pixel.recall());
        JsonArray neuronJson = new JsonArray();
        for (NeuronMetrics metrics : neuron) {
            JsonObject rule = new JsonObject();
            rule.addProperty("rule", metrics.rule().name());
            rule.addProperty("label", metrics.rule().label());
            rule.addProperty("referenceCount", metrics.referenceCount());
            rule.addProperty("predictedCount", metrics.predictedCount());
            rule.addProperty("matched", metrics.matched());
            rule.addProperty("precision", metrics.precision());
            rule.addProperty("recall", metrics.recall());
            rule.addProperty("f1", metrics.f1());
            JsonArray matches = new JsonArray();
            for (NeuronMatch match : metrics.matches()) {
                JsonObject m = new JsonObject();
                m.addProperty("referenceId", match.referenceId());
                m.addProperty("predictedId", match.predictedId());
                m.addProperty("iou", match.iou());
                m.addProperty("centroidDistancePx", match.centroidDistancePx());
                matches.add(m);
            }
            rule.add("matches", matches);
            neuronJson.add(rule);
        }
        JsonObject root = new JsonObject();
        root.add("pixel", pixelJson);
        root.add("neuron", neuronJson);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    /**
     * @return a plain-text table with one "metric | value" line per score, headline rule first among the neuron
     *         scores; scores have 4 decimals
     */
    public String toTable() {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"metric", "value"});
        lines.add(new String[] {"pixel Dice", format(pixel.dice())});
        lines.add(new String[] {"pixel IoU", format(pixel.iou())});
        lines.add(new String[] {"pixel precision", format(pixel.precision())});
        lines.add(new String[] {"pixel recall", format(pixel.recall())});
        for (NeuronMetrics metrics : neuron) {
            String rule = " (" + metrics.rule().label() + ")";
            lines.add(new String[] {"neuron F1" + rule, format(metrics.f1())});
            lines.add(new String[] {"neuron precision" + rule, format(metrics.precision())});
            lines.add(new String[] {"neuron recall" + rule, format(metrics.recall())});
            lines.add(new String[] {"matched / reference / predicted" + rule,
                metrics.matched() + " / " + metrics.referenceCount() + " / " + metrics.predictedCount()});
        }
        int width = lines.stream().mapToInt(line -> line[0].length()).max().orElseThrow();
        StringBuilder table = new StringBuilder();
        for (String[] line : lines) {
            table.append(String.format(Locale.ROOT, "%-" + width + "s | %s\n", line[0], line[1]));
        }
        return table.toString();
    }

    private static String format(double score) {
        return String.format(Locale.ROOT, "%.4f", score);
    }
}
