package org.neuroseg.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.Raster;
import org.neuroseg.stage.Traces;

/** Writes a run's neurons, traces and raster as NWB and reads them back with jhdf and, where installed, h5py. */
class NwbWriterTest {

    private static final NwbWriter.Session SESSION = new NwbWriter.Session("run-1", "mouse 3, day 2",
            OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.ofHours(2)));

    @TempDir
    Path dir;

    /** Two neurons of ids 7 and 3 (in that ROI order) in a 4 x 5 frame; traces and raster rows in the other order. */
    private static RoiSet neurons() {
        return new RoiSet(4, 5, List.of(new Roi(7, new int[] {0, 0, 1}, new int[] {0, 1, 0}),
                new Roi(3, new int[] {3, 3}, new int[] {3, 4})));
    }

    private static Traces traces() {
        return new Traces(new int[] {3, 7}, new float[][] {{0.5f, 1.5f, -0.25f}, {2, 0, 1}});
    }

    private static Raster raster() {
        BitSet three = new BitSet();
        three.set(1);
        BitSet seven = new BitSet();
        seven.set(0);
        seven.set(2);
        return new Raster(new int[] {3, 7}, 3, List.of(three, seven));
    }

    @Test
    void roundTripKeepsMasksTracesEventsAndSession() throws Exception {
        Path file = NwbWriter.write(dir.resolve("neurons.nwb"), SESSION, neurons(), traces(), raster(), 4);
        assertFalse(Files.exists(dir.resolve("neurons.nwb.part")));
        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals("NWBFile", Hdf5Files.text(hdf, "neurodata_type"));
            assertEquals("run-1", hdf.getDatasetByPath("identifier").getData());
            assertEquals("mouse 3, day 2", hdf.getDatasetByPath("session_description").getData());
            assertEquals("2024-05-06T07:08:09+02:00", hdf.getDatasetByPath("session_start_time").getData());
            String plane = "processing/ophys/ImageSegmentation/PlaneSegmentation/";
            assertEquals("PlaneSegmentation", Hdf5Files.text(hdf.getByPath(plane + "image_mask").getParent(), "neurodata_type"));
            assertArrayEquals(new int[] {7, 3}, (int[]) hdf.getDatasetByPath(plane + "id").getData());
            float[][][] masks = (float[][][]) hdf.getDatasetByPath(plane + "image_mask").getData();
            assertArrayEquals(new float[][] {{1, 1, 0, 0, 0}, {1, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}},
                    masks[0]);
            assertArrayEquals(new float[] {0, 0, 0, 1, 1}, masks[1][3]);
            String series = "processing/ophys/DfOverF/RoiResponseSeries/";
            // frames x neurons, neurons in the segmentation's order (7, then 3)
            assertArrayEquals(new float[][] {{2, 0.5f}, {0, 1.5f}, {1, -0.25f}},
                    (float[][]) hdf.getDatasetByPath(series + "data").getData());
            assertArrayEquals(new int[] {0, 1}, (int[]) hdf.getDatasetByPath(series + "rois").getData());
            assertEquals(4.0, Hdf5Files.number(hdf.getByPath(series + "starting_time"), "rate"));
            String events = "processing/ophys/events/";
            assertArrayEquals(new int[] {7, 7, 3}, (int[]) hdf.getDatasetByPath(events + "roi_id").getData());
            assertArrayEquals(new int[] {0, 2, 1}, (int[]) hdf.getDatasetByPath(events + "frame").getData());
            assertArrayEquals(new double[] {0, 0.5, 0.25}, (double[]) hdf.getDatasetByPath(events + "time")
                    .getData());
        }
        NeurosegException e = assertThrows(NeurosegException.class, () -> VideoFormats.open(file));
        assertTrue(e.getMessage().contains("is an NWB file without imaging data"), e.getMessage());
    }

    @Test
    void noNeuronsIsRefusedAndLeavesNothing() {
        Path file = dir.resolve("none.nwb");
        NeurosegException e = assertThrows(NeurosegException.class, () -> NwbWriter.write(file, SESSION,
                new RoiSet(4, 5, List.of()), new Traces(new int[0], new float[0][]),
                new Raster(new int[0], 3, List.of()), 4));
        assertEquals("Cannot write " + file + ": there are no neurons to write", e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void unknownFrameRateIsRefusedAndLeavesNothing() {
        Path file = dir.resolve("neurons.nwb");
        NeurosegException e = assertThrows(NeurosegException.class,
                () -> NwbWriter.write(file, SESSION, neurons(), traces(), raster(), 0));
        assertEquals("Cannot write " + file + ": NWB needs the frame rate of the traces, and it is unknown (give the"
                + " video's frame rate, --frame-rate-hz)", e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void h5pyReadsTheFileAsNwbLaysItOut() throws Exception {
        Path file = NwbWriter.write(dir.resolve("neurons.nwb"), SESSION, neurons(), traces(), raster(), 4);
        Path script = dir.resolve("check.py");
        Files.writeString(script, String.join("\n",
                "import sys, h5py",
                "f = h5py.File(sys.argv[1], 'r')",
                "def text(v): return v.decode() if isinstance(v, bytes) else str(v)",
                "assert text(f.attrs['neurodata_type']) == 'NWBFile'",
                "assert text(f.attrs['nwb_version']).startswith('2.')",
                "for key in ['identifier', 'session_description', 'session_start_time', 'timestamps_reference_time',",
                "            'file_create_date', 'acquisition', 'analysis', 'general', 'processing',",
                "            'stimulus/presentation', 'stimulus/templates']:",
                "    assert key in f, key",
                "ophys = f['processing/ophys']",
                "assert text(ophys.attrs['neurodata_type']) == 'ProcessingModule'",
                "plane = ophys['ImageSegmentation/PlaneSegmentation']",
                "assert plane['image_mask'].shape == (2, 4, 5), plane['image_mask'].shape",
                "assert list(plane['id'][:]) == [7, 3]",
                "series = ophys['DfOverF/RoiResponseSeries']",
                "assert text(series.attrs['neurodata_type']) == 'RoiResponseSeries'",
                "assert series['data'].shape == (3, 2) and series['data'].dtype == 'float32'",
                "assert abs(series['data'][2, 1] + 0.25) < 1e-7",
                "assert series['starting_time'].attrs['rate'] == 4",
                "assert list(ophys['events/frame'][:]) == [0, 2, 1]",
                "names = []",
                "f.visit(names.append)",
                "assert 'acquisition' in names and 'stimulus/templates' in names, names",
                "print('ok')", ""));
        Process process;
        try {
            process = new ProcessBuilder("/usr/bin/python3", script.toString(), file.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "/usr/bin/python3 is not installed");
            return;
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(!output.contains("No module named 'h5py'"), "h5py is not installed (Debian: python3-h5py)");
        assertEquals("ok", output.strip(), output);
    }
}
