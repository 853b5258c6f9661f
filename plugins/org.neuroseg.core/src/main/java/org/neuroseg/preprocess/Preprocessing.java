package org.neuroseg.preprocess;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.MotionShifts;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.Picture;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.StageTiming;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.Video;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preprocessing that every pipeline shares: Local Equalization, Motion Correction of the equalized frames, the
 * estimated shifts applied to the recorded video (Apply Shifts), whose intensities ΔF/F and the Blob Labeler need,
 * and optionally the Activity Frames of that corrected recording. {@code neuroseg preprocess}, {@code run} and
 * {@code train} all go through here, so that a step is added once and the commands cannot drift apart.
 *
 * <p>The equalized video is an intermediate: it is written into the scratch folder and deleted as soon as motion
 * is corrected. Every step streams frames, so memory does not grow with the number of frames.
 */
public final class Preprocessing {

    private static final Logger LOGGER = LoggerFactory.getLogger(Preprocessing.class);

    /** Where each step ends on the progress bar: about its share of the time at 512 x 512. */
    private static final double EQUALIZED = 0.3;
    private static final double CORRECTED = 0.85;
    private static final double SHIFTED = 0.92;

    private Preprocessing() {
    }

    /**
     * The parameters of the three steps.
     *
     * @param equalization Local Equalization's
     * @param motion Motion Correction's
     * @param shifting Apply Shifts' (how the recorded video is moved)
     * @param activity Activity Frames'
     */
    public record Settings(Parameters equalization, Parameters motion, Parameters shifting, Parameters activity) {

        /** @return every step at its defaults */
        public static Settings defaults() {
            return new Settings(LocalEqualizationStage.INSTANCE.defaults(), MotionCorrectionStage.INSTANCE.defaults(),
                    ApplyShiftsStage.INSTANCE.defaults(), ActivityFramesStage.INSTANCE.defaults());
        }
    }

    /** How far preprocessing goes; each extent makes the videos of the one before it too. */
    public enum Extent {
        /** The equalized, motion-corrected video and the shifts. */
        CORRECTED,
        /** Also the recorded video corrected with the same shifts. */
        RECORDED_CORRECTED,
        /** Also the activity frames of the corrected recording. */
        ACTIVITY
    }

    /**
     * What preprocessing made; the caller closes the videos (or {@link #close} closes both).
     *
     * @param corrected the equalized, motion-corrected video
     * @param shifts the motion of each frame
     * @param motionPicture mean image before and after correction, shift traces
     * @param recordedCorrected the recorded video moved by the same shifts, or null when not asked for
     * @param activity the activity frames of {@code recordedCorrected}, or null when not asked for
     * @param timings of the steps that ran, in order
     */
    public record Result(Video corrected, MotionShifts shifts, Picture motionPicture, Video recordedCorrected,
            Video activity, List<StageTiming> timings) implements AutoCloseable {

        /** Closes every video. */
        @Override
        public void close() throws NeurosegException {
            for (Video video : new Video[] {corrected, recordedCorrected, activity}) {
                if (video != null) {
                    closeVideo(video);
                }
            }
        }
    }

    /**
     * Preprocesses {@code recorded}.
     *
     * @param recorded the video as recorded (any pixel type); only read
     * @param settings the steps' parameters
     * @param extent which videos to make
     * @param scratch folder for the equalized video, which is deleted before this returns
     * @param context where the corrected videos are written, progress and cancellation
     * @throws NeurosegException when a step fails (the message is the step's)
     * @throws CanceledException when canceled; the videos made so far are closed
     */
    public static Result run(Video recorded, Settings settings, Extent extent, Path scratch, StageContext context)
            throws NeurosegException, CanceledException {
        boolean correctRecorded = extent != Extent.CORRECTED;
        boolean activity = extent == Extent.ACTIVITY;
        ProgressMonitor monitor = context.monitor();
        List<StageTiming> timings = new ArrayList<>();
        long start = System.nanoTime();
        Video equalized = LocalEqualizationStage.INSTANCE.run(PortValues.of(LocalEqualizationStage.VIDEO, recorded),
                settings.equalization(), StageContext.inDirectory(scratch, monitor.subMonitor(0, EQUALIZED)))
                .get(LocalEqualizationStage.EQUALIZED_VIDEO);
        start = time("Local Equalization", start, timings);
        PortValues motion;
        try {
            motion = MotionCorrectionStage.INSTANCE.run(PortValues.of(MotionCorrectionStage.VIDEO, equalized),
                    settings.motion(), context.withMonitor(monitor.subMonitor(EQUALIZED,
                            correctRecorded ? CORRECTED : 1)));
        } finally {
            closeVideo(equalized);
            if (equalized instanceof FileVideo stored) {
                AtomicFiles.deleteQuietly(stored.file());
            }
        }
        start = time("Motion Correction", start, timings);
        Video corrected = motion.get(MotionCorrectionStage.CORRECTED_VIDEO);
        MotionShifts shifts = motion.get(MotionCorrectionStage.SHIFTS);
        Video recordedCorrected = null;
        Video activityFrames = null;
        try {
            if (correctRecorded) {
                recordedCorrected = ApplyShiftsStage.INSTANCE.run(PortValues.of(ApplyShiftsStage.VIDEO, recorded)
                        .with(ApplyShiftsStage.SHIFTS, shifts), settings.shifting(), context.withMonitor(
                                monitor.subMonitor(CORRECTED, activity ? SHIFTED : 1)))
                        .get(ApplyShiftsStage.CORRECTED_VIDEO);
                start = time("Apply Shifts", start, timings);
            }
            if (activity) {
                activityFrames = ActivityFramesStage.INSTANCE.run(PortValues.of(ActivityFramesStage.VIDEO,
                        recordedCorrected), settings.activity(), context.withMonitor(
                                monitor.subMonitor(SHIFTED, 1))).get(ActivityFramesStage.ACTIVITY);
                time("Activity Frames", start, timings);
            }
        } catch (NeurosegException | CanceledException | RuntimeException e) {
            closeVideo(corrected);
            if (recordedCorrected != null) {
                closeVideo(recordedCorrected);
            }
            throw e;
        }
        return new Result(corrected, shifts, motion.get(MotionCorrectionStage.PICTURE), recordedCorrected,
                activityFrames, List.copyOf(timings));
    }

    private static long time(String step, long start, List<StageTiming> timings) {
        long now = System.nanoTime();
        double seconds = (now - start) / 1e9;
        timings.add(new StageTiming(step, seconds));
        LOGGER.info("{}: {} s", step, String.format("%.1f", seconds));
        return now;
    }

    private static void closeVideo(Video video) throws NeurosegException {
        try {
            video.close();
        } catch (IOException e) {
            throw new NeurosegException("Cannot close a preprocessed video: " + e.getMessage(), e);
        }
    }
}
