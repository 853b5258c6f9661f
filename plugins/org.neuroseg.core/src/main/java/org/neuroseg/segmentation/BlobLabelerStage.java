package org.neuroseg.segmentation;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.neuroseg.NeurosegException;
import org.neuroseg.preprocess.FramePipeline;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.ParamSpec.CellScaling;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.StageMetadata;
import org.neuroseg.stage.settings.KeyMigration;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.VideoWriter;

/**
 * Blob Labeler: the 2-D Difference-of-Gaussians detector the paper trained its networks with ({@link BlobDetector}),
 * run on every frame. Writes a mask video (uint8, 1 on blob pixels: the U-Net's targets) and a video mask (uint8, 1
 * on pixels inside a blob in at least a set number of frames: the CGRU's target). Labels whose video mask covers
 * more of the frame than cell bodies plausibly do mark background; the video is then labelled again at a threshold
 * {@value #THRESHOLD_RAISE} times higher, at most {@value #THRESHOLD_RAISES} times, and the outputs' metadata records
 * the threshold used ({@link #thresholdUsed}). Streams: memory holds a few frames and one count per pixel, whatever
 * the video's length.
 */
public final class BlobLabelerStage implements Stage {

    private static final String CELL_BLOB_RADIUS = "blobRadiusPx";
    private static final String LARGEST_BLOB_RADIUS = "largestBlobRadiusPx";
    private static final String MEDIAN_BLOB_RADIUS = "medianBlobRadiusPx";

    /** Factor by which the threshold rises when the video mask is implausible. */
    static final double THRESHOLD_RAISE = 1.6;
    /** Most raises of the threshold. */
    static final int THRESHOLD_RAISES = 2;

    /** The stage. */
    public static final BlobLabelerStage INSTANCE = new BlobLabelerStage();

    /** Find the cells that are brighter than usual in the frame (firing). */
    public static final String ACTIVE_CELLS = "active cells";
    /** Find every visible cell body in the frame. */
    public static final String ALL_CELLS = "all cells";

    public static final ParamSpec RADIUS = ParamSpec.decimal("cellRadiusPx", "Cell radius (px)", 4, 1, 50,
            "Expected radius of a cell body; sets the filter scale (sigma1 = radius / sqrt 2) and the disk size.")
            .derivedFromCellDiameter(new CellScaling(0.5, 1));
    public static final ParamSpec LARGEST_BLOB = ParamSpec.decimal("largestBlob", "Largest blob (x cell radius)", 2,
            1, 4, "Cells larger than the set radius are labelled whole: the frame is filtered at radii from the cell "
                    + "radius up to this many times it, and each blob takes the radius at which its response is "
                    + "strongest (scale selection). 1 labels every blob at the cell radius.");
    public static final ParamSpec SIGMA_RATIO = ParamSpec.decimal("sigmaRatio", "Wide / narrow sigma", 1.6, 1.05,
            10, "Ratio of the wide Gaussian to the narrow one; 1.6 approximates the Laplacian of Gaussian.");
    public static final ParamSpec THRESHOLD = ParamSpec.decimal("thresholdNoise", "Threshold (x noise)", 5, 0.5,
            100, "A blob centre must exceed this many standard deviations of the frame's filtered noise "
                    + "(estimated robustly from the median absolute deviation).");
    public static final ParamSpec TARGET = ParamSpec.choice("cellsToFind", "Cells to find", ACTIVE_CELLS,
            List.of(ACTIVE_CELLS, ALL_CELLS), "Active cells: each frame minus the mean of the frames around it (the "
                    + "baseline window), so only cells brighter than usual (firing) are found and the video mask "
                    + "holds the functional neurons. All cells: every visible cell body in each frame, active or not.");
    public static final ParamSpec SHAPE = ParamSpec.choice("blobShape", "Blob shape", "disk",
            List.of("disk", "region"), "Disk: a disk of the cell radius at each centre. Region: the connected "
                    + "pixels around the centre with at least half its filter response, within twice the radius.");
    public static final ParamSpec AVERAGED_FRAMES = ParamSpec.integer("averagedFrames", "Frames averaged", 3, 1,
            99, "Each frame is averaged with its neighbours in time (this many frames, centred) before detection: "
                    + "a calcium transient lasts a few frames, so averaging raises its signal-to-noise ratio.");
    public static final ParamSpec BASELINE_FRAMES = ParamSpec.integer("baselineFrames", "Baseline window (frames)",
            21, 3, 9999, "For active cells: the baseline subtracted from each frame is the mean of this many frames "
                    + "centred on it; longer than a calcium transient, shorter than background drifts.");
    /** Frames a pixel must be in a blob to enter the video mask. */
    public static final ParamSpec MIN_FRAMES = ParamSpec.integer("minFrames", "Frames for the video mask", 5, 1,
            1_000_000, "A pixel enters the video mask when it lies inside a blob in at least this many frames.");
    public static final ParamSpec MAX_VIDEO_MASK = ParamSpec.decimal("maxVideoMaskPercent",
            "Largest video mask (% of the frame)", 30, 1, 100, "Cell bodies rarely cover more of the frame: a larger "
                    + "video mask means the blobs mark background (noise, neuropil), and networks trained on such "
                    + "labels mark blobs everywhere. The video is then labelled again with a threshold "
                    + THRESHOLD_RAISE + " times higher, at most " + THRESHOLD_RAISES + " times; 100 never labels "
                    + "again.");

    public static final PortSpec<Video> VIDEO = PortSpec.video("Video",
            "A calcium-imaging video, preferably preprocessed.");
    public static final PortSpec<Video> BLOB_MASKS = PortSpec.video("Blob masks",
            "One uint8 mask per frame: 1 on blob pixels, 0 elsewhere.");
    public static final PortSpec<Video> VIDEO_MASK = PortSpec.image("Video mask",
            "One uint8 mask: 1 on pixels inside a blob in at least the set number of frames.");

    private BlobLabelerStage() {
    }

    @Override
    public String id() {
        return "blob-labeler";
    }

    @Override
    public String name() {
        return "Blob Labeler";
    }

    @Override
    public StageCategory category() {
        return StageCategory.SEGMENTATION;
    }

    @Override
    public String shortDescription() {
        return "Labels cell-like blobs in every frame with a Difference of Gaussians, to train the networks.";
    }

    @Override
    public String description() {
        return "The detector the paper made its training labels with. Each frame is filtered with a 2-D Difference "
                + "of Gaussians tuned to the cell radius and to larger radii up to a set multiple of it; local maxima "
                + "above a threshold in units of the frame's robust noise are blob centres, each grown, at the radius "
                + "where it responds most, into a disk or a region. The mask video (1 on blob "
                + "pixels) is the target of the U-Net Learner; the video mask (pixels in a blob in enough frames) "
                + "is the target of the CGRU Learner. Run it on preprocessed, motion-corrected videos.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(RADIUS, LARGEST_BLOB, SIGMA_RATIO, THRESHOLD, TARGET, SHAPE, AVERAGED_FRAMES, BASELINE_FRAMES,
                MIN_FRAMES, MAX_VIDEO_MASK);
    }

    @Override
    public List<KeyMigration> settingsMigrations() {
        // workflows saved before these settings never labelled again and labelled every blob at the cell radius
        return List.of(new KeyMigration.Added(MAX_VIDEO_MASK.key(), "0.2", 100.0),
                new KeyMigration.Added(LARGEST_BLOB.key(), "0.2", 1.0));
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of(VIDEO);
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(BLOB_MASKS, VIDEO_MASK);
    }

    @Override
    public PortValues run(PortValues inputs, Parameters given, StageContext context)
            throws NeurosegException, CanceledException {
        Video video = inputs.get(VIDEO);
        Parameters parameters = given.resolvedFor(video.recording());
        VideoShape maskShape = new VideoShape(0, video.shape().height(), video.shape().width(), PixelType.UINT8);
        Path masksFile = context.outputFiles().newFile("blob_masks" + VideoStore.EXTENSION);
        Path videoMaskFile = context.outputFiles().newFile("video_mask" + VideoStore.EXTENSION);
        double largestShare = parameters.getDouble(MAX_VIDEO_MASK) / 100;
        for (int attempt = 0;; attempt++) {
            // each attempt replaces the blob masks of the one before
            Labels labels = labelFrames(video, parameters, masksFile, maskShape, context.monitor().subMonitor(
                    attempt / (THRESHOLD_RAISES + 1.0), (attempt + 1) / (THRESHOLD_RAISES + 1.0)));
            int[] counts = labels.framesPerPixel();
            int minFrames = parameters.getInt(MIN_FRAMES);
            float[] mask = new float[counts.length];
            long covered = 0;
            for (int i = 0; i < counts.length; i++) {
                mask[i] = counts[i] >= minFrames ? 1 : 0;
                covered += counts[i] >= minFrames ? 1 : 0;
            }
            double share = covered / (double) counts.length;
            double threshold = parameters.getDouble(THRESHOLD);
            double raised = Math.min(threshold * THRESHOLD_RAISE, THRESHOLD.max());
            if (share <= largestShare || attempt == THRESHOLD_RAISES || raised <= threshold) {
                try (VideoWriter writer = VideoStore.create(videoMaskFile, maskShape, video.recording(),
                        metadata(parameters, labels.blobSizes()))) {
                    writer.append(mask);
                    writer.commit();
                }
                labels.blobSizes().largerCellsAdvice()
                        .ifPresent(advice -> context.warn("Blob Labeler: " + video.source() + ": " + advice));
                return PortValues.of(BLOB_MASKS, VideoStore.open(masksFile))
                        .with(VIDEO_MASK, VideoStore.open(videoMaskFile));
            }
            context.warn(String.format(Locale.ROOT, "Blob Labeler: the video mask of %s covers %.0f %% of the frame "
                    + "at threshold %.1f (at most %.0f %% is plausible for cell bodies): labelled again at %.1f",
                    video.source(), 100 * share, threshold, 100 * largestShare, raised));
            parameters = parameters.with(THRESHOLD.key(), raised);
        }
    }

    /**
     * @param labels an output of this stage, as stored
     * @return the threshold that made it (higher than the one set when the first labels were implausible)
     * @throws IllegalArgumentException when {@code labels} is not a stored output of this stage
     */
    public static double thresholdUsed(Video labels) {
        return StageMetadata.parameter(labels, THRESHOLD.key()).map(JsonElement::getAsDouble)
                .orElseThrow(() -> new IllegalArgumentException("not labels stored by the Blob Labeler: " + labels));
    }

    /**
     * The sizes of the blobs that made a video mask, as its metadata records them.
     *
     * @param cellRadiusPx the smallest radius a blob may take (the cell radius)
     * @param largestRadiusPx the largest
     * @param medianRadiusPx the radius of the median blob over all frames; NaN when no frame had a blob
     */
    public record BlobSizes(double cellRadiusPx, double largestRadiusPx, double medianRadiusPx) {

        /** @return whether half the blobs or more took the largest radius of a range: the cells may be larger */
        public boolean reachLargest() {
            return largestRadiusPx > cellRadiusPx && medianRadiusPx >= largestRadiusPx;
        }

        /** Adds the sizes to {@code json} (the median as null without blobs: JSON has no NaN). */
        public void addTo(JsonObject json) {
            json.addProperty(CELL_BLOB_RADIUS, cellRadiusPx);
            json.addProperty(LARGEST_BLOB_RADIUS, largestRadiusPx);
            json.add(MEDIAN_BLOB_RADIUS, Double.isNaN(medianRadiusPx) ? JsonNull.INSTANCE
                    : new JsonPrimitive(medianRadiusPx));
        }

        /**
         * @param json what {@link #addTo} wrote into
         * @return the sizes, or empty when {@code json} holds none
         */
        public static Optional<BlobSizes> from(JsonObject json) {
            if (!json.has(MEDIAN_BLOB_RADIUS)) {
                return Optional.empty();
            }
            JsonElement median = json.get(MEDIAN_BLOB_RADIUS);
            return Optional.of(new BlobSizes(json.get(CELL_BLOB_RADIUS).getAsDouble(),
                    json.get(LARGEST_BLOB_RADIUS).getAsDouble(), median.isJsonNull() ? Double.NaN
                            : median.getAsDouble()));
        }

        /** @return the sizes in words, e.g. "median blob radius 5.0 px (4.0 to 8.0 px tried)" */
        public String summary() {
            return String.format(Locale.ROOT, "median blob radius %s (%.1f to %.1f px tried)",
                    Double.isNaN(medianRadiusPx) ? "none: no blobs"
                            : String.format(Locale.ROOT, "%.1f px", medianRadiusPx), cellRadiusPx, largestRadiusPx);
        }

        /** @return what the user should do when the blobs {@linkplain #reachLargest reach the largest radius} */
        public Optional<String> largerCellsAdvice() {
            return reachLargest() ? Optional.of(String.format(Locale.ROOT, "half the blobs or more take the largest "
                    + "radius tried (%.1f px): the cells are probably larger than %.0f px across; give their "
                    + "diameter (the cell diameter setting, --cell-diameter-px)", largestRadiusPx,
                    2 * largestRadiusPx)) : Optional.empty();
        }
    }

    /**
     * @param videoMask the video mask output of this stage, as stored
     * @return the sizes of the blobs that made it
     * @throws IllegalArgumentException when {@code videoMask} is not a video mask stored by this stage
     */
    public static BlobSizes blobSizes(Video videoMask) {
        return StageMetadata.stored(videoMask).flatMap(BlobSizes::from).orElseThrow(() -> new IllegalArgumentException(
                "not a video mask stored by the Blob Labeler: " + videoMask));
    }

    /**
     * @param framesPerPixel per pixel the frames it was in a blob
     * @param blobSizes the sizes the blobs took
     */
    private record Labels(int[] framesPerPixel, BlobSizes blobSizes) {
    }

    /** Writes the blob masks of every frame to {@code masksFile}, frames of {@code maskShape}. */
    private Labels labelFrames(Video video, Parameters parameters, Path masksFile, VideoShape maskShape,
            ProgressMonitor monitor) throws NeurosegException, CanceledException {
        VideoShape shape = video.shape();
        boolean active = parameters.getString(TARGET).equals(ACTIVE_CELLS);
        DetectionFrames images = new DetectionFrames(video, parameters.getInt(AVERAGED_FRAMES),
                active ? parameters.getInt(BASELINE_FRAMES) : 0);
        int[] counts = new int[shape.pixelsPerFrame()];
        double radius = parameters.getDouble(RADIUS);
        double[] radii = BlobDetector.radii(radius, radius * parameters.getDouble(LARGEST_BLOB));
        long[] blobsPerRadius = new long[radii.length];
        // Images are made in frame order (running sums), blobs detected on all processors, masks written in order.
        try (VideoWriter writer = VideoStore.create(masksFile, maskShape, video.recording(),
                metadata(parameters, null));
                FramePipeline<Worker> pipeline = new FramePipeline<>(FramePipeline.defaultThreads(),
                        () -> new Worker(shape, parameters))) {
            pipeline.run(shape.frames(), frame -> false, (frame, worker) -> worker.detect(images, frame),
                    (frame, labelled) -> {
                        byte[] mask = labelled.mask();
                        for (int i = 0; i < mask.length; i++) {
                            counts[i] += mask[i];
                        }
                        for (int k = 0; k < radii.length; k++) {
                            blobsPerRadius[k] += labelled.blobsPerRadius()[k];
                        }
                        writer.appendBytes(ByteBuffer.wrap(mask));
                    }, monitor);
            writer.commit();
        }
        return new Labels(counts, new BlobSizes(radii[0], radii[radii.length - 1], median(radii, blobsPerRadius)));
    }

    /** @return the radius of the median blob; NaN without blobs */
    private static double median(double[] radii, long[] blobsPerRadius) {
        long total = 0;
        for (long count : blobsPerRadius) {
            total += count;
        }
        long seen = 0;
        for (int k = 0; k < radii.length; k++) {
            seen += blobsPerRadius[k];
            if (total > 0 && 2 * seen >= total) {
                return radii[k];
            }
        }
        return Double.NaN;
    }

    /**
     * @param mask the blob mask of one frame: 1 on blob pixels, 0 elsewhere (uint8 bytes of one frame)
     * @param blobsPerRadius its blobs counted by radius
     */
    private record FrameLabels(byte[] mask, int[] blobsPerRadius) {
    }

    /** One thread's detector and buffers. */
    private static final class Worker implements AutoCloseable {
        private final BlobDetector detector;
        private final float[] image;
        private final boolean[] blobs;

        Worker(VideoShape shape, Parameters parameters) throws NeurosegException {
            double radius = parameters.getDouble(RADIUS);
            detector = new BlobDetector(shape.height(), shape.width(), radius,
                    radius * parameters.getDouble(LARGEST_BLOB), parameters.getDouble(SIGMA_RATIO),
                    parameters.getDouble(THRESHOLD),
                    BlobDetector.Shape.valueOf(parameters.getString(SHAPE).toUpperCase(Locale.ROOT)),
                    parameters.getString(TARGET).equals(ACTIVE_CELLS));
            image = new float[shape.pixelsPerFrame()];
            blobs = new boolean[shape.pixelsPerFrame()];
        }

        FrameLabels detect(DetectionFrames images, int t) throws NeurosegException {
            images.image(t, image);
            int[] blobsPerRadius = new int[detector.radii().length];
            detector.detect(image, blobs, blobsPerRadius);
            byte[] mask = new byte[blobs.length];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = (byte) (blobs[i] ? 1 : 0);
            }
            return new FrameLabels(mask, blobsPerRadius);
        }

        @Override
        public void close() {
            detector.close();
        }
    }

    /** @param blobSizes recorded in the video mask; null for the blob masks, written before they are known */
    private String metadata(Parameters parameters, BlobSizes blobSizes) {
        JsonObject json = StageMetadata.of(this, parameters);
        if (blobSizes != null) {
            blobSizes.addTo(json);
        }
        return json.toString();
    }
}
