package org.neuroseg.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.Video;

/**
 * Neurodata Without Borders (NWB 2.x) files: HDF5 files whose root says {@code neurodata_type = "NWBFile"}. Reads
 * the {@code data} of a TwoPhotonSeries or OnePhotonSeries under {@code /acquisition} as a video ({@link Hdf5Video}:
 * frames x height x width, the layout suite2p and CaImAn write), the one the format option
 * {@value Hdf5Reader#DATASET} names (its name, or its path "/acquisition/NAME"), or else the first by name. The
 * frame rate is the {@code rate} attribute of the series' {@code starting_time}, or else comes from its
 * {@code timestamps}.
 */
public final class NwbReader implements VideoReader {

    private static final List<String> SERIES_TYPES = List.of("TwoPhotonSeries", "OnePhotonSeries");
    private static final String ACQUISITION = "acquisition";

    @Override
    public String name() {
        return "NWB";
    }

    @Override
    public int priority() {
        return BY_CONTENT;
    }

    @Override
    public boolean canRead(Path file, ReadOptions options) {
        if (!Hdf5Files.isHdf5(file)) {
            return false;
        }
        try (HdfFile hdf = new HdfFile(file)) {
            return "NWBFile".equals(Hdf5Files.text(hdf, "neurodata_type"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public Video open(Path file, ReadOptions options) throws NeurosegException {
        HdfFile hdf = Hdf5Files.open(file);
        try {
            Group series = choose(file, hdf, options.formatOption(Hdf5Reader.DATASET));
            Node data = series.getChild("data");
            if (!(data instanceof Dataset dataset)) {
                throw new NeurosegException(file + ": " + series.getPath() + " has no data"
                        + (series.getChild("external_file") != null ? " inside the file: its frames are in the"
                                + " external file(s) it names in external_file; open those instead" : ""));
            }
            return Hdf5Video.of(file, hdf, dataset, RecordingInfo.ofFrameRate(frameRateHz(series)));
        } catch (NeurosegException e) {
            hdf.close();
            throw e;
        } catch (RuntimeException e) {
            hdf.close();
            throw Hdf5Files.unreadable(file, e);
        }
    }

    private static Group choose(Path file, HdfFile hdf, String wanted) throws NeurosegException {
        Map<String, Group> series = new TreeMap<>();
        List<String> others = new ArrayList<>();
        if (hdf.getChild(ACQUISITION) instanceof Group acquisition) {
            for (Node node : acquisition.getChildren().values()) {
                String type = Hdf5Files.text(node, "neurodata_type");
                if (node instanceof Group group && SERIES_TYPES.contains(type)) {
                    series.put(node.getName(), group);
                } else {
                    others.add(node.getName() + (type == null ? "" : " (" + type + ")"));
                }
            }
        }
        if (series.isEmpty()) {
            throw new NeurosegException(file + " is an NWB file without imaging data: no TwoPhotonSeries or"
                    + " OnePhotonSeries under /" + ACQUISITION + (others.isEmpty() ? "" : " (it holds "
                            + String.join(", ", others) + ")"));
        }
        if (wanted == null || wanted.isBlank()) {
            return series.values().iterator().next();
        }
        String name = wanted.strip().replaceFirst("^/?" + ACQUISITION + "/", "");
        Group chosen = series.get(name);
        if (chosen == null) {
            throw new NeurosegException(file + " holds no imaging series '" + wanted + "' (" + Hdf5Reader.DATASET
                    + " option): its series under /" + ACQUISITION + " are " + series.entrySet().stream()
                            .map(e -> e.getKey() + " (" + Hdf5Files.text(e.getValue(), "neurodata_type") + ")")
                            .collect(Collectors.joining(", ")));
        }
        return chosen;
    }

    /** @return the series' frame rate in Hz, or 0 when it gives none */
    private static double frameRateHz(Group series) {
        if (series.getChild("starting_time") instanceof Dataset start) {
            double rate = Hdf5Files.number(start, "rate");
            if (rate > 0 && Double.isFinite(rate)) {
                return rate;
            }
        }
        if (series.getChild("timestamps") instanceof Dataset timestamps && timestamps.getDimensions().length == 1
                && timestamps.getDimensions()[0] > 1 && timestamps.getDataFlat() instanceof double[] times) {
            double span = times[times.length - 1] - times[0];
            return span > 0 && Double.isFinite(span) ? (times.length - 1) / span : 0;
        }
        return 0;
    }
}
