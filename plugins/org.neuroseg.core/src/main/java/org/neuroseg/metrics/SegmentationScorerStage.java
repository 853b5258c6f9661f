package org.neuroseg.metrics;

import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;

/**
 * Segmentation Scorer: compares predicted ROIs with reference ROIs at the pixel level (Dice, IoU, precision,
 * recall of the union masks) and the neuron level (precision, recall, F1 under the three matching rules of the field,
 * with the per-neuron matches). See {@link SegmentationScore}.
 */
public final class SegmentationScorerStage implements Stage {

    /** The stage. */
    public static final SegmentationScorerStage INSTANCE = new SegmentationScorerStage();

    public static final PortSpec<RoiSet> PREDICTED_ROIS = PortSpec.rois("Predicted ROIs", "The segmentation to score.");
    public static final PortSpec<RoiSet> REFERENCE_ROIS = PortSpec.rois("Reference ROIs",
            "The ground truth or manual labels.");
    public static final PortSpec<SegmentationScore> SCORES = PortSpec.metrics("Scores",
            "Pixel and neuron-level metrics for each matching rule, with the matched neuron pairs.");

    private SegmentationScorerStage() {
    }

    @Override
    public String id() {
        return "segmentation-scorer";
    }

    @Override
    public String name() {
        return "Segmentation Scorer";
    }

    @Override
    public StageCategory category() {
        return StageCategory.EVALUATION;
    }

    @Override
    public String shortDescription() {
        return "Scores predicted neurons against reference neurons.";
    }

    @Override
    public String description() {
        return "Compares a segmentation with a reference (ground truth or manual labels). Pixel level: Dice, IoU, "
                + "precision and recall of the masks. Neuron level: precision, recall and F1 under three matching "
                + "rules: IoU of at least 0.5 with an optimal one-to-one assignment (the headline, as STNeuroNet "
                + "and SUNS report), Neurofinder's greedy matching of centroids closer than 5 pixels, and CaImAn's "
                + "rule (IoU above 0.3 and centroids within 10 pixels). Both inputs must cover the same field of view.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(PREDICTED_ROIS, REFERENCE_ROIS);
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(SCORES);
    }

    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException {
        RoiSet predicted = inputs.get(PREDICTED_ROIS);
        RoiSet reference = inputs.get(REFERENCE_ROIS);
        if (predicted.height() != reference.height() || predicted.width() != reference.width()) {
            throw new NeurosegException("Predicted ROIs cover " + predicted.height() + " x "
                    + predicted.width() + " pixels but the reference covers " + reference.height() + " x "
                    + reference.width() + ": score results of the same field of view");
        }
        context.monitor().setProgress(0, "Matching " + predicted.size() + " to " + reference.size() + " neurons");
        SegmentationScore score = SegmentationScore.of(predicted, reference);
        context.monitor().setProgress(1, null);
        return PortValues.of(SCORES, score);
    }
}
