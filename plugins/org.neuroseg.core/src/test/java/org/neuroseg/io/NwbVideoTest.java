package org.neuroseg.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;

/**
 * Reads the imaging series of an NWB file laid out as pynwb writes it, written by h5py
 * (src/test/resources/hdf5/two-series.nwb, made by make_fixtures.py there): a TwoPhotonSeries with a rate and a
 * OnePhotonSeries with time stamps.
 */
class NwbVideoTest {

    @TempDir
    Path dir;

    @Test
    void readsFirstSeriesByNameWithRateFromTimestamps() throws Exception {
        Path file = Hdf5VideoTest.fixture("two-series.nwb");
        assertTrue(VideoFormats.readerFor(file, ReadOptions.NONE) instanceof NwbReader);
        try (Video video = VideoFormats.open(file)) {
            // "Miniscope" comes before "TwoPhotonSeries"
            assertEquals(file + ":/acquisition/Miniscope/data", video.source());
            assertEquals(new VideoShape(3, 9, 11, PixelType.FLOAT32), video.shape());
            assertEquals(20, video.frameRateHz(), 1e-9);
            assertArrayEquals(Arrays.copyOf(Hdf5VideoTest.expected(PixelType.FLOAT32, "int16"), 3),
                    TiffFixtures.readAll(video));
        }
    }

    @Test
    void seriesOptionChoosesByNameOrPathWithRateFromStartingTime() throws Exception {
        Path file = Hdf5VideoTest.fixture("two-series.nwb");
        for (String name : new String[] {"TwoPhotonSeries", "/acquisition/TwoPhotonSeries"}) {
            try (Video video = VideoFormats.open(file, ReadOptions.NONE.withFormatOption(Hdf5Reader.DATASET,
                    name))) {
                assertEquals(new VideoShape(5, 9, 11, PixelType.UINT16), video.shape());
                assertEquals(7.5, video.frameRateHz());
                assertArrayEquals(Hdf5VideoTest.expected(PixelType.UINT16, "uint16"), TiffFixtures.readAll(video));
            }
        }
        NeurosegException e = assertThrows(NeurosegException.class, () -> VideoFormats.open(file,
                ReadOptions.NONE.withFormatOption(Hdf5Reader.DATASET, "RunningSpeed")));
        assertEquals(file + " holds no imaging series 'RunningSpeed' (dataset option): its series under"
                + " /acquisition are Miniscope (OnePhotonSeries), TwoPhotonSeries (TwoPhotonSeries)", e.getMessage());
    }

    @Test
    void nwbFileWithoutImagingSeriesSaysWhatItHolds() throws Exception {
        Path file = dir.resolve("behaviour.nwb");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putAttribute("neurodata_type", "NWBFile");
            WritableGroup speed = hdf.putGroup("acquisition").putGroup("Speed");
            speed.putAttribute("neurodata_type", "TimeSeries");
            speed.putDataset("data", new double[] {1, 2});
        }
        assertTrue(VideoFormats.readerFor(file, ReadOptions.NONE) instanceof NwbReader);
        NeurosegException e = assertThrows(NeurosegException.class, () -> VideoFormats.open(file));
        assertEquals(file + " is an NWB file without imaging data: no TwoPhotonSeries or OnePhotonSeries under"
                + " /acquisition (it holds Speed (TimeSeries))", e.getMessage());
    }
}
