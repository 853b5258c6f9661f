package org.neuroseg.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neuroseg.NeurosegException;
import org.neuroseg.metrics.ShiftErrors;
import org.neuroseg.preprocess.LocalEqualizationStage;
import org.neuroseg.preprocess.MotionCorrectionStage;
import org.neuroseg.stage.MotionShifts;
import org.neuroseg.stage.Parameters;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.synthetic.SyntheticParams;
import org.neuroseg.synthetic.SyntheticResult;
import org.neuroseg.synthetic.SyntheticVideoGenerator;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.Videos;

/**
 * Local equalization and motion correction on synthetic videos of the paper's size: frames/s against a plain pass
 * that reads every frame of the same store in the same run, accuracy of the shifts against the generator's truth,
 * correlation of the corrected mean image with the motion-free one, and peak memory of short and long runs in
 * separate JVMs with a small heap.
 */
final class PreprocessBenchmark {

    /** Heap of the memory probes. */
    static final String PROBE_HEAP = "-Xmx128m";

    private PreprocessBenchmark() {
    }

    /** @return the table rows */
    static List<String> run(Path work, int frames, int side) throws Exception {
        List<String> rows = new ArrayList<>();
        SyntheticParams epi = sized(SyntheticParams.epifluorescence(), frames, side);
        SyntheticResult moving = SyntheticVideoGenerator.generate(epi, work.resolve("epi"), ProgressMonitor.NONE);
        try (FileVideo video = VideoStore.open(moving.videoFile())) {
            String size = size(video.shape());
            double plain = plainPass(video);
            rows.add(rowWithoutAccuracy("plain pass over the store (every frame read as float[])", size, plain, 1));
            Parameters equalization = LocalEqualizationStage.INSTANCE.defaults();
            double rate = timed(frames, () -> LocalEqualizationStage.equalize(video,
                    equalization.with("depth", "16-bit"), work.resolve("eq16.nsv"), 2,
                    StageContext.inDirectory(work, ProgressMonitor.NONE)));
            Files.deleteIfExists(work.resolve("eq16.nsv"));
            rows.add(rowWithoutAccuracy("local equalization: 16-bit CLAHE (clip 2, 8 x 8 tiles) + blur (sigma 1 px)",
                    size, rate, rate / plain));
            // The default depth (8-bit); its output is the input of the motion correction of the equalized video.
            double eightBit = timed(frames, () -> LocalEqualizationStage.equalize(video,
                    equalization.with("depth", "8-bit"), work.resolve("eq.nsv"), 2,
                    StageContext.inDirectory(work, ProgressMonitor.NONE)));
            rows.add(rowWithoutAccuracy("local equalization at 8-bit depth (default; video range mapped onto 256 "
                    + "levels) + blur (sigma 1 px)", size, eightBit, eightBit / plain));
            double withBackground = timed(frames, () -> LocalEqualizationStage.equalize(video,
                    equalization.with("subtractBackground", true), work.resolve("eqbg.nsv"), 2,
                    StageContext.inDirectory(work, ProgressMonitor.NONE)));
            rows.add(rowWithoutAccuracy("local equalization at 8-bit depth + background subtraction (sigma 20 px)",
                    size,
                    withBackground,
                    withBackground / plain));
            Path still = SyntheticVideoGenerator.generate(motionFree(epi), work.resolve("epistill"),
                    ProgressMonitor.NONE).videoFile();
            Parameters motion = MotionCorrectionStage.INSTANCE.defaults();
            rows.add(correction("motion correction, translation (default), raw epifluorescence video", video, plain,
                    motion, moving, still, work));
            rows.add(correction("motion correction, rigid (shift + rotation)", video, plain,
                    motion.with("transform", "rigid"), moving, still, work));
            rows.add(correction("motion correction, piecewise rigid (4 x 4 patches)", video, plain,
                    motion.with("patchGrid", 4), moving, still, work));
            try (FileVideo equalized = VideoStore.open(work.resolve("eq.nsv"))) {
                rows.add(correction("motion correction of the equalized video (as `neuroseg preprocess`)",
                        equalized, plainPass(equalized), motion, moving, still, work));
            }
            Files.deleteIfExists(work.resolve("eqbg.nsv"));
            rows.addAll(memory(moving.videoFile(), Math.min(600, frames), frames, size));
            Files.deleteIfExists(work.resolve("eq.nsv"));
            Files.deleteIfExists(still);
        }
        Files.deleteIfExists(moving.videoFile());
        SyntheticParams twoPhoton = sized(SyntheticParams.twoPhoton(), frames, side);
        SyntheticResult twoMoving = SyntheticVideoGenerator.generate(twoPhoton, work.resolve("2p"),
                ProgressMonitor.NONE);
        Path twoStill = SyntheticVideoGenerator.generate(motionFree(twoPhoton), work.resolve("2pstill"),
                ProgressMonitor.NONE).videoFile();
        try (FileVideo video = VideoStore.open(twoMoving.videoFile())) {
            rows.add(correction("motion correction, translation, two-photon video", video, plainPass(video),
                    MotionCorrectionStage.INSTANCE.defaults(), twoMoving, twoStill, work));
        }
        return rows;
    }

    /** @return the preset at another size, with the preset's density of cells */
    static SyntheticParams sized(SyntheticParams preset, int frames, int side) {
        double area = (double) side * side / (preset.width() * preset.height());
        return preset.toBuilder().size(side, side, frames).neuronCount((int) (preset.neuronCount() * area)).build();
    }

    private static SyntheticParams motionFree(SyntheticParams params) {
        return params.toBuilder().motionAmplitudePx(0).jumpProbability(0).jumpSizePx(0).build();
    }

    private static String correction(String what, Video video, double plain, Parameters parameters,
            SyntheticResult truth, Path still, Path work) throws Exception {
        Path dir = Files.createDirectories(work.resolve("mc"));
        long start = System.nanoTime();
        PortValues outputs = MotionCorrectionStage.INSTANCE.run(PortValues.of(MotionCorrectionStage.VIDEO, video),
                parameters,
                StageContext.inDirectory(dir, ProgressMonitor.NONE));
        double rate = video.shape().frames() / ((System.nanoTime() - start) / 1e9);
        MotionShifts shifts = outputs.get(MotionCorrectionStage.SHIFTS);
        ShiftErrors errors = ShiftErrors.of(shifts, truth.shifts());
        double correlation;
        double unaligned;
        int fallbacks = 0;
        for (int count : shifts.trackedFeatures()) {
            fallbacks += count == 0 ? 1 : 0;
        }
        try (Video corrected = outputs.get(MotionCorrectionStage.CORRECTED_VIDEO); FileVideo reference =
                VideoStore.open(still);
                FileVideo raw = VideoStore.open(truth.videoFile())) {
            VideoShape shape = raw.shape();
            float[] stillMean = Videos.mean(reference, ProgressMonitor.NONE);
            float[] correctedRawMean = Videos.mean(applied(raw, shifts, work), ProgressMonitor.NONE);
            correlation = ShiftErrors.meanImageCorrelation(correctedRawMean,
                    MeanImages.shifted(stillMean, shape, errors.offsetX(), errors.offsetY()), shape.height(),
                    shape.width(), 16);
            unaligned = ShiftErrors.meanImageCorrelation(Videos.mean(raw, ProgressMonitor.NONE), stillMean,
                    shape.height(), shape.width(), 16);
        }
        Files.deleteIfExists(dir.resolve("corrected.nsv"));
        Files.deleteIfExists(work.resolve("applied.nsv"));
        return row(what, size(video.shape()), rate, rate / plain) + String.format(Locale.ROOT,
                " RMS %.4f px, max %.3f px, drift %.4f px, offset (%.2f, %.2f) px, %d of %d frames by "
                        + "cross-correlation; mean image correlation with the motion-free mean %.4f (uncorrected "
                        + "%.4f) |", errors.rms(), errors.max(), errors.drift(), errors.offsetX(), errors.offsetY(),
                fallbacks, shifts.frames(), correlation, unaligned);
    }

    /** @return the raw video corrected with {@code shifts} (the mean image check is on camera counts) */
    private static Video applied(FileVideo raw, MotionShifts shifts, Path work) throws Exception {
        Path target = work.resolve("applied.nsv");
        org.neuroseg.preprocess.ApplyShiftsStage.apply(raw, shifts,
                org.neuroseg.preprocess.ApplyShiftsStage.INSTANCE.defaults(), target, 2, ProgressMonitor.NONE);
        return VideoStore.open(target);
    }

    static double plainPass(Video video) throws NeurosegException {
        float[] frame = new float[video.shape().pixelsPerFrame()];
        long start = System.nanoTime();
        double checksum = 0;
        for (int t = 0; t < video.shape().frames(); t++) {
            video.readFrame(t, frame);
            checksum += frame[t % frame.length];
        }
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException("unreachable: keeps the loop from being optimised away");
        }
        return video.shape().frames() / ((System.nanoTime() - start) / 1e9);
    }

    private static double timed(int frames, Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return frames / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Only the memory probes, on a new epifluorescence video of {@code frames} frames.
     *
     * @return the table rows
     */
    static List<String> memoryOnly(Path work, int frames, int side) throws Exception {
        SyntheticResult video = SyntheticVideoGenerator.generate(sized(SyntheticParams.epifluorescence(), frames,
                side), work.resolve("epi"), ProgressMonitor.NONE);
        return memory(video.videoFile(), Math.min(600, frames), frames, frames + " x " + side + " x " + side
                + " uint16");
    }

    /** Equalization then motion correction of the first {@code frames} frames, in a JVM with a small heap. */
    private static List<String> memory(Path store, int shortFrames, int longFrames, String size) throws Exception {
        List<String> rows = new ArrayList<>();
        for (int frames : new int[] {shortFrames, longFrames}) {
            String[] probe = probe(store, frames);
            rows.add(String.format(Locale.ROOT, "| peak memory, equalization + motion correction of %d frames, "
                    + "JVM with %s | %s | | | peak RSS %s MB (with mapped video pages), peak anonymous RSS %s "
                            + "MB, peak heap "
                    + "used %s MB |", frames, PROBE_HEAP, size, probe[0], probe[1], probe[2]));
        }
        return rows;
    }

    private static String[] probe(Path store, int frames) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, PROBE_HEAP, "-cp", System.getProperty("java.class.path"),
                MemoryProbe.class.getName(), store.toString(), Integer.toString(frames)).redirectErrorStream(true)
                .start();
        String last = "";
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                last = line;
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("memory probe failed: " + last);
        }
        return last.trim().split(" ");
    }

    static String size(VideoShape shape) {
        return shape.frames() + " x " + shape.height() + " x " + shape.width() + " "
                + shape.pixelType().name().toLowerCase(Locale.ROOT);
    }

    private static String row(String what, String size, double rate, double ratio) {
        return String.format(Locale.ROOT, "| %s | %s | %.1f frames/s | %.3f |", what, size, rate, ratio);
    }

    private static String rowWithoutAccuracy(String what, String size, double rate, double ratio) {
        return row(what, size, rate, ratio) + " |";
    }

    /** Timed work. */
    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    /** The first frames of a video. */
    record FirstFrames(Video video, int frames) implements Video {
        @Override
        public VideoShape shape() {
            return video.shape().withFrames(frames);
        }

        @Override
        public RecordingInfo recording() {
            return video.recording();
        }

        @Override
        public void readFrameBytes(int index, ByteBuffer target) throws NeurosegException {
            video.readFrameBytes(index, target);
        }
    }
}
