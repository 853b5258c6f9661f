package org.neuroseg.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.neuroseg.video.PixelType;

/** Test fixtures: TIFF files written by the JDK's ImageIO or by hand, and an independent TIFF decoder. */
final class TiffFixtures {

    private TiffFixtures() {
    }

    /** @return a file of ../shared/data/real-formats, looked up from the working directory upwards */
    static Path realFile(String name) {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null;
                dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/real-formats").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "shared/data/real-formats/" + name + " is not available");
        return null;
    }

    /** @return random frames with values that fit {@code type} exactly */
    static float[][] randomFrames(int frames, int height, int width, PixelType type, long seed) {
        Random random = new Random(seed);
        float[][] result = new float[frames][height * width];
        for (float[] frame : result) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = switch (type) {
                    case UINT8 -> random.nextInt(256);
                    case UINT16 -> i % 7 == 0 ? 65535 : random.nextInt(1 << (1 + i % 16));
                    case FLOAT32 -> (float) (random.nextGaussian() * 1e3);
                };
            }
        }
        return result;
    }

    /** @return a gray image of {@code type} holding {@code pixels} */
    static BufferedImage image(float[] pixels, int height, int width, PixelType type) {
        BufferedImage image = switch (type) {
            case UINT8 -> new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            case UINT16 -> new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
            case FLOAT32 -> {
                ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY),
                        false, false, Transparency.OPAQUE, DataBuffer.TYPE_FLOAT);
                yield new BufferedImage(model, model.createCompatibleWritableRaster(width, height), false, null);
            }
        };
        image.getRaster().setPixels(0, 0, width, height, pixels);
        return image;
    }

    /**
     * Writes a multi-page TIFF with the JDK's own TIFF writer.
     *
     * @param compression an ImageIO compression type ("LZW", "Deflate", "ZLib", "PackBits") or null for none
     * @param tile tile width and height, or 0 for strips
     */
    static void writeWithImageIo(Path file, List<BufferedImage> pages, String compression, int tile, ByteOrder order)
            throws IOException {
        ImageWriter writer = jdkWriter();
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            out.setByteOrder(order);
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (compression != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression);
            }
            if (tile > 0) {
                param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
                param.setTiling(tile, tile, 0, 0);
            }
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    private static ImageWriter jdkWriter() {
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("tiff"); it.hasNext();) {
            ImageWriter writer = it.next();
            if (writer.getClass().getName().startsWith("com.sun.imageio")) {
                return writer;
            }
        }
        throw new IllegalStateException("the JDK's TIFF writer is missing");
    }

    /**
     * @return every page of {@code file} as floats, decoded by TwelveMonkeys' TIFF reader (as rasters: its images
     *         normalise float data)
     */
    static float[][] readWithTwelveMonkeys(Path file) throws IOException {
        ImageReader reader = null;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("tiff"); it.hasNext();) {
            ImageReader candidate = it.next();
            if (candidate.getClass().getName().startsWith("com.twelvemonkeys")) {
                reader = candidate;
            }
        }
        if (reader == null) {
            throw new IllegalStateException("TwelveMonkeys' TIFF reader is missing");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            int pages = reader.getNumImages(true);
            float[][] frames = new float[pages][];
            for (int i = 0; i < pages; i++) {
                Raster raster = reader.readRaster(i, null);
                frames[i] = raster.getPixels(0, 0, raster.getWidth(), raster.getHeight(), (float[]) null);
            }
            return frames;
        } finally {
            reader.dispose();
        }
    }

    /** One page for {@link #build}: one strip of {@code data}, of which {@code byteCount} bytes are declared. */
    record Page(int width, int height, int bits, int sampleFormat, int samples, int compression, int predictor,
            String description, byte[] data, long byteCount) {

        Page(int width, int height, int bits, int sampleFormat, byte[] data) {
            this(width, height, bits, sampleFormat, 1, 1, 1, null, data, data.length);
        }
    }

    /** @return a classic TIFF of {@code pages}, each written as its data, its description, then its directory */
    static byte[] build(ByteOrder order, List<Page> pages) {
        ByteBuffer out = ByteBuffer.allocate(1 << 22).order(order);
        out.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        out.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        out.putShort((short) 42).putInt(0);
        int pointer = 4;
        for (Page page : pages) {
            int dataAt = out.position();
            out.put(page.data());
            int descriptionAt = out.position();
            byte[] description = page.description() == null ? new byte[0] : (page.description() + "\0").getBytes();
            out.put(description);
            if (out.position() % 2 == 1) {
                out.put((byte) 0);
            }
            int ifdAt = out.position();
            out.putInt(pointer, ifdAt);
            List<int[]> entries = new ArrayList<>();
            entries.add(new int[] {256, 4, 1, page.width()});
            entries.add(new int[] {257, 4, 1, page.height()});
            entries.add(new int[] {258, 3, 1, page.bits()});
            entries.add(new int[] {259, 3, 1, page.compression()});
            entries.add(new int[] {262, 3, 1, page.samples() == 3 ? 2 : 1});
            if (description.length > 0) {
                entries.add(new int[] {270, 2, description.length, descriptionAt});
            }
            entries.add(new int[] {273, 4, 1, dataAt});
            entries.add(new int[] {277, 3, 1, page.samples()});
            entries.add(new int[] {278, 4, 1, page.height()});
            entries.add(new int[] {279, 4, 1, (int) page.byteCount()});
            if (page.predictor() != 1) {
                entries.add(new int[] {317, 3, 1, page.predictor()});
            }
            entries.add(new int[] {339, 3, 1, page.sampleFormat()});
            out.putShort((short) entries.size());
            for (int[] e : entries) {
                out.putShort((short) e[0]).putShort((short) e[1]).putInt(e[2]);
                if (e[1] == 3) {
                    out.putShort((short) e[3]).putShort((short) 0);
                } else {
                    out.putInt(e[3]);
                }
            }
            pointer = out.position();
            out.putInt(0);
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    /** @return {@code frame} as bytes of {@code type} in {@code order} */
    static byte[] bytes(float[] frame, PixelType type, ByteOrder order) {
        ByteBuffer le = ByteBuffer.allocate(frame.length * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        type.fromFloats(frame, le);
        ByteBuffer out = ByteBuffer.allocate(le.capacity()).order(order);
        for (int i = 0; i < frame.length; i++) {
            switch (type) {
                case UINT8 -> out.put(i, le.get(i));
                case UINT16 -> out.putShort(2 * i, le.getShort(2 * i));
                case FLOAT32 -> out.putInt(4 * i, le.getInt(4 * i));
            }
        }
        return out.array();
    }

    /** Applies the horizontal differencing predictor to {@code data} (rows of {@code width} pixels). */
    static byte[] differenceHorizontally(byte[] data, int width, PixelType type, ByteOrder order) {
        byte[] result = data.clone();
        ByteBuffer in = ByteBuffer.wrap(data).order(order);
        ByteBuffer out = ByteBuffer.wrap(result).order(order);
        int bytes = type.bytes();
        for (int i = 0; i < data.length / bytes; i++) {
            if (i % width == 0) {
                continue;
            }
            if (bytes == 1) {
                result[i] = (byte) (data[i] - data[i - 1]);
            } else {
                out.putShort(2 * i, (short) (in.getShort(2 * i) - in.getShort(2 * i - 2)));
            }
        }
        return result;
    }

    /** Applies the floating-point predictor to float {@code data} (rows of {@code width} pixels). */
    static byte[] differenceFloatingPoint(float[] frame, int width) {
        byte[] result = new byte[frame.length * 4];
        ByteBuffer big = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN);
        for (int row = 0; row < frame.length / width; row++) {
            int start = row * width * 4;
            for (int x = 0; x < width; x++) {
                big.putFloat(0, frame[row * width + x]);
                for (int k = 0; k < 4; k++) {
                    result[start + k * width + x] = big.get(k);
                }
            }
            for (int i = start + width * 4 - 1; i > start; i--) {
                result[i] -= result[i - 1];
            }
        }
        return result;
    }

    /** @return {@code data} compressed with zlib (TIFF compression 8) */
    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** @return all frames of {@code video} as floats */
    static float[][] readAll(org.neuroseg.video.Video video) throws org.neuroseg.NeurosegException {
        float[][] frames = new float[video.shape().frames()][video.shape().pixelsPerFrame()];
        for (int t = 0; t < frames.length; t++) {
            video.readFrame(t, frames[t]);
        }
        return frames;
    }
}
