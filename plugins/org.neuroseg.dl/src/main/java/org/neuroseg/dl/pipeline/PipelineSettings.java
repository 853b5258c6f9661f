package org.neuroseg.dl.pipeline;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroseg.activity.ActivityValidationStage;
import org.neuroseg.dl.infer.CgruPredictorStage;
import org.neuroseg.dl.infer.UNetPredictorStage;
import org.neuroseg.io.VideoReaderStage;
import org.neuroseg.preprocess.ActivityFramesStage;
import org.neuroseg.preprocess.ApplyShiftsStage;
import org.neuroseg.preprocess.LocalEqualizationStage;
import org.neuroseg.preprocess.MotionCorrectionStage;
import org.neuroseg.preprocess.Preprocessing;
import org.neuroseg.segmentation.ActiveCellTrackingStage;
import org.neuroseg.segmentation.CellOutlineStage;
import org.neuroseg.segmentation.RefinementStage;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.Stage;

/**
 * What one run of the {@link EndToEndPipeline} needs: the two models, the parameters of each stage it runs (the
 * video file is the reader's {@link VideoReaderStage#FILE}) and the number of U-Net workers. Immutable.
 *
 * @param unet the U-Net model file
 * @param cgru the CGRU model file, used when {@code cellMap} is {@link CellMap#CGRU}
 * @param cellMap how the U-Net's per-frame masks become the candidate cells
 * @param parameters stage id to that stage's checked parameters, one entry for each of {@link #STAGES}
 * @param unetWorkers U-Net workers running in parallel ({@link FunctionalProbability}), at least 1
 */
public record PipelineSettings(ModelFile unet, ModelFile cgru, CellMap cellMap, Map<String, Parameters> parameters,
        int unetWorkers) {

    /** Key of the frame rate that stages use when the video does not record its own. */
    public static final String FRAME_RATE_KEY = "frameRateHz";

    /** The stages whose parameters the pipeline takes, in pipeline order. */
    public static final List<Stage> STAGES = List.of(VideoReaderStage.INSTANCE, LocalEqualizationStage.INSTANCE,
            MotionCorrectionStage.INSTANCE, ActivityFramesStage.INSTANCE, UNetPredictorStage.INSTANCE,
            ActiveCellTrackingStage.INSTANCE, CellOutlineStage.INSTANCE, CgruPredictorStage.INSTANCE,
            RefinementStage.INSTANCE, ActivityValidationStage.INSTANCE);

    /** Checks that every stage has parameters and nothing else does, and copies the map. */
    public PipelineSettings {
        if (unet == null || cgru == null || cellMap == null) {
            throw new NullPointerException("both models and the cell map are required");
        }
        for (Stage stage : STAGES) {
            if (!parameters.containsKey(stage.id())) {
                throw new IllegalArgumentException("no parameters for stage '" + stage.id() + "'");
            }
            stage.checkParameters(parameters.get(stage.id()));
        }
        if (parameters.size() != STAGES.size()) {
            throw new IllegalArgumentException("parameters for stages the pipeline does not run: "
                    + parameters.keySet());
        }
        if (unetWorkers < 1) {
            throw new IllegalArgumentException("U-Net workers must be at least 1, got " + unetWorkers);
        }
        parameters = Map.copyOf(parameters);
    }

    /**
     * @param video the video file or folder to segment
     * @return every stage at its defaults, the given models, the {@link CellMap#ACTIVE_FRAMES} map,
     *         {@link FunctionalProbability#defaultWorkers()} workers
     */
    public static PipelineSettings defaults(Path video, ModelFile unet, ModelFile cgru) {
        Map<String, Parameters> defaults = new LinkedHashMap<>();
        for (Stage stage : STAGES) {
            defaults.put(stage.id(), stage.defaults());
        }
        defaults.put(VideoReaderStage.INSTANCE.id(), VideoReaderStage.INSTANCE.defaults()
                .with(VideoReaderStage.FILE.key(), video.toString()));
        return new PipelineSettings(unet, cgru, CellMap.ACTIVE_FRAMES, defaults,
                FunctionalProbability.defaultWorkers());
    }

    /** @return the parameters of {@code stage}, one of {@link #STAGES} */
    public Parameters of(Stage stage) {
        Parameters found = parameters.get(stage.id());
        if (found == null) {
            throw new IllegalArgumentException("the pipeline does not run stage '" + stage.id() + "'");
        }
        return found;
    }

    /** @return a copy with the parameters of {@code stage}, one of {@link #STAGES}, replaced */
    public PipelineSettings with(Stage stage, Parameters stageParameters) {
        of(stage);
        Map<String, Parameters> copy = new LinkedHashMap<>(parameters);
        copy.put(stage.id(), stageParameters);
        return new PipelineSettings(unet, cgru, cellMap, copy, unetWorkers);
    }

    /** @return the parameters of preprocessing; the recorded video is moved by whole pixels (Apply Shifts' default) */
    public Preprocessing.Settings preprocessing() {
        return new Preprocessing.Settings(of(LocalEqualizationStage.INSTANCE), of(MotionCorrectionStage.INSTANCE),
                ApplyShiftsStage.INSTANCE.defaults(), of(ActivityFramesStage.INSTANCE));
    }

    /**
     * @param frameRateHz frames per second, for videos whose file does not record it
     * @return a copy in which every stage that converts seconds to frames uses {@code frameRateHz} when the video
     *         does not record its frame rate (the parameters keyed {@value #FRAME_RATE_KEY})
     */
    public PipelineSettings withFrameRateIfUnknown(double frameRateHz) {
        Map<String, Parameters> copy = new LinkedHashMap<>(parameters);
        for (Stage stage : STAGES) {
            if (stage.parameters().stream().anyMatch(spec -> spec.key().equals(FRAME_RATE_KEY))) {
                copy.put(stage.id(), of(stage).with(FRAME_RATE_KEY, frameRateHz));
            }
        }
        return new PipelineSettings(unet, cgru, cellMap, copy, unetWorkers);
    }

    /** @return a copy with {@code workers} U-Net workers */
    public PipelineSettings withUnetWorkers(int workers) {
        return new PipelineSettings(unet, cgru, cellMap, parameters, workers);
    }

    /** @return a copy that makes its cell map with {@code map} */
    public PipelineSettings withCellMap(CellMap map) {
        return new PipelineSettings(unet, cgru, map, parameters, unetWorkers);
    }

}
