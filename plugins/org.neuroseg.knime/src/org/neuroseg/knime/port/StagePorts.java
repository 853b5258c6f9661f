package org.neuroseg.knime.port;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.knime.core.data.DataCell;
import org.knime.core.data.filestore.FileStore;
import org.knime.core.data.image.png.PNGImageCell;
import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;
import org.neuroseg.NeurosegException;
import org.neuroseg.metrics.SegmentationScore;
import org.neuroseg.knime.util.FileStoreOutputs;
import org.neuroseg.knime.util.KnimeTables;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.MotionShifts;
import org.neuroseg.stage.Picture;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.Raster;
import org.neuroseg.stage.Traces;
import org.neuroseg.table.MetricsTables;
import org.neuroseg.table.RasterTables;
import org.neuroseg.table.RoiTables;
import org.neuroseg.table.ShiftsTables;
import org.neuroseg.table.Table;
import org.neuroseg.table.TracesTables;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.Videos;

/**
 * Stage ports as KNIME ports: videos and images travel as {@link VideoPortObject}, models as {@link ModelPortObject},
 * pictures as KNIME image ports holding a PNG, and ROI, raster, metrics, shifts and traces tables as KNIME data tables
 * (see {@link RoiTables}, {@link RasterTables}, {@link MetricsTables}, {@link ShiftsTables}, {@link TracesTables}).
 */
public final class StagePorts {

    private StagePorts() {
    }

    /** @return the KNIME port type of each port */
    public static PortType[] types(List<PortSpec<?>> ports) {
        PortType[] types = new PortType[ports.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = switch (ports.get(i).kind()) {
                case VIDEO, IMAGE -> PortTypeRegistry.getInstance().getPortType(VideoPortObject.class);
                case ROI_TABLE, RASTER_TABLE, METRICS_TABLE, SHIFTS_TABLE, TRACES_TABLE, ACTIVITY_TABLE ->
                        BufferedDataTable.TYPE;
                case PICTURE -> ImagePortObject.TYPE;
                case MODEL -> PortTypeRegistry.getInstance().getPortType(ModelPortObject.class);
            };
        }
        return types;
    }

    /**
     * Converts a KNIME input into a stage input; a video is opened and must be closed by the caller.
     *
     * @throws NeurosegException when a video cannot be opened
     * @throws IllegalArgumentException naming the column when a table is not what the port expects, or when an
     *         image port holds no PNG
     */
    public static Object toStageValue(PortSpec<?> port, PortObject object) throws NeurosegException {
        return switch (port.kind()) {
            case VIDEO, IMAGE -> ((VideoPortObject) object).openVideo();
            case ROI_TABLE -> RoiTables.fromTable(KnimeTables.read((BufferedDataTable) object));
            case RASTER_TABLE -> RasterTables.fromTable(KnimeTables.read((BufferedDataTable) object));
            case METRICS_TABLE -> MetricsTables.fromTable(KnimeTables.read((BufferedDataTable) object));
            case ACTIVITY_TABLE -> KnimeTables.read((BufferedDataTable) object);
            case SHIFTS_TABLE -> ShiftsTables.fromTable(KnimeTables.read((BufferedDataTable) object));
            case TRACES_TABLE -> TracesTables.fromTable(KnimeTables.read((BufferedDataTable) object));
            case PICTURE -> picture((ImagePortObject) object);
            case MODEL -> ((ModelPortObject) object).modelFile();
        };
    }

    /**
     * Converts stage outputs into KNIME port objects. A video or model file already in one of the node's file stores
     * is wrapped; any other is first copied into a new file store.
     *
     * @throws NeurosegException when a video or model file cannot be copied into a file store
     */
    public static PortObject[] toPortObjects(List<PortSpec<?>> ports, List<Object> values, FileStoreOutputs files,
            ExecutionContext exec) throws NeurosegException, CanceledException {
        PortObject[] objects = new PortObject[values.size()];
        for (int i = 0; i < objects.length; i++) {
            Object value = values.get(i);
            objects[i] = switch (ports.get(i).kind()) {
                case VIDEO, IMAGE -> videoPort((Video) value, files);
                case ROI_TABLE -> KnimeTables.write(RoiTables.toTable((RoiSet) value), exec);
                case RASTER_TABLE -> KnimeTables.write(RasterTables.toTable((Raster) value), exec);
                case METRICS_TABLE -> KnimeTables.write(MetricsTables.toTable((SegmentationScore) value), exec);
                case ACTIVITY_TABLE -> KnimeTables.write((Table) value, exec);
                case SHIFTS_TABLE -> KnimeTables.write(ShiftsTables.toTable((MotionShifts) value), exec);
                case TRACES_TABLE -> KnimeTables.write(TracesTables.toTable((Traces) value), exec);
                case PICTURE -> new ImagePortObject(new PNGImageContent(((Picture) value).png()),
                        new ImagePortObjectSpec(PNGImageContent.TYPE));
                case MODEL -> modelPort((ModelFile) value, files);
            };
        }
        return objects;
    }

    private static VideoPortObject videoPort(Video video, FileStoreOutputs files)
            throws NeurosegException, CanceledException {
        FileStore store = video instanceof FileVideo mapped ? files.storeOf(mapped.file()) : null;
        if (store == null) {
            Path path = files.newFile("video" + VideoStore.EXTENSION);
            Videos.toStore(video, path, null, ProgressMonitor.NONE);
            store = files.storeOf(path);
        }
        return new VideoPortObject(new VideoPortObjectSpec(video.shape(), video.recording()), store);
    }

    private static ModelPortObject modelPort(ModelFile model, FileStoreOutputs files) throws NeurosegException {
        String fileName = model.file().getFileName().toString();
        FileStore store = files.storeOf(model.file());
        if (store == null) {
            Path copy = files.newFile(fileName);
            try {
                Files.copy(model.file(), copy, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new NeurosegException("cannot copy the model file '" + model.file()
                        + "' into the node's file store: " + e.getMessage(), e);
            }
            store = files.storeOf(copy);
        }
        return new ModelPortObject(new ModelPortObjectSpec(model.architecture(), fileName), store);
    }

    private static Picture picture(ImagePortObject image) {
        DataCell cell = image.toDataCell();
        if (cell instanceof PNGImageCell png) {
            return new Picture(png.getImageContent().getByteArray());
        }
        throw new IllegalArgumentException("the picture input needs a PNG image; the connected image port holds "
                + image.getSummary());
    }
}
