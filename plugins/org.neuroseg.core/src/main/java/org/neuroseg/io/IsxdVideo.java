package org.neuroseg.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Inscopix movie ({@code .isxd}, the format of Inscopix's nVista/nVoke software and its isx API), axis order
 * (T, Y, X), read frame by frame by positional reads.
 *
 * <p>Layout (learned from Inscopix's public isxcore sources): the recorded frames come first, row-major,
 * little-endian, one after the other; the file ends with a JSON header, one zero byte and the header's length in
 * bytes as an unsigned 64-bit little-endian number. The header gives the pixel type ({@code dataType}: 0 uint16,
 * 1 float32, 2 uint8), the frame size ({@code spacingInfo.numPixels}), the pixel size in µm
 * ({@code spacingInfo.pixelSize}, a fraction), the number of frames and the frame period in seconds
 * ({@code timingInfo.numTimes}, {@code timingInfo.period}), and the frames the recording lost: {@code dropped},
 * {@code blank} (frame indices) and {@code cropped} (ranges "first-last"), which are not stored. With
 * {@code hasFrameHeaderFooter} every stored frame carries two rows of camera header before its pixels and two rows
 * of footer after them; with {@code hasFrameTimeStamps} an 8-byte time stamp follows each frame.
 *
 * <p>Frames the recording lost read as zeros, as in Inscopix's own software, so that frame t stays at time
 * t x period; opening a movie with lost frames logs a warning that counts them. Not thread-safe.
 */
public final class IsxdVideo implements Video {

    private static final Logger LOGGER = LoggerFactory.getLogger(IsxdVideo.class);
    /** The data set type of movies in the header. */
    private static final int MOVIE_TYPE = 0;
    private static final int HEADER_ROWS = 2;
    private static final int FOOTER_ROWS = 2;
    private static final int TIME_STAMP_BYTES = 8;
    /** The JSON header's terminating zero byte and its 8-byte length. */
    private static final int TRAILER_BYTES = 9;
    /** A header longer than this is not an Inscopix header (real ones are 1 to 10 kB). */
    private static final long MAX_HEADER_BYTES = 64L << 20;

    private final Path file;
    private final FileChannel channel;
    private final VideoShape shape;
    private final RecordingInfo recording;
    /** The position of each frame's pixels in the file, or -1 for frames the recording lost. */
    private final long[] pixelOffsets;
    private ByteBuffer frameBuffer;

    private IsxdVideo(Path file, FileChannel channel, VideoShape shape, RecordingInfo recording,
            long[] pixelOffsets) {
        this.file = file;
        this.channel = channel;
        this.shape = shape;
        this.recording = recording;
        this.pixelOffsets = pixelOffsets;
    }

    /**
     * Opens an Inscopix movie and checks that its size matches its header.
     *
     * @param file an {@code .isxd} movie
     * @return the video; close it when done
     * @throws NeurosegException when the file is missing, does not end with an Inscopix header, holds something
     *         other than a movie, has a pixel type other than uint8, uint16 or float32, or is shorter or longer
     *         than its header says; the message names the file and the problem
     */
    public static IsxdVideo open(Path file) throws NeurosegException {
        return ReadChannels.open(file, IsxdVideo::open);
    }

    /**
     * Says whether {@code file} ends as an Inscopix file does: a length in its last 8 bytes that points back past a
     * zero byte to a JSON object ("{" ... "}"). Reads two small pieces of the file; never throws.
     */
    static boolean hasHeaderAtEnd(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return headerLength(channel) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the length of the JSON header at the end of the file, or -1 when the file does not end with one */
    private static long headerLength(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < TRAILER_BYTES + 2) {
            return -1;
        }
        ByteBuffer tail = read(channel, size - TRAILER_BYTES - 1, TRAILER_BYTES + 1);
        long length = tail.getLong(2);
        if (tail.get(0) != '}' || tail.get(1) != 0 || length < 2
                || length > Math.min(MAX_HEADER_BYTES, size - TRAILER_BYTES)) {
            return -1;
        }
        return read(channel, size - TRAILER_BYTES - length, 1).get(0) == '{' ? length : -1;
    }

    private static IsxdVideo open(Path file, FileChannel channel) throws NeurosegException, IOException {
        long size = channel.size();
        long headerLength = headerLength(channel);
        if (headerLength < 0) {
            throw new NeurosegException(file + " is not a complete Inscopix .isxd file: it does not end with the"
                    + " JSON header and the header's size that Inscopix writes last (" + size + " bytes; a recording"
                    + " that was cut off before it was closed?)");
        }
        long dataBytes = size - TRAILER_BYTES - headerLength;
        ByteBuffer headerBytes = read(channel, dataBytes, (int) headerLength);
        JsonObject header;
        try {
            header = JsonParser.parseString(StandardCharsets.UTF_8.decode(headerBytes).toString()).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new NeurosegException(file + " has a corrupt Inscopix header (the JSON at byte " + dataBytes
                    + " does not parse: " + e.getMessage() + ")", e);
        }
        Header h = Header.parse(file, header);
        int frameBytes = h.shape.bytesPerFrame();
        long rowBytes = (long) h.shape.width() * h.shape.pixelType().bytes();
        long stride = frameBytes + (h.headerFooterRows ? (HEADER_ROWS + FOOTER_ROWS) * rowBytes : 0)
                + (h.timeStamps ? TIME_STAMP_BYTES : 0);
        long skip = h.headerFooterRows ? HEADER_ROWS * rowBytes : 0;
        int stored = h.shape.frames() - h.lost.cardinality();
        long expected = stored * stride;
        if (dataBytes != expected) {
            String what = h.shape.frames() + " frames of " + h.shape.height() + " x " + h.shape.width() + " "
                    + h.shape.pixelType().name().toLowerCase() + (stored == h.shape.frames() ? ""
                    : ", " + stored + " of them stored") + ": " + expected + " bytes before the header";
            throw new NeurosegException(file + (dataBytes < expected ? " is truncated" : " is not as its header"
                    + " says") + ": the header describes " + what + ", the file holds " + dataBytes);
        }
        long[] offsets = new long[h.shape.frames()];
        long recorded = 0;
        for (int t = 0; t < offsets.length; t++) {
            offsets[t] = h.lost.get(t) ? -1 : recorded++ * stride + skip;
        }
        if (stored < h.shape.frames()) {
            LOGGER.warn("{}: {} of {} frames were dropped, cropped or blank in the recording; they read as zeros",
                    file, h.shape.frames() - stored, h.shape.frames());
        }
        return new IsxdVideo(file, channel, h.shape, h.recording, offsets);
    }

    @Override
    public VideoShape shape() {
        return shape;
    }

    /** @return the frame rate (1 / period) and the pixel size in µm from the header */
    @Override
    public RecordingInfo recording() {
        return recording;
    }

    @Override
    public String source() {
        return file.toString();
    }

    @Override
    public void readFrameBytes(int index, ByteBuffer target) throws NeurosegException {
        shape.checkFrame(index);
        int frameBytes = shape.bytesPerFrame();
        shape.checkFrameBytes(target.remaining());
        ByteBuffer out = target.slice(target.position(), frameBytes);
        if (pixelOffsets[index] < 0) {
            out.put(ByteBuffer.allocate(frameBytes));
        } else {
            readStored(index, out);
        }
        target.position(target.position() + frameBytes);
    }

    @Override
    public void readFrame(int index, float[] target) throws NeurosegException {
        shape.checkFrame(index);
        shape.checkFrameTarget(target.length);
        if (pixelOffsets[index] < 0) {
            Arrays.fill(target, 0);
            return;
        }
        if (frameBuffer == null) {
            frameBuffer = ByteBuffer.allocate(shape.bytesPerFrame()).order(ByteOrder.LITTLE_ENDIAN);
        }
        readStored(index, frameBuffer.clear());
        shape.pixelType().toFloats(frameBuffer.clear(), target);
    }

    private void readStored(int index, ByteBuffer out) throws NeurosegException {
        long start = pixelOffsets[index];
        try {
            TiffParser.readFully(channel, out, start);
        } catch (IOException e) {
            throw new NeurosegException("Cannot read frame " + index + " of " + file + ": " + e.getMessage(), e);
        }
        if (out.hasRemaining()) {
            throw new NeurosegException(file + " is truncated: frame " + index + " ends after byte "
                    + (start + shape.bytesPerFrame()) + ", past the end of the file");
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "IsxdVideo[" + file + ", " + shape + "]";
    }

    private static ByteBuffer read(FileChannel channel, long position, int bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        TiffParser.readFully(channel, buffer, position);
        return buffer.flip();
    }


    /** What the JSON header says about the movie. */
    private record Header(VideoShape shape, RecordingInfo recording, BitSet lost, boolean headerFooterRows,
            boolean timeStamps) {

        static Header parse(Path file, JsonObject json) throws NeurosegException {
            try {
                int type = json.get("type").getAsInt();
                if (type != MOVIE_TYPE) {
                    throw new NeurosegException(file + " is an Inscopix file of data set type " + type
                            + ", not a movie (type " + MOVIE_TYPE + "): cell sets and event sets hold no frames");
                }
                int dataType = json.get("dataType").getAsInt();
                PixelType pixelType = switch (dataType) {
                    case 0 -> PixelType.UINT16;
                    case 1 -> PixelType.FLOAT32;
                    case 2 -> PixelType.UINT8;
                    default -> throw new NeurosegException(file + " has Inscopix pixel type " + dataType
                            + ", which NeuroSeg does not read: expected 0 (uint16), 1 (float32) or 2 (uint8)");
                };
                JsonObject spacing = json.getAsJsonObject("spacingInfo");
                JsonObject pixels = spacing.getAsJsonObject("numPixels");
                JsonObject timing = json.getAsJsonObject("timingInfo");
                int frames = timing.get("numTimes").getAsInt();
                int width = pixels.get("x").getAsInt();
                int height = pixels.get("y").getAsInt();
                if (frames < 1 || width < 1 || height < 1) {
                    throw new NeurosegException(file + " has a corrupt Inscopix header: " + frames + " frames of "
                            + height + " x " + width + " pixels (expected at least 1 of each)");
                }
                double period = ratio(timing.getAsJsonObject("period"));
                double micronsPerPixel = spacing.has("pixelSize")
                        ? ratio(spacing.getAsJsonObject("pixelSize").getAsJsonObject("x")) : 0;
                RecordingInfo recording = new RecordingInfo(period > 0 ? 1 / period : 0,
                        Math.max(micronsPerPixel, 0), 0);
                int version = json.has("fileVersion") ? json.get("fileVersion").getAsInt() : 0;
                return new Header(new VideoShape(frames, height, width, pixelType), recording,
                        lostFrames(file, timing, frames), version > 0 && flag(json, "hasFrameHeaderFooter"),
                        version > 0 && flag(json, "hasFrameTimeStamps"));
            } catch (NullPointerException | ClassCastException | IllegalStateException
                    | NumberFormatException | UnsupportedOperationException e) {
                throw new NeurosegException(file + " has a corrupt Inscopix header: expected the fields type,"
                        + " dataType, spacingInfo.numPixels.x/y and timingInfo.numTimes/period (" + e + ")", e);
            }
        }

        private static boolean flag(JsonObject json, String key) {
            return json.has(key) && !json.get(key).isJsonNull() && json.get(key).getAsBoolean();
        }

        private static double ratio(JsonObject fraction) {
            double denominator = fraction.get("den").getAsDouble();
            double value = fraction.get("num").getAsDouble() / denominator;
            return denominator != 0 && Double.isFinite(value) ? value : 0;
        }

        /** @return the frames that are not stored: dropped, blank and cropped */
        private static BitSet lostFrames(Path file, JsonObject timing, int frames) throws NeurosegException {
            BitSet lost = new BitSet(frames);
            for (String key : new String[] {"dropped", "blank"}) {
                for (JsonElement index : array(timing, key)) {
                    mark(file, lost, key, index.getAsLong(), index.getAsLong(), frames);
                }
            }
            for (JsonElement range : array(timing, "cropped")) {
                String text = range.getAsString().trim();
                int dash = text.indexOf('-', 1);
                long first = Long.parseLong(dash < 0 ? text : text.substring(0, dash).trim());
                long last = dash < 0 ? first : Long.parseLong(text.substring(dash + 1).trim());
                mark(file, lost, "cropped", first, last, frames);
            }
            return lost;
        }

        private static JsonArray array(JsonObject timing, String key) {
            JsonElement value = timing.get(key);
            return value == null || value.isJsonNull() ? new JsonArray() : value.getAsJsonArray();
        }

        private static void mark(Path file, BitSet lost, String key, long first, long last, int frames)
                throws NeurosegException {
            if (first < 0 || last < first || last >= frames) {
                throw new NeurosegException(file + " has a corrupt Inscopix header: timingInfo." + key
                        + " names frames " + first + " to " + last + ", outside the movie's " + frames + " frames");
            }
            lost.set((int) first, (int) last + 1);
        }
    }
}
