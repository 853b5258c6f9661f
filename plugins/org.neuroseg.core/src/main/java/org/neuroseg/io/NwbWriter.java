package org.neuroseg.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neuroseg.NeurosegException;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.Raster;
import org.neuroseg.stage.Traces;

/**
 * Writes the result of a run as a Neurodata Without Borders (NWB 2.7) file, laid out as the NWB core schema says:
 * the session metadata NWB requires at the root ({@code identifier}, {@code session_description},
 * {@code session_start_time}, {@code timestamps_reference_time}, {@code file_create_date}), a device and an imaging
 * plane under {@code /general}, the producer under {@code /analysis}, and in the processing module
 * {@code /processing/ophys}:
 * <ul>
 * <li>{@code ImageSegmentation/PlaneSegmentation}: one row per neuron, its {@code id} (the ROI id) and its
 * {@code image_mask} (neurons x height x width, 1 inside the neuron, 0 outside);</li>
 * <li>{@code DfOverF/RoiResponseSeries}: the ΔF/F traces, {@code data} frames x neurons (float32) in the order of
 * the segmentation's rows, {@code rois} the row indices, {@code starting_time} 0 with the frame rate as
 * {@code rate};</li>
 * <li>{@code events}: a table with one row per active frame of a neuron (the raster): {@code roi_id}, {@code frame}
 * and {@code time} in seconds.</li>
 * </ul>
 * Written with jhdf, which writes no HDF5 object references or links: the segmentation's link to its imaging plane
 * and the series' {@code rois.table} reference are absent (the rows they point to are the segmentation's rows, in
 * order). The file is written beside its target and moved into place when complete.
 */
public final class NwbWriter {

    /** The NWB schema version the file follows. */
    public static final String NWB_VERSION = "2.7.0";

    private NwbWriter() {
    }

    /**
     * The session metadata that NWB requires and that a video file does not carry.
     *
     * @param identifier a unique identifier of the file, e.g. a UUID
     * @param description what the session was
     * @param startTime when the recording started, with its offset from UTC
     */
    public record Session(String identifier, String description, OffsetDateTime startTime) {

        /** Checks that each field is given. */
        public Session {
            if (identifier == null || identifier.isBlank() || description == null || description.isBlank()
                    || startTime == null) {
                throw new IllegalArgumentException("an NWB session needs an identifier, a description and a start"
                        + " time: got '" + identifier + "', '" + description + "', " + startTime);
            }
        }

        /** @return a session with a new random identifier and the given description and start time */
        public static Session of(String description, OffsetDateTime startTime) {
            return new Session(UUID.randomUUID().toString(), description, startTime);
        }
    }

    /**
     * Writes {@code file}, replacing any file there.
     *
     * @param file the NWB file to write, usually ending in .nwb
     * @param session identifier, description and start time
     * @param neurons the neurons, in the frame of the video their traces were measured on
     * @param traces the ΔF/F of every neuron (rows by ROI id), one value per frame
     * @param raster the active frames of every neuron (rows by ROI id), as many frames as the traces
     * @param frameRateHz frames per second of the traces, greater than 0
     * @return {@code file}
     * @throws NeurosegException when the frame rate is unknown, there are no neurons, a neuron has no trace or
     *         raster row, or the file cannot be written; nothing is left behind then
     */
    public static Path write(Path file, Session session, RoiSet neurons, Traces traces, Raster raster,
            double frameRateHz) throws NeurosegException {
        if (!(frameRateHz > 0) || !Double.isFinite(frameRateHz)) {
            throw new NeurosegException("Cannot write " + file + ": NWB needs the frame rate of the traces, and it"
                    + " is unknown (give the video's frame rate, --frame-rate-hz)");
        }
        if (neurons.size() == 0) {
            // jhdf writes no empty datasets, and a segmentation without rows says nothing a reader needs
            throw new NeurosegException("Cannot write " + file + ": there are no neurons to write");
        }
        if (raster.frames() != traces.frames()) {
            throw new IllegalArgumentException("raster of " + raster.frames() + " frames for traces of "
                    + traces.frames());
        }
        int[] traceRows = rowsOf(file, neurons, traces.neuronIds(), "trace");
        int[] rasterRows = rowsOf(file, neurons, raster.neuronIds(), "raster row");
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (WritableHdfFile hdf = HdfFile.write(partial)) {
                // jhdf 0.9.4 links the first childless group it writes at the root to an address past the end of
                // the file; a root group with a dataset created first avoids that (checked by the tests, with h5py)
                hdf.putGroup("analysis").putDataset("producer", "NeuroSeg (neuroseg run)");
                WritableGroup ophys = hdf.putGroup("processing").putGroup("ophys");
                typed(ophys, "ProcessingModule", "core");
                ophys.putAttribute("description", "Functional neurons found by NeuroSeg, their ΔF/F and events");
                writeSegmentation(ophys, neurons);
                writeTraces(ophys, neurons, traces, traceRows, frameRateHz);
                writeEvents(ophys, neurons, raster, rasterRows, frameRateHz);
                writeSession(hdf, session);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException | RuntimeException e) {
            AtomicFiles.deleteQuietly(partial);
            throw new NeurosegException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return for each neuron (in ROI order) its row in {@code ids} */
    private static int[] rowsOf(Path file, RoiSet neurons, int[] ids, String what) throws NeurosegException {
        Map<Integer, Integer> rows = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            rows.put(ids[i], i);
        }
        int[] result = new int[neurons.size()];
        for (int n = 0; n < result.length; n++) {
            Integer row = rows.get(neurons.rois().get(n).id());
            if (row == null) {
                throw new NeurosegException("Cannot write " + file + ": neuron " + neurons.rois().get(n).id()
                        + " has no " + what);
            }
            result[n] = row;
        }
        return result;
    }

    private static void writeSession(WritableHdfFile hdf, Session session) {
        WritableGroup general = hdf.putGroup("general");
        WritableGroup device = general.putGroup("devices").putGroup("Microscope");
        typed(device, "Device", "core");
        device.putAttribute("description", "The microscope that recorded the video");
        WritableGroup plane = general.putGroup("optophysiology").putGroup("ImagingPlane");
        typed(plane, "ImagingPlane", "core");
        plane.putDataset("description", "The plane of the video NeuroSeg segmented");
        plane.putDataset("excitation_lambda", Double.NaN);
        plane.putDataset("indicator", "unknown");
        plane.putDataset("location", "unknown");
        WritableGroup channel = plane.putGroup("OpticalChannel");
        typed(channel, "OpticalChannel", "core");
        channel.putDataset("description", "The recorded channel");
        channel.putDataset("emission_lambda", Double.NaN);
        typed(hdf, "NWBFile", "core");
        hdf.putAttribute("nwb_version", NWB_VERSION);
        hdf.putDataset("identifier", session.identifier());
        hdf.putDataset("session_description", session.description());
        String start = session.startTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        hdf.putDataset("session_start_time", start);
        hdf.putDataset("timestamps_reference_time", start);
        hdf.putDataset("file_create_date", new String[] {
                OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)});
        hdf.putGroup("acquisition");
        WritableGroup stimulus = hdf.putGroup("stimulus");
        stimulus.putGroup("presentation");
        stimulus.putGroup("templates");
    }

    private static void writeSegmentation(WritableGroup ophys, RoiSet neurons) {
        WritableGroup segmentation = ophys.putGroup("ImageSegmentation");
        typed(segmentation, "ImageSegmentation", "core");
        WritableGroup plane = segmentation.putGroup("PlaneSegmentation");
        typed(plane, "PlaneSegmentation", "core");
        plane.putAttribute("description", "Functional neurons found by NeuroSeg, one image mask each");
        plane.putAttribute("colnames", new String[] {"image_mask"});
        float[][][] masks = new float[neurons.size()][neurons.height()][neurons.width()];
        int[] ids = new int[neurons.size()];
        for (int n = 0; n < ids.length; n++) {
            Roi roi = neurons.rois().get(n);
            ids[n] = roi.id();
            for (int p = 0; p < roi.area(); p++) {
                masks[n][roi.rows()[p]][roi.cols()[p]] = 1;
            }
        }
        ids(plane, ids);
        column(plane.putDataset("image_mask", masks), "Image masks, neurons x height x width (1 inside)");
    }

    private static void writeTraces(WritableGroup ophys, RoiSet neurons, Traces traces, int[] rows,
            double frameRateHz) {
        WritableGroup dff = ophys.putGroup("DfOverF");
        typed(dff, "DfOverF", "core");
        WritableGroup series = dff.putGroup("RoiResponseSeries");
        typed(series, "RoiResponseSeries", "core");
        series.putAttribute("description", "ΔF/F of each neuron (neuropil ring subtracted), frames x neurons");
        series.putAttribute("comments", "no comments");
        float[][] data = new float[traces.frames()][neurons.size()];
        for (int n = 0; n < rows.length; n++) {
            float[] trace = traces.values()[rows[n]];
            for (int t = 0; t < trace.length; t++) {
                data[t][n] = trace[t];
            }
        }
        WritableDataset values = series.putDataset("data", data);
        values.putAttribute("unit", "n.a.");
        values.putAttribute("conversion", 1.0f);
        values.putAttribute("offset", 0.0f);
        values.putAttribute("resolution", -1.0f);
        int[] regions = new int[neurons.size()];
        for (int n = 0; n < regions.length; n++) {
            regions[n] = n;
        }
        WritableDataset rois = series.putDataset("rois", regions);
        typed(rois, "DynamicTableRegion", "hdmf-common");
        rois.putAttribute("description", "Rows of /processing/ophys/ImageSegmentation/PlaneSegmentation");
        WritableDataset start = series.putDataset("starting_time", 0.0);
        start.putAttribute("rate", (float) frameRateHz);
        start.putAttribute("unit", "seconds");
    }

    private static void writeEvents(WritableGroup ophys, RoiSet neurons, Raster raster, int[] rows,
            double frameRateHz) {
        List<int[]> events = new ArrayList<>();
        for (int n = 0; n < rows.length; n++) {
            int id = neurons.rois().get(n).id();
            raster.rows().get(rows[n]).stream().forEach(frame -> events.add(new int[] {id, frame}));
        }
        int[] roiIds = new int[events.size()];
        int[] frames = new int[events.size()];
        double[] times = new double[events.size()];
        int[] ids = new int[events.size()];
        for (int e = 0; e < ids.length; e++) {
            ids[e] = e;
            roiIds[e] = events.get(e)[0];
            frames[e] = events.get(e)[1];
            times[e] = frames[e] / frameRateHz;
        }
        WritableGroup table = ophys.putGroup("events");
        typed(table, "DynamicTable", "hdmf-common");
        table.putAttribute("description", "Active frames of each neuron (the raster of Activity Validation): one row"
                + " per neuron and frame");
        table.putAttribute("colnames", new String[] {"roi_id", "frame", "time"});
        ids(table, ids);
        column(table.putDataset("roi_id", roiIds), "ROI id of the neuron (id of PlaneSegmentation)");
        column(table.putDataset("frame", frames), "Frame index, from 0");
        column(table.putDataset("time", times), "Time of the frame in seconds from the start of the recording");
    }

    private static void ids(WritableGroup table, int[] ids) {
        typed(table.putDataset("id", ids), "ElementIdentifiers", "hdmf-common");
    }

    private static void column(WritableDataset column, String description) {
        typed(column, "VectorData", "hdmf-common");
        column.putAttribute("description", description);
    }

    private static void typed(WritableNode node, String type, String namespace) {
        node.putAttribute("neurodata_type", type);
        node.putAttribute("namespace", namespace);
        node.putAttribute("object_id", UUID.randomUUID().toString());
    }
}
