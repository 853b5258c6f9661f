package org.neuroseg.metrics;

import java.util.List;
import java.util.Locale;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;

/**
 * Score Threshold Check: fails when one score of a metrics table is below a minimum, so a workflow run in CI or in
 * KNIME's batch executor fails when a segmentation gets worse. Neuron-level scores are those of the headline rule
 * ({@link MatchingRule#IOU_HUNGARIAN}). Passes the metrics through unchanged when the score is high enough.
 */
public final class ScoreThresholdCheckStage implements Stage {

    /** The stage. */
    public static final ScoreThresholdCheckStage INSTANCE = new ScoreThresholdCheckStage();

    /** Which score to check, "level metric" as in the metrics table. */
    public static final ParamSpec METRIC = ParamSpec.choice("metric", "Score to check", "neuron F1",
            List.of("neuron F1", "neuron precision", "neuron recall", "pixel Dice", "pixel IoU", "pixel precision",
                    "pixel recall"),
            "Which score must reach the minimum. Neuron scores are those of the rule 'IoU ≥ 0.5, Hungarian'.");
    public static final ParamSpec MINIMUM = ParamSpec.decimal("minimum", "Minimum score", 0.8, 0, 1,
            "The lowest accepted value of the score; below it (or when the score is undefined) the check fails.");

    public static final PortSpec<SegmentationScore> SCORES = PortSpec.metrics("Scores",
            "The scores of a Segmentation Scorer.");
    public static final PortSpec<SegmentationScore> CHECKED_SCORES = PortSpec.metrics("Scores",
            "The same scores, when the check passed.");

    private ScoreThresholdCheckStage() {
    }

    @Override
    public String id() {
        return "score-threshold-check";
    }

    @Override
    public String name() {
        return "Score Threshold Check";
    }

    @Override
    public StageCategory category() {
        return StageCategory.EVALUATION;
    }

    @Override
    public String shortDescription() {
        return "Fails the workflow when a segmentation score is below a minimum.";
    }

    @Override
    public String description() {
        return "Reads the scores of a Segmentation Scorer and fails when the chosen score is below the minimum, "
                + "naming the score and its value. Use it in workflows run automatically (continuous integration, "
                + "KNIME's batch executor, testflows) so that a worse segmentation stops the run. When the score "
                + "is high enough, the scores pass through unchanged.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(METRIC, MINIMUM);
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(SCORES);
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(CHECKED_SCORES);
    }

    /** @throws NeurosegException naming the score when it is missing, undefined or below the minimum */
    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException {
        SegmentationScore scores = inputs.get(SCORES);
        String metric = parameters.getString(METRIC);
        String name = metric + (metric.startsWith("neuron") ? " (" + MatchingRule.IOU_HUNGARIAN.label() + ")" : "");
        double value = switch (metric) {
            case "neuron F1" -> scores.headline().f1();
            case "neuron precision" -> scores.headline().precision();
            case "neuron recall" -> scores.headline().recall();
            case "pixel Dice" -> scores.pixel().dice();
            case "pixel IoU" -> scores.pixel().iou();
            case "pixel precision" -> scores.pixel().precision();
            case "pixel recall" -> scores.pixel().recall();
            default -> throw new IllegalStateException("no score named " + metric);
        };
        double minimum = parameters.getDouble(MINIMUM);
        if (!(value >= minimum)) {
            throw new NeurosegException(String.format(Locale.ROOT,
                    "%s is %.4f, below the minimum %.4f set in '%s'", name, value, minimum, MINIMUM.label()));
        }
        return PortValues.of(CHECKED_SCORES, scores);
    }
}
