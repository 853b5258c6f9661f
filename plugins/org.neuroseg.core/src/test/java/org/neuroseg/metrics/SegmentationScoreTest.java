package org.neuroseg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.neuroseg.metrics.Shapes.rect;
import static org.neuroseg.metrics.Shapes.set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroseg.roi.RoiSet;

class SegmentationScoreTest {

    private static final double EPS = 1e-12;

    // Reference: two 4 x 4 squares. Prediction: a copy of the first, and a 4 x 2 half of the second (IoU 0.5).
    private static final RoiSet REFERENCE = set(10, 10, rect(1, 0, 0, 4, 4), rect(2, 5, 5, 9, 9));
    private static final RoiSet PREDICTED = set(10, 10, rect(11, 0, 0, 4, 4), rect(12, 5, 5, 9, 7));

    @Test
    void scoresEveryRuleInDeclarationOrderWithIouRuleAsHeadline() {
        SegmentationScore score = SegmentationScore.of(PREDICTED, REFERENCE);
        // Pixels: TP 16 + 8 = 24, FP 0, FN 8.
        assertEquals(new PixelMetrics(24, 0, 8, 48.0 / 56, 24.0 / 32, 1, 24.0 / 32), score.pixel());
        for (MatchingRule rule : MatchingRule.values()) {
            assertEquals(NeuronMetrics.of(PREDICTED, REFERENCE, rule), score.neuron(rule));
        }
        assertEquals(MatchingRule.IOU_HUNGARIAN, score.headline().rule());
        assertEquals(2, score.headline().matched());
        // The half square's centroid is 1 px away with IoU 0.5: CaImAn (IoU > 0.3) accepts it too.
        assertEquals(2, score.neuron(MatchingRule.CAIMAN).matched());
    }

    @Test
    void jsonHoldsPixelScoresAndPerNeuronMatches() {
        JsonObject json = JsonParser.parseString(SegmentationScore.of(PREDICTED, REFERENCE).toJson())
                .getAsJsonObject();
        assertEquals(24, json.getAsJsonObject("pixel").get("truePositives").getAsInt());
        assertEquals(0.75, json.getAsJsonObject("pixel").get("iou").getAsDouble(), EPS);
        JsonArray neuron = json.getAsJsonArray("neuron");
        assertEquals(3, neuron.size());
        JsonObject headline = neuron.get(0).getAsJsonObject();
        assertEquals("IOU_HUNGARIAN", headline.get("rule").getAsString());
        assertEquals(MatchingRule.IOU_HUNGARIAN.label(), headline.get("label").getAsString());
        assertEquals(1.0, headline.get("f1").getAsDouble(), EPS);
        JsonObject second = headline.getAsJsonArray("matches").get(1).getAsJsonObject();
        assertEquals(2, second.get("referenceId").getAsInt());
        assertEquals(12, second.get("predictedId").getAsInt());
        assertEquals(0.5, second.get("iou").getAsDouble(), EPS);
        assertEquals(1.0, second.get("centroidDistancePx").getAsDouble(), EPS);
    }

    @Test
    void tableHasOneAlignedMetricValueLinePerScore() {
        String table = SegmentationScore.of(PREDICTED, set(10, 10, rect(1, 0, 0, 4, 4))).toTable();
        List<String> lines = table.lines().toList();
        assertEquals(1 + 4 + 3 * 4, lines.size());
        int bar = lines.get(0).indexOf(" | ");
        for (String line : lines) {
            assertEquals(bar, line.indexOf(" | "), line);
        }
        String headlineF1 = "neuron F1 (" + MatchingRule.IOU_HUNGARIAN.label() + ")";
        // One match, 1 reference, 2 predicted: F1 = 2 / 3.
        assertEquals(1, lines.stream().filter(l -> l.startsWith(headlineF1) && l.endsWith("| 0.6667")).count());
        assertEquals(3, lines.stream().filter(l -> l.endsWith("| 1 / 1 / 2")).count());
    }

    @Test
    void missingOrMisorderedRulesAreRejected() {
        NeuronMetrics one = NeuronMetrics.of(PREDICTED, REFERENCE, MatchingRule.CAIMAN);
        PixelMetrics pixel = PixelMetrics.of(new boolean[1], new boolean[1]);
        assertThrows(IllegalArgumentException.class, () -> new SegmentationScore(pixel, List.of(one)));
        assertThrows(IllegalArgumentException.class, () -> new SegmentationScore(pixel, List.of(one, one, one)));
    }
}
