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
import org.neuroseg.stage.PortValues;
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
        assertSame(SCORE, check(SCORE, "pixel Dice", 0.85).get(ScoreThresholdCheckStage.CHECKED_SCORES));
        assertSame(SCORE, check(SCORE, "neuron F1", 1.0).get(ScoreThresholdCheckStage.CHECKED_SCORES));
    }

    @Test
    void failsNamingTheScoreAndValueWhenBelowTheMinimum() {
        NeurosegException e = assertThrows(NeurosegException.class, () -> check(SCORE, "pixel Dice", 0.9));
        assertEquals("pixel Dice is 0.8571, below the minimum 0.9000 set in 'Minimum score'", e.getMessage());
        RoiSet oneMissed = set(10, 10, rect(11, 0, 0, 4, 4));
        NeurosegException f1 = assertThrows(NeurosegException.class,
                () -> check(SegmentationScore.of(oneMissed, REFERENCE), "neuron recall", 0.6));
        assertTrue(f1.getMessage().startsWith("neuron recall (IoU ≥ 0.5, Hungarian) is 0.5000"), f1.getMessage());
    }

    @Test
    void scoresTravelThroughTheirTableUnchanged() {
        // KNIME carries scores between nodes as a metrics table: reading it back must give the same scores.
        assertEquals(SCORE, MetricsTables.fromTable(MetricsTables.toTable(SCORE)));
        Table empty = new Table(MetricsTables.COLUMNS, List.of(), Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetricsTables.fromTable(empty));
        assertTrue(e.getMessage().contains("no row for pixel"), e.getMessage());
    }

    @Test
    void refusesATableOnTheScoresPort() {
        Table table = MetricsTables.toTable(SCORE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoreThresholdCheckStage.INSTANCE.runInPortOrder(List.of(table),
                        ScoreThresholdCheckStage.INSTANCE.defaults(),
                        StageContext.inDirectory(dir, ProgressMonitor.NONE)));
        assertTrue(e.getMessage().contains("'Scores' carries SegmentationScore"), e.getMessage());
    }

    private PortValues check(SegmentationScore scores, String metric, double minimum) throws NeurosegException {
        Parameters parameters = ScoreThresholdCheckStage.INSTANCE.defaults()
                .with(ScoreThresholdCheckStage.METRIC.key(), metric)
                .with(ScoreThresholdCheckStage.MINIMUM.key(), minimum);
        return ScoreThresholdCheckStage.INSTANCE.run(PortValues.of(ScoreThresholdCheckStage.SCORES, scores),
                parameters, StageContext.inDirectory(dir, ProgressMonitor.NONE));
    }
}
