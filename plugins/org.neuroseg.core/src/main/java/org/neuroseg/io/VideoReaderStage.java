package org.neuroseg.io;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.neuroseg.NeurosegException;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.ParamSpec.PathKind;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.Stage;
import org.neuroseg.stage.StageCategory;
import org.neuroseg.stage.StageContext;
import org.neuroseg.stage.settings.KeyMigration;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.Videos;

/**
 * Calcium Video Reader: reads a video file or folder in any supported format ({@link VideoFormats}) and copies it,
 * frame by frame, into a video store that later stages read.
 */
public final class VideoReaderStage implements Stage {

    /** The stage. */
    public static final VideoReaderStage INSTANCE = new VideoReaderStage();

    /** The video file, or the folder of single-page TIFFs. */
    public static final ParamSpec FILE = ParamSpec.path("file", "Video file or folder", "", PathKind.FILE_TO_READ,
            "Multi-page TIFF or BigTIFF, a folder of single-page TIFFs (read in natural order), an HDF5 or NWB "
                    + "file, an Inscopix movie (.isxd), a raw file, or a NeuroSeg video store (.nsv).");
    public static final ParamSpec RAW_WIDTH = ParamSpec.integer("rawWidth", "Raw frame width (px)", 0, 0, 65535,
            "For raw binary files only: pixels per row. 0 for formats that carry their size.");
    public static final ParamSpec RAW_HEIGHT = ParamSpec.integer("rawHeight", "Raw frame height (px)", 0, 0, 65535,
            "For raw binary files only: rows per frame. 0 for formats that carry their size.");
    public static final ParamSpec RAW_PIXEL_TYPE = ParamSpec.choice("rawPixelType", "Raw pixel type", "uint16",
            List.of("uint8", "uint16", "float32"), "For raw binary files only: how each pixel is stored.");
    public static final ParamSpec RAW_BYTE_ORDER = ParamSpec.choice("rawByteOrder", "Raw byte order",
            "little-endian", List.of("little-endian", "big-endian"),
            "For raw binary files only: byte order of multi-byte pixels.");
    public static final ParamSpec RAW_HEADER_BYTES = ParamSpec.integer("rawHeaderBytes", "Raw header size (bytes)",
            0, 0, Integer.MAX_VALUE, "For raw binary files only: bytes to skip before the first frame.");

    public static final ParamSpec DATASET = ParamSpec.text(Hdf5Reader.DATASET, "Dataset (HDF5, NWB)", "",
            "For HDF5 files: the path of the 3-D dataset (frames x height x width) to read, e.g. /data/movie; empty "
                    + "reads the largest. For NWB files: the name of the TwoPhotonSeries or OnePhotonSeries under "
                    + "/acquisition; empty reads the first by name.");

    /** The cell diameter the output video records, from which later stages derive their size parameters. */
    public static final ParamSpec CELL_DIAMETER = ParamSpec.decimal("cellDiameterPx", "Cell diameter (px)", 0, 0,
            1000, "Typical diameter of a cell body in pixels (Suite2p's and Cellpose's diameter). Later stages "
                    + "derive their size parameters left at auto from it (areas, radii, rings, background scales). "
                    + "0 keeps what the file records (NeuroSeg stores and synthetic videos do); where nothing is "
                    + "recorded the stages assume " + (int) RecordingInfo.DEFAULT_CELL_DIAMETER_PX + " px, the cells "
                    + "of the paper's recordings (512 x 512 pixels over 750 µm).");

    public static final PortSpec<Video> VIDEO = PortSpec.video("Video",
            "The video, frames in their original pixel type, with the cell diameter it records.");

    private VideoReaderStage() {
    }

    @Override
    public String id() {
        return "video-reader";
    }

    @Override
    public String name() {
        return "Calcium Video Reader";
    }

    @Override
    public StageCategory category() {
        return StageCategory.IO;
    }

    @Override
    public String shortDescription() {
        return "Reads a calcium-imaging video from a TIFF stack, a folder of TIFFs, HDF5, NWB, Inscopix .isxd or a "
                + "raw file.";
    }

    @Override
    public String description() {
        return "Reads a calcium-imaging video frame by frame, so videos larger than memory can be read. Supported: "
                + "multi-page TIFF and BigTIFF (8- and 16-bit unsigned, 32-bit float; uncompressed, LZW, Deflate "
                + "or PackBits; stripped or tiled; little- or big-endian; ImageJ stacks larger than 4 GB), a folder "
                + "of single-page TIFFs read in natural order (image2 before image10, the Neurofinder layout), HDF5 "
                + "(a 3-D dataset of frames x height x width: uint8, uint16, int16 or float32, chunked and compressed "
                + "or not), NWB 2.x (a TwoPhotonSeries or OnePhotonSeries under /acquisition, with its frame rate), "
                + "Inscopix movies (.isxd, with frame rate and pixel size), raw binary files of known frame size and "
                + "pixel type, and NeuroSeg video stores. The format is detected from the file's content. Bad files are refused with a message naming the file and the "
                + "problem (truncated, corrupt directory, frames of different sizes, unsupported pixel type). The "
                + "video carries its cell diameter (this node's setting, or what the file records) to every later "
                + "node, whose size parameters left at auto derive from it.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(FILE, CELL_DIAMETER, DATASET, RAW_WIDTH, RAW_HEIGHT, RAW_PIXEL_TYPE, RAW_BYTE_ORDER,
                RAW_HEADER_BYTES);
    }

    /** Settings saved before the cell diameter existed keep what the file records (0). */
    @Override
    public List<KeyMigration> settingsMigrations() {
        return List.of(new KeyMigration.Added(CELL_DIAMETER.key(), "0.2", 0.0));
    }

    @Override
    public List<PortSpec<?>> inputs() {
        return List.of();
    }

    @Override
    public List<PortSpec<?>> outputs() {
        return List.of(VIDEO);
    }

    @Override
    public PortValues run(PortValues inputs, Parameters parameters, StageContext context)
            throws NeurosegException, CanceledException {
        Path file = parameters.getPath(FILE);
        if (file == null) {
            throw new NeurosegException("No video file chosen: set '" + FILE.label() + "'");
        }
        Path store = context.outputFiles().newFile("video" + VideoStore.EXTENSION);
        try (Video video = open(file, parameters)) {
            context.monitor().setProgress(0, "Reading " + video.shape() + " from " + file.getFileName());
            Videos.toStore(video, store, sourceMetadata(file), context.monitor());
        } catch (java.io.IOException e) {
            throw new NeurosegException("Cannot close " + file + ": " + e.getMessage(), e);
        }
        return PortValues.of(VIDEO, VideoStore.open(store));
    }

    /**
     * Opens a video as this stage reads it: in the format its content shows, with the reading options and the cell
     * diameter of the parameters.
     *
     * @param file the video file or folder
     * @param parameters this stage's parameters (the file parameter is not read)
     * @return the video; its {@link RecordingInfo#cellDiameterPx()} is {@link #CELL_DIAMETER} when that is set,
     *         else what the file records
     * @throws NeurosegException when the file cannot be read (the message names it)
     */
    public static Video open(Path file, Parameters parameters) throws NeurosegException {
        Video video = VideoFormats.open(file, readOptions(parameters));
        double cellDiameterPx = parameters.getDouble(CELL_DIAMETER);
        return cellDiameterPx > 0 ? Videos.withRecording(video, video.recording().withCellDiameterPx(cellDiameterPx))
                : video;
    }

    /**
     * @return the reading options the parameters describe: the raw layout (none when width and height are 0) and
     *         the dataset (none when empty)
     */
    public static ReadOptions readOptions(Parameters parameters) {
        ReadOptions options = ReadOptions.NONE;
        if (parameters.getInt(RAW_WIDTH) != 0 || parameters.getInt(RAW_HEIGHT) != 0) {
            PixelType type = PixelType.valueOf(parameters.getString(RAW_PIXEL_TYPE).toUpperCase(Locale.ROOT));
            ByteOrder order = parameters.getString(RAW_BYTE_ORDER).equals("big-endian") ? ByteOrder.BIG_ENDIAN
                    : ByteOrder.LITTLE_ENDIAN;
            options = ReadOptions.raw(parameters.getInt(RAW_WIDTH), parameters.getInt(RAW_HEIGHT), type)
                    .withByteOrder(order).withHeaderBytes(parameters.getInt(RAW_HEADER_BYTES));
        }
        String dataset = parameters.getString(DATASET);
        return dataset.isBlank() ? options : options.withFormatOption(Hdf5Reader.DATASET, dataset.strip());
    }

    private static String sourceMetadata(Path file) {
        com.google.gson.JsonObject metadata = new com.google.gson.JsonObject();
        metadata.addProperty("source", file.toAbsolutePath().toString());
        return metadata.toString();
    }
}
