package org.neuroseg.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.Video;

/**
 * HDF5 files ({@link Hdf5Video}), recognized by the HDF5 signature; asked after {@link NwbReader}, whose files are
 * HDF5 too. Reads the 3-D dataset (frames x height x width) that the format option {@value #DATASET} names by its
 * path, or else the largest 3-D dataset in the file; when several are the largest, the error lists them.
 */
public final class Hdf5Reader implements VideoReader {

    /**
     * The format option that chooses what to read: in HDF5 files the path of a dataset, e.g. "/data/movie"; in NWB
     * files the name of an imaging series under /acquisition ({@link NwbReader}).
     */
    public static final String DATASET = "dataset";

    @Override
    public String name() {
        return "HDF5";
    }

    /** @return {@link #BY_CONTENT} + 100: after NWB, which is HDF5 with more structure */
    @Override
    public int priority() {
        return BY_CONTENT + 100;
    }

    @Override
    public boolean canRead(Path file, ReadOptions options) {
        return Hdf5Files.isHdf5(file);
    }

    @Override
    public Video open(Path file, ReadOptions options) throws NeurosegException {
        HdfFile hdf = Hdf5Files.open(file);
        try {
            return Hdf5Video.of(file, hdf, choose(file, hdf, options.formatOption(DATASET)), RecordingInfo.UNKNOWN);
        } catch (NeurosegException e) {
            hdf.close();
            throw e;
        } catch (RuntimeException e) {
            hdf.close();
            throw Hdf5Files.unreadable(file, e);
        }
    }

    private static Dataset choose(Path file, HdfFile hdf, String path) throws NeurosegException {
        List<Dataset> candidates = Hdf5Files.datasets3d(hdf);
        if (path != null && !path.isBlank()) {
            Node node = find(hdf, path.strip());
            if (node instanceof Dataset dataset) {
                return dataset;
            }
            throw new NeurosegException(file + " holds no dataset '" + path + "' (" + DATASET + " option)"
                    + (candidates.isEmpty() ? "; it holds no 3-D dataset either"
                            : ": its 3-D datasets are " + Hdf5Files.describe(candidates)));
        }
        if (candidates.isEmpty()) {
            throw new NeurosegException(file + " holds no 3-D dataset (frames x height x width) to read as a video");
        }
        long largest = candidates.stream().mapToLong(Dataset::getSize).max().orElseThrow();
        List<Dataset> biggest = candidates.stream().filter(d -> d.getSize() == largest)
                .sorted(Comparator.comparing(Dataset::getPath)).toList();
        if (biggest.size() > 1) {
            throw new NeurosegException(file + " holds several 3-D datasets of the largest size: "
                    + Hdf5Files.describe(biggest) + "; choose one with the " + DATASET + " option (its path)");
        }
        return biggest.get(0);
    }

    private static Node find(HdfFile hdf, String path) {
        try {
            return hdf.getByPath(path);
        } catch (RuntimeException e) {
            // jhdf says a missing path by throwing; the caller reports the path with the candidates
            return null;
        }
    }
}
