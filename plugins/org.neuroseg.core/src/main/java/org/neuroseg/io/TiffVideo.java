package org.neuroseg.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A multi-page TIFF (classic or BigTIFF, either byte order) read as a video, axis order (T, Y, X): page t is frame
 * t. Reads 8- and 16-bit unsigned and 32-bit float grayscale pages, uncompressed or compressed with LZW, Deflate
 * or PackBits (with horizontal or floating-point predictor), in strips or tiles. ImageJ stacks whose description
 * says {@code images=N} while the file has fewer directories (ImageJ files over 4 GB) are read as N consecutive
 * frames. All directories are read and validated when the file is opened. Not thread-safe.
 */
public final class TiffVideo implements Video {

    private static final Logger LOG = LoggerFactory.getLogger(TiffVideo.class);
    private static final Pattern IMAGES = Pattern.compile("(?m)^images=(\\d+)\\s*$");
    private static final Pattern FINTERVAL = Pattern.compile("(?m)^finterval=([0-9.eE+-]+)\\s*$");

    private final Path file;
    private final FileChannel channel;
    private final TiffParser parser;
    private final VideoShape shape;
    private final double frameRateHz;
    private final String description;
    private final long[] ifdOffsets;
    private final long[] contiguousStarts;
    private final TiffDecoder decoder;
    private byte[] frameBytes;
    private ByteBuffer fileOrderFrame;
    private int cachedPage = -1;
    private TiffPage cachedLayout;

    private TiffVideo(Path file, FileChannel channel, TiffParser parser, VideoShape shape, double frameRateHz,
            String description, long[] ifdOffsets, long[] contiguousStarts) {
        this.file = file;
        this.channel = channel;
        this.parser = parser;
        this.shape = shape;
        this.frameRateHz = frameRateHz;
        this.description = description;
        this.ifdOffsets = ifdOffsets;
        this.contiguousStarts = contiguousStarts;
        this.decoder = new TiffDecoder(file, channel, parser.order());
    }

    /**
     * Opens a TIFF file and validates all its pages.
     *
     * @param file a TIFF or BigTIFF file
     * @return the video; close it when done
     * @throws NeurosegException when the file is missing, not a TIFF, truncated, has a corrupt directory, pages of
     *         different sizes or types, or an unsupported pixel type or compression; the message names the file and
     *         the page
     */
    public static TiffVideo open(Path file) throws NeurosegException {
        return ReadChannels.open(file, TiffVideo::open);
    }

    private static TiffVideo open(Path file, FileChannel channel) throws NeurosegException, IOException {
        TiffParser parser = TiffParser.open(file, channel);
        long[] ifds = new long[16];
        long[] starts = new long[16];
        Set<Long> seen = new HashSet<>();
        TiffPage first = null;
        int pages = 0;
        for (long offset = parser.firstIfd(); offset != 0; pages++) {
            if (!seen.add(offset)) {
                throw new NeurosegException(file + " has a corrupt directory: page " + pages
                        + " points back to an earlier directory at byte " + offset + " (a loop)");
            }
            TiffPage page = parser.parse(pages, offset);
            if (first == null) {
                first = page;
            } else if (page.width() != first.width() || page.height() != first.height()
                    || page.pixelType() != first.pixelType()) {
                throw new NeurosegException(file + ": page " + pages + " is " + page.sizeText() + " but page 0 is "
                        + first.sizeText() + "; all pages of a video must have the same size and type");
            }
            if (pages == ifds.length) {
                ifds = Arrays.copyOf(ifds, 2 * pages);
                starts = Arrays.copyOf(starts, 2 * pages);
            }
            ifds[pages] = offset;
            starts[pages] = page.contiguousStart();
            offset = page.nextIfd();
        }
        if (first == null) {
            throw new NeurosegException(file + " has a corrupt directory: it holds no pages");
        }
        VideoShape frame = new VideoShape(1, first.height(), first.width(), first.pixelType());
        int frames = pages;
        int declared = declaredImages(first.description());
        if (declared > pages && starts[0] >= 0) {
            long available = (parser.fileSize() - starts[0]) / frame.bytesPerFrame();
            frames = (int) Math.max(pages, Math.min(declared, available));
            if (frames < declared) {
                LOG.warn("{} declares {} images but holds only {}; reading {} frames", file, declared, available,
                        frames);
            }
            starts = Arrays.copyOf(starts, frames);
            for (int t = pages; t < frames; t++) {
                starts[t] = starts[0] + (long) t * frame.bytesPerFrame();
            }
        }
        return new TiffVideo(file, channel, parser, frame.withFrames(frames), frameRate(first.description()),
                first.description(), Arrays.copyOf(ifds, pages), Arrays.copyOf(starts, frames));
    }

    /** @return true when {@code head} starts with a TIFF or BigTIFF signature ("II*\0", "MM\0*", 43 for BigTIFF) */
    static boolean isTiff(byte[] head) {
        if (head.length < 4) {
            return false;
        }
        boolean little = head[0] == 'I' && head[1] == 'I' && head[3] == 0 && (head[2] == 42 || head[2] == 43);
        boolean big = head[0] == 'M' && head[1] == 'M' && head[2] == 0 && (head[3] == 42 || head[3] == 43);
        return little || big;
    }

    private static int declaredImages(String description) {
        Matcher m = IMAGES.matcher(description);
        if (!description.startsWith("ImageJ=") || !m.find()) {
            return 0;
        }
        try {
            return Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double frameRate(String description) {
        Matcher m = FINTERVAL.matcher(description);
        if (!m.find()) {
            return 0;
        }
        try {
            double interval = Double.parseDouble(m.group(1));
            return interval > 0 && Double.isFinite(interval) ? 1 / interval : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public VideoShape shape() {
        return shape;
    }

    /** @return the frame rate, 1 / finterval from the ImageJ description (0 when the file does not say) */
    @Override
    public RecordingInfo recording() {
        return RecordingInfo.ofFrameRate(frameRateHz);
    }

    /** @return the file this video reads */
    public Path file() {
        return file;
    }

    @Override
    public String source() {
        return file.toString();
    }

    /** @return the ImageDescription of the first page, or "" when absent */
    public String description() {
        return description;
    }

    @Override
    public void readFrameBytes(int index, ByteBuffer target) throws NeurosegException {
        shape.checkFrame(index);
        int frameBytes = shape.bytesPerFrame();
        shape.checkFrameBytes(target.remaining());
        ByteBuffer out = target.slice(target.position(), frameBytes);
        if (contiguousStarts[index] >= 0) {
            readStored(index, out);
            if (parser.order() != ByteOrder.LITTLE_ENDIAN && shape.pixelType() != PixelType.UINT8) {
                shape.pixelType().bigToLittleEndian(out, out, shape.pixelsPerFrame());
            }
        } else {
            ByteBuffer decoded = decodePage(index);
            if (parser.order() == ByteOrder.LITTLE_ENDIAN) {
                out.put(decoded.duplicate());
            } else {
                shape.pixelType().bigToLittleEndian(decoded, out, shape.pixelsPerFrame());
            }
        }
        target.position(target.position() + frameBytes);
    }

    @Override
    public void readFrame(int index, float[] target) throws NeurosegException {
        shape.checkFrame(index);
        shape.checkFrameTarget(target.length);
        ByteBuffer pixels;
        if (contiguousStarts[index] >= 0) {
            pixels = fileOrderFrame();
            readStored(index, pixels.clear());
            pixels.clear();
        } else {
            pixels = decodePage(index);
        }
        shape.pixelType().toFloats(pixels, target);
    }

    private void readStored(int index, ByteBuffer out) throws NeurosegException {
        long start = contiguousStarts[index];
        try {
            TiffParser.readFully(channel, out, start);
        } catch (IOException e) {
            throw new NeurosegException("Cannot read frame " + index + " of " + file + ": " + e.getMessage(), e);
        }
        if (out.hasRemaining()) {
            throw new NeurosegException(file + " is truncated: frame " + index + " ends before byte "
                    + (start + shape.bytesPerFrame()));
        }
        out.flip();
    }

    /** @return frame {@code index} decoded, in the file's byte order, position 0 */
    private ByteBuffer decodePage(int index) throws NeurosegException {
        if (cachedPage != index) {
            try {
                cachedLayout = parser.parse(index, ifdOffsets[index]);
            } catch (IOException e) {
                throw new NeurosegException("Cannot read page " + index + " of " + file + ": " + e.getMessage(), e);
            }
            cachedPage = index;
        }
        fileOrderFrame();
        decoder.decode(index, cachedLayout, frameBytes);
        return fileOrderFrame.clear();
    }

    private ByteBuffer fileOrderFrame() {
        if (fileOrderFrame == null) {
            frameBytes = new byte[shape.bytesPerFrame()];
            fileOrderFrame = ByteBuffer.wrap(frameBytes).order(parser.order());
        }
        return fileOrderFrame;
    }

    @Override
    public void close() throws IOException {
        decoder.close();
        channel.close();
    }


    @Override
    public String toString() {
        return "TiffVideo[" + file + ", " + shape + "]";
    }
}
