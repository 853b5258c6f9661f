package org.neuroseg.knime.port;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knime.core.data.filestore.FileStore;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.neuroseg.NeurosegException;
import org.neuroseg.knime.util.FileStoreOutputs;
import org.neuroseg.knime.util.KnimeTables;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.Raster;
import org.neuroseg.table.MetricsTables;
import org.neuroseg.table.RasterTables;
import org.neuroseg.table.RoiTables;
import org.neuroseg.video.MappedVideo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.Videos;

/**
 * Stage ports as KNIME ports: videos and images travel as {@link VideoPortObject}, ROI, raster and metrics tables as
 * KNIME data tables (see {@link RoiTables}, {@link RasterTables}).
 */
public final class StagePorts {

    private StagePorts() {
    }

    /** @return the KNIME port type of each port */
    public static PortType[] types(List<PortSpec> ports) {
        PortType[] types = new PortType[ports.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = switch (ports.get(i).kind()) {
                case VIDEO, IMAGE -> PortTypeRegistry.getInstance().getPortType(VideoPortObject.class);
                case ROI_TABLE, RASTER_TABLE, METRICS_TABLE -> BufferedDataTable.TYPE;
            };
        }
        return types;
    }

    /**
     * Converts KNIME inputs into stage inputs; videos are opened and must be closed by the caller.
     *
     * @throws NeurosegException when a video cannot be opened
     * @throws IllegalArgumentException naming the column when a table is not what the port expects
     */
    public static List<Object> toStageValues(List<PortSpec> ports, PortObject[] objects) throws NeurosegException {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < objects.length; i++) {
            PortObject object = objects[i];
            values.add(switch (ports.get(i).kind()) {
                case VIDEO, IMAGE -> ((VideoPortObject) object).openVideo();
                case ROI_TABLE -> RoiTables.fromTable(KnimeTables.read((BufferedDataTable) object));
                case RASTER_TABLE -> RasterTables.fromTable(KnimeTables.read((BufferedDataTable) object));
                case METRICS_TABLE -> KnimeTables.read((BufferedDataTable) object);
            });
        }
        return values;
    }

    /**
     * Converts stage outputs into KNIME port objects. A video already in one of the node's file stores is wrapped;
     * any other video is first copied into a new file store.
     */
    public static PortObject[] toPortObjects(List<PortSpec> ports, List<Object> values, FileStoreOutputs files,
            ExecutionContext exec) throws NeurosegException, CanceledException {
        PortObject[] objects = new PortObject[values.size()];
        for (int i = 0; i < objects.length; i++) {
            Object value = values.get(i);
            objects[i] = switch (ports.get(i).kind()) {
                case VIDEO, IMAGE -> videoPort((Video) value, files);
                case ROI_TABLE -> KnimeTables.write(RoiTables.toTable((RoiSet) value), exec);
                case RASTER_TABLE -> KnimeTables.write(RasterTables.toTable((Raster) value), exec);
                case METRICS_TABLE -> KnimeTables.write(MetricsTables.toTable(value), exec);
            };
        }
        return objects;
    }

    private static VideoPortObject videoPort(Video video, FileStoreOutputs files)
            throws NeurosegException, CanceledException {
        FileStore store = video instanceof MappedVideo mapped ? files.storeOf(mapped.file()) : null;
        if (store == null) {
            Path path = files.newFile("video" + VideoStore.EXTENSION);
            Videos.toStore(video, path, null, ProgressMonitor.NONE);
            store = files.storeOf(path);
        }
        return new VideoPortObject(new VideoPortObjectSpec(video.shape(), video.frameRateHz()), store);
    }
}
