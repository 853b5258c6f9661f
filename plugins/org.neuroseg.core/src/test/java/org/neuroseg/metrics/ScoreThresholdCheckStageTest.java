package org.neuroseg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroseg.metrics.Shapes.rect;
import static org.neuroseg.metrics.Shapes.set;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.table.MetricsTables;
import org.neuroseg.table.Table;

class ScoreThresholdCheckStageTest {

    // Reference: two 4 x 4 squares; prediction: the first, and half of the second. Pixel Dice 48/56 = 0.857;
    // both pairs match under IoU >= 0.5, so neuron F1 is 1.
    private static final RoiSet REFERENCE = set(10, 10, rect(1, 0, 0, 4, 4), rect(2, 5, 5, 9, 9));
    private static final RoiSet PREDICTED = set(10, 10, rect(11, 0, 0, 4, 4), rect(12, 5, 5, 9, 7));
    private static final SegmentationScore SCORE = SegmentationScore.of(PREDICTED, REFERENCE);

    @TempDir
    Path dir;

    @Test
    void passesScoresThroughWhenTheScoreReachesTheMinimum() throws NeurosegException {
        Table table = MetricsTables.toTable(SCORE);
        assertSame(table, check(table, "pixel Dice", 0.85).get(0));
        assertSame(SCORE, check(SCORE, "neuron F1", 1.0).get(0));
    }

    @Test
    void failsNamingTheScoreAndValueWhenBelowTheMinimum() {
        NeurosegException e = assertThrows(NeurosegException.class,
                () -> check(MetricsTables.toTable(SCORE), "pixel Dice", 0.9));
        assertEquals("pixel Dice is 0.8571, below the minimum 0.9000 set in 'Minimum score'", e.getMessage());
        RoiSet oneMissed = set(10, 10, rect(11, 0, 0, 4, 4));
        NeurosegException f1 = assertThrows(NeurosegException.class,
                () -> check(SegmentationScore.of(oneMissed, REFERENCE), "neuron recall", 0.6));
        assertTrue(f1.getMessage().startsWith("neuron recall (IoU ≥ 0.5, Hungarian) is 0.5000"), f1.getMessage());
    }

    @Test
    void failsWhenTheScoreIsMissing() {
        Table empty = new Table(MetricsTables.COLUMNS, List.of(), Map.of());
        NeurosegException e = assertThrows(NeurosegException.class, () -> check(empty, "neuron F1", 0.5));
        assertTrue(e.getMessage().contains("no row for neuron F1"), e.getMessage());
    }

    private List<Object> check(Object scores, String metric, double minimum) throws NeurosegException {
        Parameters parameters = ScoreThresholdCheckStage.INSTANCE.defaults()
                .with(ScoreThresholdCheckStage.METRIC.key(), metric)
                .with(ScoreThresholdCheckStage.MINIMUM.key(), minimum);
        return ScoreThresholdCheckStage.INSTANCE.run(List.of(scores), parameters,
                StageContext.inDirectory(dir, ProgressMonitor.NONE));
    }
}
