package org.neuroseg.preprocess;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.cv.OpenCvLoader;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.MotionShifts;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.StageMetadata;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.VideoWriter;
import org.opencv.core.Mat;

/**
 * Apply Shifts: moves every frame of a video back by the motion in a shifts table (shift and rotation about the
 * frame centre), as Motion Correction does, so motion estimated on one video (the equalized one) corrects another
 * of the same frame size and length (the raw one, for traces). Patch shifts of piecewise-rigid correction are not
 * in the table; their frame-wide motion is applied.
 */
public final class ApplyShiftsStage implements Stage {

    /** The stage. */
    public static final ApplyShiftsStage INSTANCE = new ApplyShiftsStage();

    public static final ParamSpec INTERPOLATION = ParamSpec.choice("interpolation", "Interpolation", "nearest",
            List.of("nearest", "linear", "cubic"), "How corrected frames are resampled. nearest (the default) moves "
                    + "each frame by whole pixels, so every pixel keeps the noise it was recorded with; linear and "
                    + "cubic resample at sub-pixel positions, which averages neighbouring pixels by an amount that "
                    + "changes with each frame's shift and makes the traces of cells that never fire flicker with "
                    + "the motion (more silent cells pass Activity Validation).");

    public static final PortSpec<Video> VIDEO = PortSpec.video("Video", "The video to correct, any pixel type.");
    public static final PortSpec<MotionShifts> SHIFTS = PortSpec.shifts("Shifts",
            "Shifts from Motion Correction, one row per frame.");
    public static final PortSpec<Video> CORRECTED_VIDEO = PortSpec.video("Corrected video",
            "The video moved back, in its own pixel type.");

    private ApplyShiftsStage() {
    }

    @Override
    public String id() {
        return "apply-shifts";
    }

    @Override
    public String name() {
        return "Apply Shifts";
    }

    @Override
    public StageCategory category() {
        return StageCategory.PREPROCESSING;
    }

    @Override
    public String shortDescription() {
        return "Corrects a video with shifts estimated on another one.";
    }

    @Override
    public String description() {
        return "Moves each frame back by the shift and rotation a Motion Correction node estimated, frame for "
                + "frame, with sub-pixel interpolation and replicated edges. Typical use: estimate motion on the "
                + "equalized video, where cells stand out, and correct the raw video with it before extracting "
                + "fluorescence traces. The video must have as many frames as the shifts table.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(INTERPOLATION);
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(VIDEO, SHIFTS);
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(CORRECTED_VIDEO);
    }

    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException, CanceledException {
        Video video = inputs.get(VIDEO);
        MotionShifts shifts = inputs.get(SHIFTS);
        Path target = context.outputFiles().newFile("shifted" + VideoStore.EXTENSION);
        apply(video, shifts, parameters, target, FramePipeline.defaultThreads(), context.monitor());
        return PortValues.of(CORRECTED_VIDEO, VideoStore.open(target));
    }

    /**
     * Writes {@code video} corrected by {@code shifts} to a new store at {@code target}.
     *
     * @param threads worker threads; the result does not depend on it
     * @throws NeurosegException when the table's frame count differs from the video's (the message gives both)
     */
    public static Path apply(Video video, MotionShifts shifts, Parameters parameters, Path target, int threads,
            ProgressMonitor monitor) throws NeurosegException, CanceledException {
        VideoShape shape = video.shape();
        if (shifts.frames() != shape.frames()) {
            throw new NeurosegException("The shifts table has " + shifts.frames() + " frames but the video has "
                    + shape.frames() + "; apply shifts to a video of the same length as the one they came from");
        }
        OpenCvLoader.ensureLoaded();
        Mats.checkLittleEndian();
        int interpolation = MotionCorrectionStage.interpolation(parameters.getString(INTERPOLATION));
        try (VideoWriter writer = VideoStore.create(target, shape, video.recording(),
                StageMetadata.of(INSTANCE, parameters).toString());
                FramePipeline<Warper> pipeline = new FramePipeline<>(threads, () -> new Warper(shape))) {
            pipeline.run(shape.frames(), frame -> false, (frame, warper) -> warper.warp(video, frame,
                    new FrameMotion(shifts.dx()[frame], shifts.dy()[frame], shifts.rotationDegrees()[frame], 1),
                    interpolation), (frame, bytes) -> writer.appendBytes(bytes), monitor);
            return writer.commit();
        }
    }

    /** One thread's frame buffers. */
    private static final class Warper implements AutoCloseable {
        private final ByteBuffer input;
        private final Mat inputMat;
        private final ByteBuffer output;
        private final Mat outputMat;

        Warper(VideoShape shape) {
            input = Mats.frameBuffer(shape);
            inputMat = Mats.alias(input, shape);
            output = Mats.frameBuffer(shape);
            outputMat = Mats.alias(output, shape);
        }

        ByteBuffer warp(Video video, int frame, FrameMotion motion, int interpolation) throws NeurosegException {
            Mats.readInto(video, frame, input);
            MotionEstimator.warp(motion, inputMat, outputMat, interpolation);
            return Mats.copyOf(output);
        }

        @Override
        public void close() {
            Mats.release(inputMat, outputMat);
        }
    }
}
