package org.neuroseg.dl.pipeline;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.DjlEngine;
import org.neuroseg.dl.infer.CgruInference;
import org.neuroseg.dl.infer.CgruPredictorStage;
import org.neuroseg.dl.infer.FrameGroups;
import org.neuroseg.dl.infer.UNetInference;
import org.neuroseg.dl.infer.UNetPredictorStage;
import org.neuroseg.dl.model.CgruModelFile;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.preprocess.FramePipeline;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.segmentation.ActiveCellTracker;
import org.neuroseg.segmentation.ActiveCellTrackingStage;
import org.neuroseg.segmentation.StrongActivityCoverage;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The U-Net Predictor feeding the {@link CellMap} frame by frame, without the probability video in between: U-Net
 * workers (each with its own copy of the network, on {@link FramePipeline} threads) predict the frames in parallel,
 * and the calling thread pushes their probabilities into Active Cell Tracking or the CGRU, in frame order while the
 * workers go on. The CGRU's result equals running the two stages one after the other with the
 * same parameters (the U-Net Predictor's batch size aside, which does not change its output). At most a few frames
 * per worker are in flight, so memory does not depend on the number of frames.
 *
 * <p>On a CPU the workers pay when each PyTorch operation runs on one thread ({@code ai.djl.pytorch.num_threads=1},
 * read when the engine starts): two frames on two cores in parallel beat one frame on two cores, whose small
 * operations spend much of their time synchronising. {@link #defaultWorkers()} follows that setting.
 */
public final class FunctionalProbability {

    private static final Logger LOGGER = LoggerFactory.getLogger(FunctionalProbability.class);

    private FunctionalProbability() {
    }

    /**
     * @return processors divided by the PyTorch threads per operation ({@code ai.djl.pytorch.num_threads}, by
     *         default one per processor), at least 1
     */
    public static int defaultWorkers() {
        int processors = Runtime.getRuntime().availableProcessors();
        int threadsPerOperation = Integer.getInteger("ai.djl.pytorch.num_threads", processors);
        return Math.max(1, processors / Math.max(1, threadsPerOperation));
    }

    /**
     * What the U-Net's masks became.
     *
     * @param map height x width values in [0, 1), row-major: the number of frames in which each pixel is active,
     *        scaled by {@link CellMap#activeFrames}, or the CGRU's probability
     * @param candidates the cells followed through the frames ({@link CellMap#ACTIVE_FRAMES}), or null when
     *        Morphological Refinement is to cut them out of the map ({@link CellMap#CGRU})
     * @param warnings what the user should know about the U-Net's output on this video: that it marks little of the
     *        strong activity ({@link StrongActivityCoverage}); empty when nothing
     */
    public record Result(float[] map, RoiSet candidates, List<String> warnings) {

        /** Copies the warnings. */
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Computes the map of the cells that fire and, for {@link CellMap#ACTIVE_FRAMES}, the candidate cells: the
     * regions of each frame's mask followed through the frames ({@link ActiveCellTrackingStage}).
     *
     * @param video the preprocessed (equalized, motion-corrected) video, at least one frame; read from several
     *        threads at once, so it must be thread-safe for reading (a video store is)
     * @param map how the U-Net's per-frame masks become one map
     * @param unet a U-Net model file
     * @param unetParameters parameters of the {@link UNetPredictorStage}
     * @param cgru a CGRU model file, read only for {@link CellMap#CGRU}
     * @param cgruParameters parameters of the {@link CgruPredictorStage}
     * @param tracking parameters of {@link ActiveCellTrackingStage}, resolved for the recording; used for
     *        {@link CellMap#ACTIVE_FRAMES}
     * @param workers U-Net workers, at least 1
     * @param monitor progress over the frames; checked for cancellation once per frame
     * @return the map, and the candidates where the map gives them
     * @throws NeurosegException when a model file cannot be read (the message names it), a parameter does not fit
     *         the model, or the video has no frames
     */
    public static Result compute(Video video, CellMap map, ModelFile unet, Parameters unetParameters,
            ModelFile cgru, Parameters cgruParameters, Parameters tracking, int workers, ProgressMonitor monitor)
            throws NeurosegException, CanceledException {
        VideoShape shape = video.shape();
        if (shape.frames() == 0) {
            throw new NeurosegException("The video to segment has no frames");
        }
        if (map == CellMap.ACTIVE_FRAMES) {
            ActiveCellTracker tracker = ActiveCellTrackingStage.tracker(shape.height(), shape.width(), tracking);
            List<String> warnings = predict(video, unet, unetParameters, workers, tracker::push, monitor);
            double[] sum = tracker.activeFrames();
            float[] result = new float[sum.length];
            for (int i = 0; i < sum.length; i++) {
                result[i] = CellMap.activeFrames(sum[i]);
            }
            return new Result(result, ActiveCellTrackingStage.cells(tracker, tracking), warnings);
        }
        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            CgruModelFile.Loaded memory = CgruModelFile.read(cgru.file(), manager);
            try (CgruInference inference = checked("CGRU Predictor", () -> new CgruInference(memory.network(),
                    manager, shape.height(), shape.width(), cgruParameters.getInt(CgruPredictorStage.TILE),
                    cgruParameters.getInt(CgruPredictorStage.OVERLAP)))) {
                List<String> warnings = predict(video, unet, unetParameters, workers, inference::push, monitor);
                return new Result(inference.probability(), null, warnings);
            }
        }
    }

    /**
     * Runs the U-Net workers over the frames and hands each frame's probabilities to {@code sink} in frame order.
     *
     * @return when the U-Net reads Activity Frames and marks little of their strong activity, the warning of
     *         {@link StrongActivityCoverage}, logged too; otherwise nothing
     */
    private static List<String> predict(Video video, ModelFile unet, Parameters unetParameters, int workers,
            Consumer<float[]> sink, ProgressMonitor monitor) throws NeurosegException, CanceledException {
        VideoShape shape = video.shape();
        FrameGroups groups = new FrameGroups(shape.frames(), unetParameters.getInt(UNetPredictorStage.FRAMES_AVERAGED));
        List<UNetWorker> created = new ArrayList<>();
        try (FramePipeline<UNetWorker> pipeline = new FramePipeline<>(workers, () -> {
            UNetWorker worker = new UNetWorker(unet, unetParameters, video);
            created.add(worker);
            return worker;
        })) {
            pipeline.run(groups.count(), group -> false, (group, worker) -> worker.predict(groups, group),
                    (group, probability) -> {
                        for (int t = 0; t < groups.length(group); t++) {
                            sink.accept(probability);
                        }
                    }, monitor);
        }
        if (created.get(0).coverage == null) {
            return List.of();
        }
        StrongActivityCoverage coverage = new StrongActivityCoverage();
        created.forEach(worker -> coverage.add(worker.coverage));
        List<String> warnings = coverage.hint().stream().toList();
        warnings.forEach(LOGGER::warn);
        return warnings;
    }

    /** One thread's U-Net: its own manager, network and frame buffers. */
    private static final class UNetWorker implements AutoCloseable {
        private final NDManager manager;
        private final UNetInference inference;
        private final Video frames;
        private final VideoShape shape;
        private final float[] buffer;
        private final float[] mean;
        /** What this worker's frames showed of the U-Net's reach, when it reads Activity Frames; else null. */
        private final StrongActivityCoverage coverage;

        UNetWorker(ModelFile model, Parameters parameters, Video video) throws NeurosegException {
            this.manager = DjlEngine.get().newBaseManager();
            try {
                UNetModelFile.Loaded loaded = UNetModelFile.read(model.file(), manager);
                this.frames = loaded.framesToRead(video);
                this.shape = frames.shape();
                this.buffer = new float[shape.pixelsPerFrame()];
                this.mean = new float[shape.pixelsPerFrame()];
                this.coverage = loaded.readsActivity() ? new StrongActivityCoverage() : null;
                this.inference = checked("U-Net Predictor", () -> UNetInference.forRecording(loaded, manager,
                        parameters.getInt(UNetPredictorStage.TILE), parameters.getInt(UNetPredictorStage.OVERLAP),
                        video.recording()));
                inference.checkInput(shape, "the video to segment");
            } catch (NeurosegException | RuntimeException e) {
                manager.close();
                throw e;
            }
        }

        float[] predict(FrameGroups groups, int group) throws NeurosegException {
            groups.mean(frames, group, buffer, mean);
            float[] probability = inference.predict(new float[][] {mean}, shape.height(), shape.width())[0];
            if (coverage != null) {
                coverage.push(mean, shape.channels(), probability);
            }
            return probability;
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    /** Turns a parameter that does not fit the model ({@link IllegalArgumentException}) into a user's error. */
    private static <T> T checked(String stage, Supplier<T> construction) throws NeurosegException {
        try {
            return construction.get();
        } catch (IllegalArgumentException e) {
            throw new NeurosegException(stage + ": " + e.getMessage(), e);
        }
    }
}
