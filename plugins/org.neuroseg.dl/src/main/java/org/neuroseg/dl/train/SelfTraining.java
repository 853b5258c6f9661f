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
import org.neuroseg.dl.model.UNetInput;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.preprocess.Preprocessing;
import org.neuroseg.segmentation.BlobLabelerStage;
import org.neuroseg.segmentation.StrongActivityCoverage;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.Video;
import org.neuroseg.video.Videos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-training of González-Colín et al., with no manual labels: the Blob Labeler's detections train the U-Net,
 * and the U-Net's output with the Blob Labeler's video mask trains the CGRU. For each video: Local Equalization,
 * Motion Correction, the recorded video moved by the same shifts and, for a U-Net that reads activity (the default,
 * {@link UNetInput}), the Activity Frames of that corrected recording; the Blob Labeler marks the cells in the
 * frames the U-Net reads its labels from; then {@link UNetTraining} on the network's input frames and the per-frame
 * blob masks of all videos (split by video with three or more videos, else by frames), the trained U-Net over every
 * video, and {@link CgruTraining} on those probability videos with the blob masks as targets, counted frame by frame
 * to the Blob Labeler's frames for the video mask: after each chunk the CGRU is asked for the pixels that were in a
 * blob often enough so far, and at the end for the video mask.
 *
 * <p>Which frames the Blob Labeler reads: for activity input, the activity frames themselves (they show a cell only
 * while it is brighter than its own baseline, so the labels mark what the network sees). For equalized input, the
 * corrected recording rather than the equalized frames: equalization maps every frame through its own contrast
 * curve, and on synthetic epifluorescence videos its frame-to-frame changes made the labeler mark silent cells as
 * active in about a fifth of the frames.
 *
 * <p>The report gives per video the labels' statistics (blob pixels a frame and their share of the frame, the video
 * mask's area, the Blob Labeler's threshold) and warns when they are implausible for cell bodies: labels that cover
 * much of the frame teach the networks the background, not the cells (the Blob Labeler itself labels a video again at
 * a higher threshold when its video mask covers more than its set share of the frame). It also warns when the trained
 * U-Net marks little of a video's strong activity ({@link StrongActivityCoverage#selfTrainingHint}).
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

    /** Above this share of the frame in blobs, on average, the labels are implausible for firing cells. */
    static final double MAX_BLOB_SHARE = 0.1;

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
            return new Settings(Preprocessing.Settings.defaults(), BlobLabelerStage.INSTANCE.defaults(),
                    UNetLearnerStage.INSTANCE.defaults(), UNetPredictorStage.INSTANCE.defaults(),
                    CgruLearnerStage.INSTANCE.defaults());
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
     * @param inputs the videos, at least one; crops larger than the smallest of them shrink to fit it
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
        UNetInput unetInput;
        try {
            // grey frames (one channel), each read with its frames of context
            unetConfig = UNetLearnerStage.toConfig(settings.unetLearner(),
                    Videos.channelsWithContext(1, contextFrames(settings)));
            cgruConfig = CgruLearnerStage.toConfig(settings.cgruLearner());
            unetInput = UNetInput.fromKey(settings.unetLearner().getString(UNetLearnerStage.INPUT_FRAMES));
        } catch (IllegalArgumentException e) {
            throw new NeurosegException(e.getMessage(), e);
        }
        int smallestSide = inputs.stream().mapToInt(input -> Math.min(input.video().shape().height(),
                input.video().shape().width())).min().getAsInt();
        unetConfig = cropFitting(unetConfig, smallestSide);
        cgruConfig = cropFitting(cgruConfig, smallestSide);
        // the CGRU's target grows frame by frame into the Blob Labeler's video mask
        cgruConfig = cgruConfig.withMinLabelledFrames(settings.labeler().getInt(BlobLabelerStage.MIN_FRAMES));
        ProgressMonitor monitor = context.monitor();
        List<Prepared> prepared = new ArrayList<>();
        List<LabeledVideo> probabilities = new ArrayList<>();
        try {
            for (int i = 0; i < inputs.size(); i++) {
                prepared.add(prepare(inputs.get(i), settings, unetInput, scratch.resolve("video" + (i + 1)),
                        part(monitor, 0, i, inputs.size())));
            }
            List<LabeledVideo> frames = new ArrayList<>();
            for (Prepared video : prepared) {
                frames.add(new LabeledVideo(video.name(), video.frames(), video.blobMasks())
                        .withTemporalContext(contextFrames(settings)));
            }
            LOGGER.info("Self-training: U-Net on {} videos", prepared.size());
            UNetTraining.Result unetResult = UNetTraining.run(unetConfig, frames, part(monitor, 1, 0, 1));
            ModelFile unet = UNetModelFile.write(context.outputFiles().newFile("unet" + UNetModelFile.EXTENSION),
                    unetResult.config(), unetInput, contextFrames(settings), unetResult.parameters(),
                    unetResult.summary());
            List<List<String>> unetWarnings = new ArrayList<>();
            for (int i = 0; i < prepared.size(); i++) {
                Prepared video = prepared.get(i);
                Path folder = video.folder().resolve("probabilities");
                UNetPredictorStage.Prediction predicted = UNetPredictorStage.predict(video.frames(), unet,
                        settings.unetPredictor(), inFolder(folder, part(monitor, 2, i, prepared.size())));
                probabilities.add(new LabeledVideo(video.name(), predicted.probabilities(), video.blobMasks()));
                List<String> warnings = predicted.coverage().flatMap(StrongActivityCoverage::selfTrainingHint)
                        .stream().toList();
                warnings.forEach(warning -> LOGGER.warn("Self-training: {}: {}", video.name(), warning));
                unetWarnings.add(warnings);
                video.discardFrames();
            }
            LOGGER.info("Self-training: CGRU on {} probability videos", probabilities.size());
            CgruTraining.Result cgruResult = CgruTraining.run(cgruConfig, probabilities, part(monitor, 3, 0, 1));
            ModelFile cgru = CgruModelFile.write(context.outputFiles().newFile("cgru" + CgruModelFile.EXTENSION),
                    cgruResult.config(), cgruResult.parameters(), cgruResult.summary());
            return new Result(unet, cgru, report(prepared, unetWarnings,
                    settings.labeler().getDouble(BlobLabelerStage.MAX_VIDEO_MASK) / 100, unetResult.summary(),
                    cgruResult.summary()));
        } finally {
            for (LabeledVideo video : probabilities) {
                close(video.frames());
            }
            for (Prepared video : prepared) {
                video.discardAll();
            }
        }
    }

    private static int contextFrames(Settings settings) {
        return settings.unetLearner().getInt(UNetLearnerStage.CONTEXT);
    }

    /**
     * A user's recordings may be smaller than the default crop (a miniscope movie of 108 x 123 pixels): the U-Net
     * then trains on the largest crop that fits, a multiple of its size step, rather than failing.
     */
    static UNetTrainingConfig cropFitting(UNetTrainingConfig config, int smallestSide) {
        int fitting = config.network().largestSizeWithin(smallestSide);
        if (config.cropSize() <= smallestSide || fitting == 0) {
            return config;
        }
        LOGGER.warn("Self-training: frames of {} px on their smaller side; the U-Net trains on crops of {} px instead "
                + "of {}", smallestSide, fitting, config.cropSize());
        return config.withCropSize(fitting);
    }

    /** The CGRU's windows likewise shrink to the smaller side of the smallest video. */
    static CgruTrainingConfig cropFitting(CgruTrainingConfig config, int smallestSide) {
        if (config.cropSize() <= smallestSide || smallestSide < 8) {
            return config;
        }
        LOGGER.warn("Self-training: the CGRU trains on windows of {} px instead of {}", smallestSide,
                config.cropSize());
        return config.withCropSize(smallestSide);
    }

    /**
     * A video ready for training.
     *
     * @param name the input's name
     * @param folder its scratch folder
     * @param frames what the U-Net reads (float32), in {@code folder/corrected}
     * @param blobMasks the Blob Labeler's per-frame masks, in {@code folder/labels}
     * @param videoMaskPixels pixels of the Blob Labeler's video mask
     * @param blobPixelsPerFrame blob pixels of the average frame
     * @param labelThreshold the Blob Labeler's threshold that made the labels
     * @param blobSizes the sizes its blobs took
     */
    private record Prepared(String name, Path folder, Video frames, Video blobMasks, long videoMaskPixels,
            double blobPixelsPerFrame, double labelThreshold, BlobLabelerStage.BlobSizes blobSizes) {

        /** Closes and deletes the frames, which only the U-Net needs. */
        void discardFrames() {
            discard(frames, folder.resolve("corrected"));
        }

        /** Closes and deletes the frames and the blob masks. */
        void discardAll() {
            discardFrames();
            discard(blobMasks, folder.resolve("labels"));
        }
    }

    private static Prepared prepare(Input input, Settings settings, UNetInput unetInput, Path folder,
            ProgressMonitor monitor) throws NeurosegException, CanceledException {
        boolean activity = unetInput == UNetInput.ACTIVITY;
        Preprocessing.Result preprocessed = Preprocessing.run(input.video(), settings.preprocessing(),
                activity ? Preprocessing.Extent.ACTIVITY : Preprocessing.Extent.RECORDED_CORRECTED,
                scratchFolder(folder.resolve("equalized")), inFolder(folder.resolve("corrected"),
                        monitor.subMonitor(0, 0.75)));
        Video frames = activity ? preprocessed.activity() : preprocessed.corrected();
        Video labelled = activity ? preprocessed.activity() : preprocessed.recordedCorrected();
        try {
            PortValues labels;
            try {
                labels = BlobLabelerStage.INSTANCE.run(PortValues.of(BlobLabelerStage.VIDEO, labelled),
                        settings.labeler(), inFolder(folder.resolve("labels"), monitor.subMonitor(0.75, 1)));
            } finally {
                for (Video unused : new Video[] {preprocessed.recordedCorrected(), activity ? preprocessed.corrected()
                        : null}) {
                    if (unused != null) {
                        close(unused);
                        if (unused instanceof FileVideo stored) {
                            AtomicFiles.deleteQuietly(stored.file());
                        }
                    }
                }
            }
            Video blobMasks = labels.get(BlobLabelerStage.BLOB_MASKS);
            long videoMaskPixels;
            BlobLabelerStage.BlobSizes blobSizes;
            try (Video stored = labels.get(BlobLabelerStage.VIDEO_MASK)) {
                videoMaskPixels = Videos.countAboveHalf(stored, monitor);
                blobSizes = BlobLabelerStage.blobSizes(stored);
            } catch (IOException e) {
                throw new NeurosegException("Cannot close the video mask of " + input.name() + ": " + e.getMessage(), e);
            }
            double perFrame = Videos.countAboveHalf(blobMasks, monitor) / (double) blobMasks.shape().frames();
            LOGGER.info("Self-training: {} prepared ({} frames, {} blob pixels a frame)", input.name(),
                    frames.shape().frames(), String.format(Locale.ROOT, "%.1f", perFrame));
            return new Prepared(input.name(), folder, frames, blobMasks, videoMaskPixels, perFrame,
                    BlobLabelerStage.thresholdUsed(blobMasks), blobSizes);
        } catch (NeurosegException | CanceledException | RuntimeException e) {
            discard(frames, folder.resolve("corrected"));
            throw e;
        }
    }

    private static JsonObject report(List<Prepared> videos, List<List<String>> unetWarnings,
            double largestMaskShare, JsonObject unet, JsonObject cgru) {
        JsonArray list = new JsonArray();
        for (int v = 0; v < videos.size(); v++) {
            Prepared video = videos.get(v);
            JsonObject entry = new JsonObject();
            entry.addProperty("name", video.name());
            entry.addProperty("frames", video.blobMasks().shape().frames());
            entry.addProperty("blobPixelsPerFrame", video.blobPixelsPerFrame());
            entry.addProperty("blobLabelerThreshold", video.labelThreshold());
            video.blobSizes().addTo(entry);
            int framePixels = video.blobMasks().shape().pixelsPerFrame();
            long pixels = video.videoMaskPixels();
            entry.addProperty("videoMaskPixels", pixels);
            double blobShare = video.blobPixelsPerFrame() / framePixels;
            double maskShare = pixels / (double) framePixels;
            entry.addProperty("blobShareOfFrame", blobShare);
            entry.addProperty("videoMaskShareOfFrame", maskShare);
            JsonArray warnings = new JsonArray();
            // the Blob Labeler has already warned of cells larger than assumed while labelling; the report keeps it
            String saidByLabeler = video.blobSizes().largerCellsAdvice().orElse(null);
            for (String warning : labelWarnings(blobShare, maskShare, largestMaskShare, video.blobSizes())) {
                warnings.add(warning);
                if (!warning.equals(saidByLabeler)) {
                    LOGGER.warn("Self-training: {}: {}", video.name(), warning);
                }
            }
            unetWarnings.get(v).forEach(warnings::add);
            entry.add("warnings", warnings);
            list.add(entry);
        }
        JsonObject report = new JsonObject();
        report.add("videos", list);
        report.add("unet", unet);
        report.add("cgru", cgru);
        return report;
    }

    /**
     * @param blobShare blob pixels of the average frame over the frame's pixels
     * @param maskShare video-mask pixels over the frame's pixels
     * @param largestMaskShare the largest plausible share (the Blob Labeler's setting)
     * @param blobSizes the sizes the blobs took
     * @return what is implausible about labels of cell bodies with this coverage and these sizes, empty when nothing
     *         is
     */
    static List<String> labelWarnings(double blobShare, double maskShare, double largestMaskShare,
            BlobLabelerStage.BlobSizes blobSizes) {
        List<String> warnings = new ArrayList<>();
        if (blobShare == 0) {
            warnings.add("the Blob Labeler found no blob in any frame: nothing to learn from (lower its threshold "
                    + "or check the cell radius)");
        } else if (blobShare > MAX_BLOB_SHARE) {
            warnings.add(String.format(Locale.ROOT, "blobs cover %.0f %% of the average frame: firing cells rarely "
                    + "cover more than %.0f %%, so the labels likely mark background (raise the Blob Labeler's "
                    + "threshold or check the cell radius)", 100 * blobShare, 100 * MAX_BLOB_SHARE));
        }
        if (maskShare > largestMaskShare) {
            warnings.add(String.format(Locale.ROOT, "the video mask covers %.0f %% of the frame: more than the %.0f %% "
                    + "that cell bodies plausibly cover, so the CGRU would learn to mark background (raise the Blob "
                    + "Labeler's threshold or its frames for the video mask)", 100 * maskShare,
                    100 * largestMaskShare));
        }
        blobSizes.largerCellsAdvice().ifPresent(warnings::add);
        return warnings;
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
