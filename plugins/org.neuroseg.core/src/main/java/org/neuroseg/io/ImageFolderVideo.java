package org.neuroseg.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;

/**
 * A folder of single-page TIFF files (*.tif, *.tiff) read as a video, axis order (T, Y, X): the files in natural
 * order ("image2" before "image10", as in the Neurofinder layout images/image00000.tiff ...) are the frames. The
 * first file sets the frame size and type; every other file is checked when its frame is read. Not thread-safe.
 */
public final class ImageFolderVideo implements Video {

    /**
     * Orders names as people do: runs of digits compare by value, other text case-insensitively, so "image2"
     * comes before "image10".
     */
    public static final Comparator<String> NATURAL_ORDER = ImageFolderVideo::compareNatural;

    private final Path folder;
    private final List<Path> files;
    private final VideoShape shape;

    private ImageFolderVideo(Path folder, List<Path> files, VideoShape shape) {
        this.folder = folder;
        this.files = files;
        this.shape = shape;
    }

    /**
     * Opens a folder of single-page TIFFs, reading the first to learn the frame size and type.
     *
     * @param folder a folder holding *.tif or *.tiff files (other files are ignored)
     * @throws NeurosegException when the folder is missing or holds no TIFF files, or the first file cannot be
     *         read as a single-page TIFF; the message names the folder or file
     */
    public static ImageFolderVideo open(Path folder) throws NeurosegException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(folder)) {
            listing.filter(ImageFolderVideo::isTiffName).filter(Files::isRegularFile).forEach(files::add);
        } catch (NoSuchFileException e) {
            throw new NeurosegException("Folder not found: " + folder, e);
        } catch (IOException e) {
            throw new NeurosegException("Cannot list folder " + folder + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new NeurosegException("Folder " + folder + " holds no TIFF images (*.tif, *.tiff)");
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString(), NATURAL_ORDER));
        VideoShape first;
        try (TiffVideo image = openImage(files.get(0))) {
            first = image.shape();
        } catch (IOException e) {
            throw new NeurosegException("Cannot close " + files.get(0) + ": " + e.getMessage(), e);
        }
        return new ImageFolderVideo(folder, List.copyOf(files), first.withFrames(files.size()));
    }

    private static boolean isTiffName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".tif") || name.endsWith(".tiff")) && !name.startsWith(".");
    }

    private static TiffVideo openImage(Path file) throws NeurosegException {
        TiffVideo image = TiffVideo.open(file);
        if (image.shape().frames() != 1) {
            closeQuietly(image);
            throw new NeurosegException(file + " has " + image.shape().frames() + " pages; each file of an image"
                    + " folder must hold one frame");
        }
        return image;
    }

    /** @return the folder */
    public Path folder() {
        return folder;
    }

    @Override
    public String source() {
        return folder.toString();
    }

    /** @return the frame files in frame order */
    public List<Path> files() {
        return files;
    }

    @Override
    public VideoShape shape() {
        return shape;
    }

    /** @return nothing known: a folder of images does not record its frame rate or pixel size */
    @Override
    public RecordingInfo recording() {
        return RecordingInfo.UNKNOWN;
    }

    /** @throws NeurosegException also when the file of this frame differs in size or type from the first */
    @Override
    public void readFrameBytes(int index, ByteBuffer target) throws NeurosegException {
        try (TiffVideo image = frame(index)) {
            image.readFrameBytes(0, target);
        } catch (IOException e) {
            throw new NeurosegException("Cannot close " + files.get(index) + ": " + e.getMessage(), e);
        }
    }

    /** @throws NeurosegException also when the file of this frame differs in size or type from the first */
    @Override
    public void readFrame(int index, float[] target) throws NeurosegException {
        try (TiffVideo image = frame(index)) {
            image.readFrame(0, target);
        } catch (IOException e) {
            throw new NeurosegException("Cannot close " + files.get(index) + ": " + e.getMessage(), e);
        }
    }

    private TiffVideo frame(int index) throws NeurosegException {
        shape.checkFrame(index);
        TiffVideo image = openImage(files.get(index));
        VideoShape found = image.shape();
        if (found.height() != shape.height() || found.width() != shape.width()
                || found.pixelType() != shape.pixelType()) {
            closeQuietly(image);
            throw new NeurosegException(files.get(index) + " is " + found.withFrames(1) + " but " + files.get(0)
                    + " is " + shape.withFrames(1) + "; all images of a folder must have the same size and type");
        }
        return image;
    }

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                String da = stripZeros(a.substring(i, endA));
                String db = stripZeros(b.substring(j, endB));
                int byValue = da.length() != db.length() ? Integer.compare(da.length(), db.length()) : da.compareTo(db);
                if (byValue != 0) {
                    return byValue;
                }
                i = endA;
                j = endB;
            } else {
                int byChar = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (byChar != 0) {
                    return byChar;
                }
                i++;
                j++;
            }
        }
        int byRest = Integer.compare(a.length() - i, b.length() - j);
        return byRest != 0 ? byRest : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }

    private static void closeQuietly(TiffVideo image) {
        try {
            image.close();
        } catch (IOException ignored) {
            // the original error matters more
        }
    }

    @Override
    public String toString() {
        return "ImageFolderVideo[" + folder + ", " + shape + "]";
    }
}
