package org.neuroseg.synthetic;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.neuroseg.NeurosegException;
import org.neuroseg.io.AtomicFiles;
import org.neuroseg.roi.NeurofinderRegions;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.VideoWriter;

/**
 * Generates a synthetic calcium-imaging video with its ground truth. The video is streamed: frames are rendered in
 * small parallel batches and appended in order, so memory does not grow with the frame count, and the output is
 * byte-identical for the same {@link SyntheticParams} (seed included) whatever the number of threads.
 *
 * <p>Files written into the output directory:
 * <ul>
 * <li>{@value #VIDEO}: the video, uint16 camera counts, axis order (T, Y, X); its metadata JSON holds
 * {@code {"generator": ..., "params": {...}}} with every parameter;</li>
 * <li>{@value #LABELS}: one uint16 frame, each cell's pixels (in the motion-free field of view) set to its id
 * 1..n, functional or silent, 0 elsewhere;</li>
 * <li>{@value #REGIONS}, {@value #FUNCTIONAL_REGIONS} and {@value #FIRING_REGIONS}: Neurofinder JSON, a list of
 * {@code {"id": n, "coordinates": [[row, col], ...]}} for all cells, for the functional cells (those that may
 * spike) and for the functional cells that fire visibly (at least one transient above the noise, see
 * {@link #writeActiveLabels}): in a dim recording many functional cells never do, and no method can find them;</li>
 * <li>{@value #CELLS}: CSV
 * {@code id,functional,centroid_row,centroid_col,radius_px,spike_count,visible_frames,snr_per_dff} (the last: the
 * signal-to-noise ratio of the cell's summed counts per unit ΔF/F);</li>
 * <li>{@value #SPIKES}: CSV, header {@code id,0,1,...,T-1}, then one line per cell: its id and its spike count in
 * every frame;</li>
 * <li>{@value #TRACES}: CSV as {@value #SPIKES}, holding each cell's noise-free ΔF/F per frame;</li>
 * <li>{@value #SHIFTS}: CSV {@code frame,dx,dy}, the true shift of each frame in pixels: a feature at (x, y)
 * (x = column) of the motion-free scene appears at (x + dx, y + dy) in the frame.</li>
 * </ul>
 * Every file appears complete or not at all. When the monitor cancels or anything fails, the files this run wrote
 * are removed. When the requested number of cells cannot be placed at the requested spacing, generation fails
 * with a {@link NeurosegException} before anything is written (it never silently places fewer cells).
 */
public final class SyntheticVideoGenerator {

    /** File name of the video. */
    public static final String VIDEO = "video.nsv";
    /** File name of the ground-truth label image. */
    public static final String LABELS = "ground_truth_labels.nsv";
    /** File name of all cells' regions. */
    public static final String REGIONS = "regions.json";
    /** File name of the functional cells' regions. */
    public static final String FUNCTIONAL_REGIONS = "functional_regions.json";
    /** File name of the regions of the functional cells with at least one visible transient. */
    public static final String FIRING_REGIONS = "firing_regions.json";
    /** File name of the cell table. */
    public static final String CELLS = "cells.csv";
    /** File name of the spike raster. */
    public static final String SPIKES = "spikes.csv";
    /** File name of the noise-free ΔF/F traces. */
    public static final String TRACES = "traces.csv";
    /** File name of the per-frame shifts. */
    public static final String SHIFTS = "shifts.csv";

    /**
     * Signal-to-noise ratio of a transient, over the cell's region, above which a cell counts as active: Rose's
     * criterion, the contrast at which an object of known size can be told from noise.
     */
    public static final double ACTIVE_SNR = 5;

    /** Upper bound on the memory of the frame buffers of one batch, in bytes. */
    private static final long BATCH_BYTES = 32L << 20;

    private SyntheticVideoGenerator() {
    }

    /**
     * Generates the video and its ground truth into {@code outputDirectory} (created if missing; files of the
     * same names are replaced). Progress is reported and cancellation checked once per frame.
     *
     * @return the written files and the ground truth
     * @throws NeurosegException when the cells do not fit or a file cannot be written
     * @throws CanceledException when the monitor cancels; no output of this run remains
     */
    public static SyntheticResult generate(SyntheticParams params, Path outputDirectory, ProgressMonitor monitor)
            throws NeurosegException, CanceledException {
        monitor.setProgress(0, "Placing cells and drawing spike trains");
        List<Footprint> footprints = CellPlacement.place(params);
        boolean[] functional = CellPlacement.functionalFlags(params);
        int[][] spikes = SpikeTrains.spikes(params, functional);
        float[][] dff = SpikeTrains.dffTraces(params, spikes);
        double[][] shifts = Motion.shifts(params);
        Background background = new Background(params);
        FrameRenderer renderer = new FrameRenderer(params, footprints, dff, background, shifts);
        SyntheticResult result = result(params, outputDirectory.toAbsolutePath(), footprints, functional, spikes,
                shifts, dff, TransientVisibility.snrPerDff(params, footprints, background));
        writeVideo(params, renderer, result.videoFile(), monitor.subMonitor(0, 0.95));
        boolean complete = false;
        try {
            monitor.checkCanceled();
            monitor.setProgress(0.95, "Writing ground truth");
            writeGroundTruth(result);
            complete = true;
        } finally {
            if (!complete) {
                deleteOutputs(result);
            }
        }
        monitor.setProgress(1, null);
        return result;
    }

    private static SyntheticResult result(SyntheticParams params, Path dir, List<Footprint> footprints,
            boolean[] functional, int[][] spikes, double[][] shifts, float[][] dff, double[] snrPerDff) {
        List<Roi> rois = new ArrayList<>();
        List<SyntheticCell> cells = new ArrayList<>();
        for (int i = 0; i < footprints.size(); i++) {
            Footprint footprint = footprints.get(i);
            Roi roi = footprint.roi();
            rois.add(roi);
            int visibleFrames = 0;
            for (float value : dff[i]) {
                visibleFrames += visible(snrPerDff[i], value) ? 1 : 0;
            }
            cells.add(new SyntheticCell(i + 1, functional[i], footprint.centerRow(), footprint.centerCol(),
                    footprint.radiusPx(), IntStream.of(spikes[i]).sum(), visibleFrames, snrPerDff[i]));
        }
        RoiSet roiSet = new RoiSet(params.height(), params.width(), rois);
        return new SyntheticResult(dir.resolve(VIDEO), dir.resolve(LABELS), dir.resolve(REGIONS),
                dir.resolve(FUNCTIONAL_REGIONS), dir.resolve(FIRING_REGIONS), dir.resolve(CELLS),
                dir.resolve(SPIKES), dir.resolve(TRACES), dir.resolve(SHIFTS), roiSet, List.copyOf(cells), spikes,
                shifts, dff);
    }

    private static void writeVideo(SyntheticParams params, FrameRenderer renderer, Path file,
            ProgressMonitor monitor) throws NeurosegException, CanceledException {
        int pixels = params.width() * params.height();
        int batch = batchSize(pixels);
        float[][] scenes = new float[batch][pixels];
        float[][] frames = new float[batch][pixels];
        // the mean soma diameter is what the generator knows of its cells' size
        RecordingInfo recording = new RecordingInfo(params.frameRateHz(), 0, params.radiusMinPx()
                + params.radiusMaxPx());
        try (VideoWriter writer = VideoStore.create(file, new VideoShape(0, params.height(), params.width(),
                PixelType.UINT16), recording, metadata(params))) {
            for (int start = 0; start < params.frames(); start += batch) {
                monitor.checkCanceled();
                int first = start;
                int count = Math.min(batch, params.frames() - start);
                IntStream.range(0, count).parallel()
                        .forEach(i -> renderer.render(first + i, scenes[i], frames[i]));
                for (int i = 0; i < count; i++) {
                    monitor.checkCanceled();
                    writer.append(frames[i]);
                    monitor.setProgress((first + i + 1.0) / params.frames(), null);
                }
            }
            writer.commit();
        }
    }

    /** Frames per parallel batch: two per processor, at most 32, within {@link #BATCH_BYTES}. */
    private static int batchSize(int pixels) {
        int wanted = Math.min(32, 2 * Runtime.getRuntime().availableProcessors());
        long fitting = BATCH_BYTES / (2L * Float.BYTES * pixels);
        return (int) Math.max(1, Math.min(wanted, fitting));
    }

    private static String metadata(SyntheticParams params) {
        Gson gson = new Gson();
        JsonObject metadata = new JsonObject();
        metadata.addProperty("generator", SyntheticVideoGenerator.class.getName());
        metadata.add("params", gson.toJsonTree(params));
        return gson.toJson(metadata);
    }

    private static void writeGroundTruth(SyntheticResult result) throws NeurosegException {
        GroundTruthWriter.labels(result.labelsFile(), result.rois());
        NeurofinderRegions.write(result.regionsFile(), result.rois());
        NeurofinderRegions.write(result.functionalRegionsFile(), result.functionalRois());
        NeurofinderRegions.write(result.firingRegionsFile(), result.firingRois());
        GroundTruthWriter.cells(result.cellsFile(), result.cells());
        GroundTruthWriter.spikes(result.spikesFile(), result.spikes());
        GroundTruthWriter.traces(result.tracesFile(), result.dff());
        GroundTruthWriter.shifts(result.shiftsFile(), result.shifts());
    }

    /**
     * Writes the cells active in each frame, the per-frame target of a network that marks the cells that fire: one
     * uint16 frame per video frame, each cell's pixels (motion-free field of view) set to its id while its transient
     * is visible, 0 elsewhere. Visible: the transient's counts summed over the cell's region are at least
     * {@value #ACTIVE_SNR} times the noise of that sum at rest, at the cell's place ({@link TransientVisibility}:
     * its weights and illumination, the local shot noise, read noise, noise spread between pixels), so that a
     * network is not taught to mark what no recording could show, and the same rule holds for bright and dim
     * presets.
     *
     * @param params the parameters the video was generated with
     * @param result what {@link #generate} returned for them
     * @param file the label video to write (replaced if present)
     * @param monitor progress once per frame and cancellation
     * @throws NeurosegException when the file cannot be written
     * @throws CanceledException when canceled; nothing is left behind
     */
    public static void writeActiveLabels(SyntheticParams params, SyntheticResult result, Path file,
            ProgressMonitor monitor) throws NeurosegException, CanceledException {
        List<Roi> rois = result.rois().rois();
        float[] frame = new float[params.height() * params.width()];
        try (VideoWriter writer = VideoStore.create(file, new VideoShape(0, params.height(), params.width(),
                PixelType.UINT16), new RecordingInfo(params.frameRateHz(), 0, 0), "{\"content\":\"ground truth of "
                        + "a synthetic video: per frame, the id of each cell whose transient is visible in it on its "
                        + "pixels, 0 elsewhere\"}")) {
            for (int t = 0; t < params.frames(); t++) {
                monitor.checkCanceled();
                java.util.Arrays.fill(frame, 0);
                for (Roi roi : rois) {
                    if (visible(result.cells().get(roi.id() - 1).snrPerDff(), result.dff()[roi.id() - 1][t])) {
                        int[] rows = roi.rows();
                        int[] cols = roi.cols();
                        for (int p = 0; p < rows.length; p++) {
                            frame[rows[p] * params.width() + cols[p]] = roi.id();
                        }
                    }
                }
                writer.append(frame);
                monitor.setProgress((t + 1.0) / params.frames(), null);
            }
            writer.commit();
        }
    }

    /**
     * Whether a cell's transient is visible in a frame: its counts summed over the cell's region stand at least
     * {@value #ACTIVE_SNR} times above the noise of that sum at rest ({@link TransientVisibility}).
     *
     * @param snrPerDff the cell's signal-to-noise ratio per unit ΔF/F
     * @param dff its noise-free ΔF/F in the frame
     */
    private static boolean visible(double snrPerDff, double dff) {
        return snrPerDff * dff >= ACTIVE_SNR;
    }

    private static void deleteOutputs(SyntheticResult result) {
        for (Path file : List.of(result.videoFile(), result.labelsFile(), result.regionsFile(),
                result.functionalRegionsFile(), result.firingRegionsFile(), result.cellsFile(), result.spikesFile(),
                result.tracesFile(), result.shiftsFile())) {
            AtomicFiles.deleteQuietly(file);
        }
    }
}
