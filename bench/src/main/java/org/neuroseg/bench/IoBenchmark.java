package org.neuroseg.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.neuroseg.io.TiffVideo;
import org.neuroseg.io.TiffWriter;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.Videos;

/**
 * Reading throughput: converting a multi-page uint16 TIFF to a video store against a plain sequential copy of the
 * same file (read into a buffer, write out) in the same run, and frame access rates of the store.
 */
final class IoBenchmark {

    private static final int COPY_BUFFER_BYTES = 1 << 20;

    private IoBenchmark() {
    }

    /** Runs the benchmark on a frames x side x side video in {@code dir}; returns Markdown table rows. */
    static List<String> run(Path dir, int frames, int side, int repeats) throws Exception {
        Path tiff = dir.resolve("bench-input.tif");
        writeTiff(tiff, frames, side);
        double megabytes = Files.size(tiff) / 1e6;
        double[] copySeconds = new double[repeats];
        double[] convertSeconds = new double[repeats];
        Path copy = dir.resolve("bench-copy.bin");
        Path store = dir.resolve("bench-store.nsv");
        for (int r = 0; r < repeats; r++) {
            // Alternate the order and delete each output at once, so neither pays for the other's dirty pages.
            if (r % 2 == 0) {
                copySeconds[r] = timeCopy(tiff, copy);
                convertSeconds[r] = timeConversion(tiff, store);
            } else {
                convertSeconds[r] = timeConversion(tiff, store);
                copySeconds[r] = timeCopy(tiff, copy);
            }
        }
        try (TiffVideo video = TiffVideo.open(tiff)) {
            Videos.toStore(video, store, null, ProgressMonitor.NONE);
        }
        List<String> rows = new ArrayList<>();
        String size = frames + " x " + side + " x " + side + " uint16 (" + Math.round(megabytes) + " MB)";
        double copyBest = megabytes / min(copySeconds);
        double convertBest = megabytes / min(convertSeconds);
        double copyMedian = megabytes / median(copySeconds);
        double convertMedian = megabytes / median(convertSeconds);
        rows.add(row("plain sequential copy of the TIFF (1 MB buffer), fastest run", size, copyBest, "MB/s", 1.0));
        rows.add(row("TIFF to video store (`Videos.toStore(TiffVideo)`), fastest run", size, convertBest, "MB/s",
                convertBest / copyBest));
        rows.add(row("plain sequential copy, median run", size, copyMedian, "MB/s", 1.0));
        rows.add(row("TIFF to video store, median run", size, convertMedian, "MB/s", convertMedian / copyMedian));
        try (FileVideo video = VideoStore.open(store)) {
            rows.addAll(frameAccess(video, size));
        }
        Files.deleteIfExists(store);
        Files.deleteIfExists(tiff);
        return rows;
    }

    private static double timeCopy(Path tiff, Path copy) throws IOException {
        long start = System.nanoTime();
        plainCopy(tiff, copy);
        flushToDisk(copy);
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.delete(copy);
        return seconds;
    }

    private static double timeConversion(Path tiff, Path store) throws Exception {
        long start = System.nanoTime();
        try (TiffVideo video = TiffVideo.open(tiff)) {
            Videos.toStore(video, store, null, ProgressMonitor.NONE);
        }
        flushToDisk(store);
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.delete(store);
        return seconds;
    }

    private static List<String> frameAccess(FileVideo video, String size) throws Exception {
        int frames = video.shape().frames();
        float[] frame = new float[video.shape().pixelsPerFrame()];
        long start = System.nanoTime();
        for (int t = 0; t < frames; t++) {
            video.readFrame(t, frame);
        }
        double sequential = frames / ((System.nanoTime() - start) / 1e9);
        int[] order = new SplittableRandom(42).ints(frames, 0, frames).toArray();
        start = System.nanoTime();
        for (int t : order) {
            video.readFrame(t, frame);
        }
        double random = frames / ((System.nanoTime() - start) / 1e9);
        return List.of(row("store frame access, sequential, as float[]", size, sequential, "frames/s", Double.NaN),
                row("store frame access, random order, as float[]", size, random, "frames/s", Double.NaN));
    }

    private static void writeTiff(Path file, int frames, int side) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        float[] pixels = new float[side * side];
        try (TiffWriter writer = TiffWriter.create(file, side, side, PixelType.UINT16, 10)) {
            for (int t = 0; t < frames; t++) {
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = 1000 + random.nextInt(4000);
                }
                writer.append(pixels);
            }
            writer.commit();
        }
    }

    private static void plainCopy(Path from, Path to) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(COPY_BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (in.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                buffer.clear();
            }
        }
    }

    /** Both outputs count as written once on disk, so the page cache's write-back cannot favour either. */
    private static void flushToDisk(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String row(String what, String size, double rate, String unit, double ratio) {
        return String.format("| %s | %s | %.0f %s | %s |", what, size, rate, unit,
                Double.isNaN(ratio) ? "" : String.format("%.2f", ratio));
    }
}
