package org.neuroseg.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.neuroseg.activity.ActivityValidationStage;
import org.neuroseg.io.VideoReaderStage;
import org.neuroseg.metrics.SegmentationScorerStage;
import org.neuroseg.metrics.ScoreThresholdCheckStage;
import org.neuroseg.preprocess.ActivityFramesStage;
import org.neuroseg.preprocess.ApplyShiftsStage;
import org.neuroseg.preprocess.LocalEqualizationStage;
import org.neuroseg.preprocess.MotionCorrectionStage;
import org.neuroseg.roi.RoiWriterStage;
import org.neuroseg.segmentation.ActiveCellTrackingStage;
import org.neuroseg.segmentation.CellOutlineStage;
import org.neuroseg.segmentation.BlobLabelerStage;
import org.neuroseg.segmentation.MaskCombinerStage;
import org.neuroseg.segmentation.ProjectionStage;
import org.neuroseg.segmentation.RefinementStage;
import org.neuroseg.synthetic.SyntheticVideoStage;

/**
 * The registry of stages: every node and every stage command comes from this list. Core's own stages come first;
 * stages of other modules follow, found through {@link StageProvider}.
 */
public final class Stages {

    private static final List<Stage> ALL = withProvided(VideoReaderStage.INSTANCE, SyntheticVideoStage.INSTANCE,
            LocalEqualizationStage.INSTANCE, MotionCorrectionStage.INSTANCE, ApplyShiftsStage.INSTANCE,
            ActivityFramesStage.INSTANCE, BlobLabelerStage.INSTANCE, ProjectionStage.INSTANCE,
            MaskCombinerStage.INSTANCE, ActiveCellTrackingStage.INSTANCE, CellOutlineStage.INSTANCE,
            RefinementStage.INSTANCE,
            ActivityValidationStage.INSTANCE, SegmentationScorerStage.INSTANCE, ScoreThresholdCheckStage.INSTANCE,
            RoiWriterStage.INSTANCE);

    private Stages() {
    }

    /** @return every stage, in the order of the pipeline */
    public static List<Stage> all() {
        return ALL;
    }

    private static List<Stage> withProvided(Stage... core) {
        List<Stage> stages = new ArrayList<>(List.of(core));
        for (StageProvider provider : ServiceLoader.load(StageProvider.class, Stages.class.getClassLoader())) {
            stages.addAll(provider.stages());
        }
        return List.copyOf(stages);
    }

    /**
     * @return the stage with {@code id}
     * @throws IllegalArgumentException when there is none
     */
    public static Stage byId(String id) {
        return ALL.stream().filter(stage -> stage.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stage with id '" + id + "'"));
    }
}
