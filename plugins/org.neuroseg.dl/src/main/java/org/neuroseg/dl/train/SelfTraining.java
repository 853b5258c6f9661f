package org.neuroseg.dl.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.infer.UNetPredictorStage;
import org.neuroseg.dl.model.CgruModelFile;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.preprocess.Preprocessing;
import org.neuroseg.segmentation.BlobLabelerStage;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-training of González-Colín et al., with no manual labels: the Blob Labeler's detections train the U-Net,
 * and the U-Net's output with the Blob Labeler's video mask trains the CGRU. For each video: Local Equalization,
 * then Motion Correction of the equalized video (the networks' input, as in the pipeline that applies them), and
 * the Blob Labeler on the raw video moved by the same shifts; then {@link UNetTraining} on the corrected frames and
 * the per-frame blob masks of all videos (split by video with three or more videos, else by frames), the trained
 * U-Net over every corrected video, and {@link CgruTraining} on those probability videos with the video masks as
 * targets.
 *
 * <p>The Blob Labeler reads the raw frames, not the equalized ones: equalization maps every frame through its own
 * contrast curve, and on synthetic epifluorescence videos its frame-to-frame changes made the labeler mark silent
 * cells as active in about a fifth of the frames (its video mask then covered the whole field), while on the raw
 * frames it marked no silent cell.
 *
 * <p>Intermediate videos go into a scratch folder, one sub-folder per video and step, each deleted as soon as it is no
 * longer needed; the caller removes the scratch folder. Memory does not grow with the videos' length (every stage streams,
 * training reads frames and windows from memory-mapped stores). Cancellation: every stage checks the monitor at
 * least once per frame batch or training step; canceling anywhere stops the whole run with {@link CanceledException}.
 */
public final class SelfTraining {

    private static final Logger LOGGER = LoggerFactory.getLogger(SelfTraining.class);

    /** Shares of the progress bar: preprocessing and labels, U-Net training, U-Net prediction, CGRU training. */
    private static final double[] PROGRESS = {0, 0.15, 0.6, 0.75, 1};

    private SelfTraining() {
    }

    /**
     * One training video.
     *
     * @param name how messages and the report name it (its file name)
     * @param video the raw video, (T, Y, X), any pixel type
     */
    public record Input(String name, Video video) {
    }

    /**
     * The parameters of every stage the self-training runs; start from {@link #defaults()}.
     *
     * @param preprocessing of {@link Preprocessing}, whose corrected recorded video the Blob Labeler labels
     * @param labeler of {@link BlobLabelerStage}
     * @param unetLearner of {@link UNetLearnerStage} (its folder of more training data is ignored)
     * @param unetPredictor of {@link UNetPredictorStage}
     * @param cgruLearner of {@link CgruLearnerStage} (its folder of more training data is ignored)
     */
    public record Settings(Preprocessing.Settings preprocessing, Parameters labeler, Parameters unetLearner,
            Parameters unetPredictor, Parameters cgruLearner) {

        /** @return every stage's defaults */
        public static Settings defaults() {
            return new Settings(Preprocessing.Settings.defaults(), BlobLabelerStage.INSTANCE.defaults(), UNetLearnerStage.INSTANCE.defaults(),
                    UNetPredictorStage.INSTANCE.defaults(), CgruLearnerStage.INSTANCE.defaults());
        }
    }

    /**
     * What self-training produced.
     *
     * @param unet the U-Net model file, made by {@code context.outputFiles()}
     * @param cgru the CGRU model file, made by {@code context.outputFiles()}
     * @param report per video its frames and label coverage; the U-Net's and the CGRU's training records (losses of
     *        every epoch, best epoch, validation and test scores); see {@link TrainingReport}
     */
    public record Result(ModelFile unet, ModelFile cgru, JsonObject report) {
    }

    /**
     * Trains both networks.
     *
     * @param inputs the videos, at least one; each at least as large as both crop sizes
     * @param settings the stages' parameters
     * @param scratch an existing folder for intermediate videos: while the U-Net trains it holds every video's
     *        corrected frames (float32) and blob masks (uint8), 5 bytes a pixel and frame in all
     * @param context where the two model files go, progress and cancellation
     * @throws NeurosegException when there is no video, a parameter is out of range, or a stage fails (the message
     *         names the video)
     * @throws CanceledException when the monitor cancels
     */
    public static Result run(List<Input> inputs, Settings settings, Path scratch, StageContext context)
            throws NeurosegException, CanceledException {
        if (inputs.isEmpty()) {
            throw new NeurosegException("Self-training needs at least one video");
        }
        UNetTrainingConfig unetConfig;
        CgruTrainingConfig cgruConfig;
        try {
            unetConfig = UNetLearnerStage.toConfig(settings.unetLearner(), 1); // equalized frames: one channel
            cgruConfig = CgruLearnerStage.toConfig(settings.cgruLearner());
        } catch (IllegalArgumentException e) {
            throw new NeurosegException(e.getMessage(), e);
        }
        ProgressMonitor monitor = context.monitor();
        List<Prepared> prepared = new ArrayList<>();
        List<LabeledVideo> probabilities = new ArrayList<>();
        try {
            for (int i = 0; i < inputs.size(); i++) {
                prepared.add(prepare(inputs.get(i), settings, scratch.resolve("video" + (i + 1)),
                        part(monitor, 0, i, inputs.size())));
            }
            List<LabeledVideo> frames = new ArrayList<>();
            for (Prepared video : prepared) {
                frames.add(new LabeledVideo(video.name(), video.corrected(), video.blobMasks()));
            }
            LOGGER.info("Self-training: U-Net on {} videos", prepared.size());
            UNetTraining.Result unetResult = UNetTraining.run(unetConfig, frames, part(monitor, 1, 0, 1));
            ModelFile unet = UNetModelFile.write(context.outputFiles().newFile("unet" + UNetModelFile.EXTENSION),
                    unetResult.config(), unetResult.parameters(), unetResult.summary());
            for (int i = 0; i < prepared.size(); i++) {
                Prepared video = prepared.get(i);
                Path folder = video.folder().resolve("probabilities");
                Video predicted = UNetPredictorStage.INSTANCE.run(PortValues.of(UNetPredictorStage.VIDEO,
                        video.corrected()).with(UNetPredictorStage.MODEL, unet), settings.unetPredictor(),
                        inFolder(folder, part(monitor, 2, i, prepared.size()))).get(UNetPredictorStage.PROBABILITIES);
                probabilities.add(new LabeledVideo(video.name(), predicted, video.videoMask()));
                video.discardFrames();
            }
            LOGGER.info("Self-training: CGRU on {} probability videos", probabilities.size());
            CgruTraining.Result cgruResult = CgruTraining.run(cgruConfig, probabilities, part(monitor, 3, 0, 1));
            ModelFile cgru = CgruModelFile.write(context.outputFiles().newFile("cgru" + CgruModelFile.EXTENSION),
                    cgruResult.config(), cgruResult.parameters(), cgruResult.summary());
            return new Result(unet, cgru, report(prepared, unetResult.summary(), cgruResult.summary()));
        } finally {
            for (LabeledVideo video : probabilities) {
                close(video.frames());
            }
            for (Prepared video : prepared) {
                video.discardFrames();
            }
        }
    }

    /**
     * A video ready for training.
     *
     * @param name the input's name
     * @param folder its scratch folder
     * @param corrected equalized, motion-corrected frames (float32), in {@code folder/corrected}
     * @param blobMasks the Blob Labeler's per-frame masks of the raw frames moved by the same shifts, in
     *        {@code folder/labels}
     * @param videoMask the Blob Labeler's video mask (one frame, on the heap)
     * @param blobPixelsPerFrame blob pixels of the average frame
     */
    private record Prepared(String name, Path folder, Video corrected, Video blobMasks, Video videoMask,
            double blobPixelsPerFrame) {

        /** Closes and deletes the frames and blob masks, which only the U-Net needs. */
        void discardFrames() {
            discard(corrected, folder.resolve("corrected"));
            discard(blobMasks, folder.resolve("labels"));
        }
    }

    private static Prepared prepare(Input input, Settings settings, Path folder, ProgressMonitor monitor)
            throws NeurosegException, CanceledException {
        Preprocessing.Result preprocessed = Preprocessing.run(input.video(), settings.preprocessing(),
                Preprocessing.Extent.RECORDED_CORRECTED,
                scratchFolder(folder.resolve("equalized")), inFolder(folder.resolve("corrected"),
                        monitor.subMonitor(0, 0.75)));
        Video correctedVideo = preprocessed.corrected();
        try {
            PortValues labels;
            try {
                labels = BlobLabelerStage.INSTANCE.run(PortValues.of(BlobLabelerStage.VIDEO,
                        preprocessed.recordedCorrected()), settings.labeler(), inFolder(folder.resolve("labels"),
                                monitor.subMonitor(0.75, 1)));
            } finally {
                close(preprocessed.recordedCorrected());
                if (preprocessed.recordedCorrected() instanceof FileVideo stored) {
                    AtomicFiles.deleteQuietly(stored.file());
                }
            }
            Video blobMasks = labels.get(BlobLabelerStage.BLOB_MASKS);
            Video videoMask;
            try (Video stored = labels.get(BlobLabelerStage.VIDEO_MASK)) {
                float[] mask = new float[stored.shape().pixelsPerFrame()];
                stored.readFrame(0, mask);
                videoMask = ArrayVideo.image(stored.shape().height(), stored.shape().width(), PixelType.UINT8, mask);
            } catch (IOException e) {
                throw new NeurosegException("Cannot close the video mask of " + input.name() + ": " + e.getMessage(), e);
            }
            double perFrame = countLabeled(blobMasks, monitor) / (double) blobMasks.shape().frames();
            LOGGER.info("Self-training: {} prepared ({} frames, {} blob pixels a frame)", input.name(),
                    correctedVideo.shape().frames(), String.format(Locale.ROOT, "%.1f", perFrame));
            return new Prepared(input.name(), folder, correctedVideo, blobMasks, videoMask, perFrame);
        } catch (NeurosegException | CanceledException | RuntimeException e) {
            discard(correctedVideo, folder.resolve("corrected"));
            throw e;
        }
    }

    private static long countLabeled(Video masks, ProgressMonitor monitor) throws NeurosegException,
            CanceledException {
        float[] frame = new float[masks.shape().pixelsPerFrame()];
        long count = 0;
        for (int t = 0; t < masks.shape().frames(); t++) {
            monitor.checkCanceled();
            masks.readFrame(t, frame);
            for (float value : frame) {
                count += value > 0.5f ? 1 : 0;
            }
        }
        return count;
    }

    private static JsonObject report(List<Prepared> videos, JsonObject unet, JsonObject cgru)
            throws NeurosegException {
        JsonArray list = new JsonArray();
        for (Prepared video : videos) {
            JsonObject entry = new JsonObject();
            entry.addProperty("name", video.name());
            entry.addProperty("frames", video.blobMasks().shape().frames());
            entry.addProperty("blobPixelsPerFrame", video.blobPixelsPerFrame());
            float[] mask = new float[video.videoMask().shape().pixelsPerFrame()];
            video.videoMask().readFrame(0, mask);
            long pixels = 0;
            for (float value : mask) {
                pixels += value > 0.5f ? 1 : 0;
            }
            entry.addProperty("videoMaskPixels", pixels);
            list.add(entry);
        }
        JsonObject report = new JsonObject();
        report.add("videos", list);
        report.add("unet", unet);
        report.add("cgru", cgru);
        return report;
    }

    /** @return the monitor of the {@code index}-th of {@code count} equal parts of a step of the progress bar */
    private static ProgressMonitor part(ProgressMonitor monitor, int step, int index, int count) {
        double width = (PROGRESS[step + 1] - PROGRESS[step]) / count;
        return monitor.subMonitor(PROGRESS[step] + width * index, PROGRESS[step] + width * (index + 1));
    }

    /** @return a context writing into {@code folder}, created if missing */
    private static StageContext inFolder(Path folder, ProgressMonitor monitor) throws NeurosegException {
        return StageContext.inDirectory(scratchFolder(folder), monitor);
    }

    /** @return {@code folder}, created if missing */
    private static Path scratchFolder(Path folder) throws NeurosegException {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new NeurosegException("Cannot create the scratch folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Closes a video that is no longer needed and deletes its folder, so that scratch space stays small. */
    private static void discard(Video video, Path folder) {
        close(video);
        AtomicFiles.deleteTreeQuietly(folder);
    }

    private static void close(Video video) {
        try {
            video.close();
        } catch (IOException ignored) {
            // only read; nothing to save
        }
    }
}
