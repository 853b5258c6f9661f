package org.neuroseg.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.OrderedDataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;

/**
 * A 3-D HDF5 dataset read as a video, axis order (T, Y, X): the dataset's first dimension is time, the second rows,
 * the third columns (the layout numpy and h5py give a movie of frames x height x width). Reads one frame at a time
 * as a slice of the dataset; of a chunked dataset only the chunks that hold the frame are decompressed (jhdf:
 * deflate, shuffle, LZF and others), and kept until a frame outside them is read. Chunks that were never written
 * read as 0 (HDF5's default fill value). Pixel types: uint8, uint16 and float32 are kept; int16 becomes float32, which
 * holds every int16 value exactly. Either byte order. Not thread-safe.
 */
public final class Hdf5Video implements Video {

    private final HdfFile hdf;
    private final DatasetBase dataset;
    private final String source;
    private final VideoShape shape;
    private final RecordingInfo recording;
    private final boolean int16;
    private final ByteOrder order;
    /** The chunks of a chunked dataset that hold frames of chunk row {@link #cachedRow}, by their y and x offsets. */
    private final Map<Long, byte[]> chunks = new HashMap<>();
    private int cachedRow = -1;
    private byte[] frame;

    private Hdf5Video(HdfFile hdf, DatasetBase dataset, String source, VideoShape shape, RecordingInfo recording,
            boolean int16, ByteOrder order) {
        this.hdf = hdf;
        this.dataset = dataset;
        this.source = source;
        this.shape = shape;
        this.recording = recording;
        this.int16 = int16;
        this.order = order;
    }

    /**
     * A video of {@code dataset}; it closes {@code hdf} when it is closed. On failure the caller closes {@code hdf}.
     *
     * @param file the file, for messages
     * @param hdf the open file that holds {@code dataset}
     * @param dataset a 3-D dataset, frames x height x width
     * @param recording what else is known of the recording
     * @throws NeurosegException when the dataset is not 3-D or its pixel type is not uint8, uint16, int16 or
     *         float32; the message names the file, the dataset and what was expected
     */
    static Hdf5Video of(Path file, HdfFile hdf, Dataset dataset, RecordingInfo recording) throws NeurosegException {
        int[] dims = dataset.getDimensions();
        if (dims.length != 3 || dims[1] < 1 || dims[2] < 1) {
            throw new NeurosegException(file + ": dataset " + Hdf5Files.describe(dataset) + " is not a movie:"
                    + " expected 3 dimensions, frames x height x width");
        }
        if (!(dataset instanceof DatasetBase base)) {
            throw new NeurosegException(file + ": dataset " + dataset.getPath() + " is stored in a way NeuroSeg"
                    + " cannot read frame by frame (" + dataset.getClass().getSimpleName() + ")");
        }
        PixelType type = pixelType(dataset.getDataType());
        if (type == null) {
            throw new NeurosegException(file + ": dataset " + Hdf5Files.describe(dataset) + " has a pixel type"
                    + " NeuroSeg does not read: expected uint8, uint16, int16 or float32");
        }
        ByteOrder order = ((OrderedDataType) dataset.getDataType()).getByteOrder();
        return new Hdf5Video(hdf, base, file + ":" + dataset.getPath(),
                new VideoShape(dims[0], dims[1], dims[2], type), recording,
                isInt16(dataset.getDataType()), order);
    }

    /** @return the pixel type frames are read in, or null when the dataset's type is not one NeuroSeg reads */
    private static PixelType pixelType(DataType type) {
        if (type instanceof FixedPoint fixed && fixed.getBitOffset() == 0) {
            if (!fixed.isSigned() && fixed.getSize() == 1) {
                return PixelType.UINT8;
            }
            if (!fixed.isSigned() && fixed.getSize() == 2) {
                return PixelType.UINT16;
            }
            return isInt16(type) ? PixelType.FLOAT32 : null;
        }
        return type instanceof FloatingPoint && type.getSize() == 4 ? PixelType.FLOAT32 : null;
    }

    private static boolean isInt16(DataType type) {
        return type instanceof FixedPoint fixed && fixed.isSigned() && fixed.getSize() == 2;
    }

    /** @return the dataset's element type for messages: "uint16", "int32", "float64", or its HDF5 class */
    static String typeName(Dataset dataset) {
        DataType type = dataset.getDataType();
        if (type instanceof FixedPoint fixed) {
            return (fixed.isSigned() ? "int" : "uint") + 8 * type.getSize();
        }
        if (type instanceof FloatingPoint) {
            return "float" + 8 * type.getSize();
        }
        return "HDF5 type class " + type.getDataClass();
    }

    @Override
    public VideoShape shape() {
        return shape;
    }

    @Override
    public RecordingInfo recording() {
        return recording;
    }

    /** @return the file and the dataset's path, "file.h5:/data/movie" */
    @Override
    public String source() {
        return source;
    }

    @Override
    public void readFrameBytes(int index, ByteBuffer target) throws NeurosegException {
        int frameBytes = shape.bytesPerFrame();
        shape.checkFrameBytes(target.remaining());
        ByteBuffer in = slice(index);
        ByteBuffer out = target.slice(target.position(), frameBytes).order(ByteOrder.LITTLE_ENDIAN);
        int pixels = shape.pixelsPerFrame();
        if (int16) {
            for (int i = 0; i < pixels; i++) {
                out.putFloat(4 * i, in.getShort(2 * i));
            }
        } else if (order == ByteOrder.LITTLE_ENDIAN || shape.pixelType() == PixelType.UINT8) {
            out.put(in.limit(frameBytes));
        } else {
            shape.pixelType().bigToLittleEndian(in, out, pixels);
        }
        target.position(target.position() + frameBytes);
    }

    @Override
    public void readFrame(int index, float[] target) throws NeurosegException {
        shape.checkFrameTarget(target.length);
        ByteBuffer in = slice(index);
        if (int16) {
            for (int i = 0; i < target.length; i++) {
                target[i] = in.getShort(2 * i);
            }
            return;
        }
        switch (shape.pixelType()) {
            case UINT8 -> {
                for (int i = 0; i < target.length; i++) {
                    target[i] = in.get(i) & 0xFF;
                }
            }
            case UINT16 -> {
                for (int i = 0; i < target.length; i++) {
                    target[i] = in.getShort(2 * i) & 0xFFFF;
                }
            }
            case FLOAT32 -> {
                for (int i = 0; i < target.length; i++) {
                    target[i] = in.getFloat(4 * i);
                }
            }
        }
    }

    /** @return frame {@code index} as the file stores it (its byte order), position 0 */
    private ByteBuffer slice(int index) throws NeurosegException {
        shape.checkFrame(index);
        try {
            if (dataset instanceof ChunkedDataset chunked) {
                return assemble(chunked, index);
            }
            ByteBuffer slice = dataset.getSliceDataBuffer(new long[] {index, 0, 0},
                    new int[] {1, shape.height(), shape.width()});
            return slice.position(0).order(order);
        } catch (RuntimeException e) {
            throw new NeurosegException("Cannot read frame " + index + " of " + source + " (truncated or corrupt"
                    + " HDF5 data?): " + e.getMessage(), e);
        }
    }

    /** @return frame {@code index} copied from the chunks that hold it, in the file's byte order */
    private ByteBuffer assemble(ChunkedDataset chunked, int index) throws NeurosegException {
        int[] size = chunked.getChunkDimensions();
        int element = dataset.getDataType().getSize();
        int height = shape.height();
        int width = shape.width();
        int row = index / size[0];
        if (row != cachedRow) {
            chunks.clear();
            cachedRow = row;
        }
        if (frame == null) {
            frame = new byte[height * width * element];
        }
        int within = index - row * size[0];
        for (int y0 = 0; y0 < height; y0 += size[1]) {
            for (int x0 = 0; x0 < width; x0 += size[2]) {
                byte[] chunk = chunks.get((long) y0 << 32 | x0);
                if (chunk == null) {
                    chunk = decompress(chunked, new int[] {row * size[0], y0, x0});
                    chunks.put((long) y0 << 32 | x0, chunk);
                }
                int rows = Math.min(size[1], height - y0);
                int columns = Math.min(size[2], width - x0);
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(chunk, ((within * size[1] + r) * size[2]) * element, frame,
                            ((y0 + r) * width + x0) * element, columns * element);
                }
            }
        }
        return ByteBuffer.wrap(frame).order(order);
    }

    /** @return the decompressed chunk at {@code offset} (elements), or zeros when it was never written */
    private byte[] decompress(ChunkedDataset chunked, int[] offset) throws NeurosegException {
        int[] size = chunked.getChunkDimensions();
        int bytes = size[0] * size[1] * size[2] * dataset.getDataType().getSize();
        byte[] chunk;
        try {
            chunk = chunked.getDecompressedChunk(offset);
        } catch (HdfException e) {
            if (!String.valueOf(e.getMessage()).startsWith("No chunk with offset")) {
                throw e;
            }
            Object fill = dataset.getFillValue();
            if (fill instanceof Number number && number.doubleValue() != 0) {
                throw new NeurosegException(source + ": the chunk at " + Arrays.toString(offset) + " was"
                        + " never written and its fill value " + fill + " is not 0, which NeuroSeg does not read");
            }
            return new byte[bytes];
        }
        if (chunk.length < bytes) {
            throw new NeurosegException(source + ": the chunk at " + Arrays.toString(offset) + " holds "
                    + chunk.length + " bytes, expected " + bytes + " (truncated or corrupt HDF5 data?)");
        }
        return chunk;
    }

    @Override
    public void close() {
        hdf.close();
    }

    @Override
    public String toString() {
        return "Hdf5Video[" + source + ", " + shape + "]";
    }
}
