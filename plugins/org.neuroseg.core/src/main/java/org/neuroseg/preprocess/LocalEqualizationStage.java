package org.neuroseg.preprocess;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.neuroseg.NeurosegException;
import org.neuroseg.cv.OpenCvLoader;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.ParamSpec.CellScaling;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.StageMetadata;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.VideoWriter;

/**
 * Local Equalization: contrast-limited adaptive histogram equalization (CLAHE; Zuiderveld, "Contrast limited
 * adaptive histogram equalization", Graphics Gems IV, 1994) of every frame, then a Gaussian blur against noise and,
 * for one-photon videos, optionally the subtraction of a large-scale blur that removes the smooth background.
 *
 * <p>Output: float32 frames. 8- and 16-bit frames are equalized in their own type (CLAHE on 16-bit counts directly)
 * and divided by the type's full range (255 or 65535), so values lie in [0, 1]; float frames are first mapped
 * linearly from the video's minimum and maximum onto 16 bit, and at 8-bit depth every video is mapped so onto 8 bit
 * (OpenCV's 16-bit CLAHE builds 65536-level histograms per tile, about 13 ms a 512 x 512 frame on one core; 8-bit
 * takes about 1 ms). With background subtraction values are centred near 0
 * and may be negative. Frames are processed one by one on all processors and written in order.
 */
public final class LocalEqualizationStage implements Stage {

    /** The stage. */
    public static final LocalEqualizationStage INSTANCE = new LocalEqualizationStage();

    public static final ParamSpec CLIP_LIMIT = ParamSpec.decimal("clipLimit", "Contrast limit", 2.0, 0, 1000,
            "CLAHE clip limit: how much a tile's histogram may be stretched (higher = more contrast and more "
                    + "noise; 0 = no limit).");
    public static final ParamSpec TILES = ParamSpec.integer("tileGrid", "Tiles per side", 8, 1, 128,
            "The frame is divided into this many tiles across and down; each tile is equalized on its own.");
    public static final ParamSpec DEPTH = ParamSpec.choice("depth", "Equalization depth", "8-bit",
            List.of("16-bit", "8-bit"), "8-bit (default): the video's range (minimum to maximum) is first mapped "
                    + "linearly onto 256 levels, about ten times faster than 16-bit and enough where camera noise "
                    + "spans more than 1/256 of that range, as in one-photon recordings. 16-bit: 16-bit videos are "
                    + "equalized at full depth (65536 levels; the contrast limit then acts per level, so use a "
                    + "higher one).");
    public static final ParamSpec BLUR_SIGMA = ParamSpec.decimal("blurSigmaPx", "Blur sigma (px)", 1.0, 0, 50,
            "Standard deviation of the Gaussian blur after equalization, in pixels; 0 = no blur.");
    public static final ParamSpec SUBTRACT_BACKGROUND = ParamSpec.bool("subtractBackground",
            "Subtract background", false,
            "For one-photon videos: subtract a large-scale blur of each frame, removing uneven illumination and "
                    + "out-of-focus glow.");
    public static final ParamSpec BACKGROUND_SIGMA = ParamSpec.decimal("backgroundSigmaPx",
            "Background sigma (px)", 20, 1, 1000,
            "Standard deviation of the large-scale blur taken as background, in pixels; several cell diameters.")
            .derivedFromCellDiameter(new CellScaling(2.5, 1));

    public static final PortSpec<Video> VIDEO = PortSpec.video("Video", "The video to equalize, any pixel type.");
    public static final PortSpec<Video> EQUALIZED_VIDEO = PortSpec.video("Equalized video",
            "Float32 frames: equalized (0..1), blurred, background removed if chosen.");

    private LocalEqualizationStage() {
    }

    @Override
    public String id() {
        return "local-equalization";
    }

    @Override
    public String name() {
        return "Local Equalization";
    }

    @Override
    public StageCategory category() {
        return StageCategory.PREPROCESSING;
    }

    @Override
    public String shortDescription() {
        return "Equalizes contrast locally (CLAHE) and blurs each frame against noise.";
    }

    @Override
    public String description() {
        return "Applies contrast-limited adaptive histogram equalization (CLAHE) to each frame, so dim and bright "
                + "parts of the field of view get similar contrast, then a Gaussian blur that reduces camera noise. "
                + "For one-photon videos a large-scale blur can be subtracted to remove the smooth background. "
                + "16-bit videos are equalized at full depth. The output is a float32 video: the equalized "
                + "frames scaled to 0..1 (centred near 0 after background subtraction).";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(CLIP_LIMIT, TILES, DEPTH, BLUR_SIGMA, SUBTRACT_BACKGROUND, BACKGROUND_SIGMA);
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(VIDEO);
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(EQUALIZED_VIDEO);
    }

    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException, CanceledException {
        Video video = inputs.get(VIDEO);
        Path target = context.outputFiles().newFile("equalized" + VideoStore.EXTENSION);
        equalize(video, parameters, target, FramePipeline.defaultThreads(), context);
        return PortValues.of(EQUALIZED_VIDEO, VideoStore.open(target));
    }

    /**
     * Writes the equalized {@code video} to a new store at {@code target}.
     *
     * @param parameters this stage's parameters; auto sizes derive from the video's cell diameter
     * @param threads worker threads; the result does not depend on it
     * @param context progress, cancellation and warnings (NaN or infinite pixels, saturation)
     * @return the store's path
     */
    public static Path equalize(Video video, Parameters parameters, Path target, int threads,
            StageContext context) throws NeurosegException, CanceledException {
        ProgressMonitor monitor = context.monitor();
        OpenCvLoader.ensureLoaded();
        Mats.checkLittleEndian();
        parameters = parameters.resolvedFor(video.recording());
        VideoShape shape = video.shape();
        boolean eightBit = parameters.getString(DEPTH).equals("8-bit") && shape.pixelType() != PixelType.UINT8;
        float[] range = {0, 1};
        ProgressMonitor frames = monitor;
        if (eightBit || shape.pixelType() == PixelType.FLOAT32) {
            PixelRange scanned = PixelRange.of(video, threads, monitor.subMonitor(0, 0.1));
            scanned.warning(video).ifPresent(context::warn);
            range = new float[] {scanned.min(), scanned.max()};
            frames = monitor.subMonitor(0.1, 1);
        }
        Equalizer.Settings settings = new Equalizer.Settings(parameters.getDouble(CLIP_LIMIT),
                parameters.getInt(TILES), parameters.getDouble(BLUR_SIGMA),
                parameters.getBoolean(SUBTRACT_BACKGROUND) ? parameters.getDouble(BACKGROUND_SIGMA) : 0, eightBit,
                range[0], range[1]);
        frames.setProgress(0, "Equalizing " + shape);
        try (VideoWriter writer = VideoStore.create(target, shape.withPixelType(PixelType.FLOAT32),
                video.recording(), StageMetadata.of(INSTANCE, parameters).toString());
                FramePipeline<Equalizer> pipeline = new FramePipeline<>(threads,
                        () -> new Equalizer(shape, settings))) {
            // Written frames' buffers are reused; at most a few frames are in flight, so few buffers exist.
            Queue<ByteBuffer> spare = new ConcurrentLinkedQueue<>();
            pipeline.run(shape.frames(), frame -> false,
                    (frame, equalizer) -> equalizer.process(video, frame, spare.poll()),
                    (frame, bytes) -> {
                        writer.appendBytes(bytes);
                        spare.add(bytes);
                    }, frames);
            return writer.commit();
        }
    }
}
