package org.neuroseg.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.DjlEngine;
import org.neuroseg.dl.infer.CgruInference;
import org.neuroseg.dl.infer.CgruPredictorStage;
import org.neuroseg.dl.model.CgruModelFile;
import org.neuroseg.dl.model.ConvGruBlock;
import org.neuroseg.dl.model.ConvGruConfig;
import org.neuroseg.dl.model.ModelFiles;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.RecordingInfo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoShape;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.VideoWriter;

/**
 * CGRU inference speed and memory at 512 x 512: the time of one step of the cell by hidden size, and the CGRU
 * Predictor stage (reading a float32 probability store, one step a frame, the classifier at the end) on a 600- and
 * a 3600-frame video with the process's peak resident memory after each. Weights are random: the work per step
 * does not depend on them.
 */
final class CgruBenchmark {

    private static final int SIDE = 512;
    /** Distinct frames in the store; longer videos replay them, so a 3600-frame video needs 1 GB less disk. */
    private static final int DISTINCT = 100;
    private static final int WARMUP = 20;
    private static final int TIMED_STEPS = 200;

    private CgruBenchmark() {
    }

    static List<String> run(Path work, int[] lengths) throws Exception {
        Path store = writeProbabilities(work.resolve("probabilities.nsv"));
        List<String> rows = new ArrayList<>();
        rows.add("One step of the cell on a 512 x 512 frame (3 x 3 kernels; arrays of each step in a sub-manager "
                + "closed after it), " + TIMED_STEPS + " steps after " + WARMUP + " warm-up steps, frames already "
                + "in memory:");
        rows.add("");
        rows.add("| hidden channels | GMAC a step | ms a step | frames/s |");
        rows.add("|---|---|---|---|");
        for (int hidden : new int[] {4, 8, 16}) {
            double ms = stepMilliseconds(new ConvGruConfig(hidden, 3), store);
            rows.add(String.format("| %d | %.2f | %.1f | %.1f |", hidden,
                    new ConvGruConfig(hidden, 3).macsPerStep(SIDE, SIDE) / 1e9, ms, 1000 / ms));
        }
        rows.add("");
        rows.add("The CGRU Predictor stage with the default cell (8 hidden channels), reading a float32 probability "
                + "store (" + DISTINCT + " distinct frames replayed), writing the one-frame probability image; "
                + "VmHWM = the process's peak resident memory after the run (it only rises; a growth with video "
                + "length would show on the longer video):");
        rows.add("");
        rows.add("| video | seconds | frames/s | VmHWM after | VmRSS after |");
        rows.add("|---|---|---|---|---|");
        Path model = randomModel(work.resolve("cgru-random" + ModelFiles.EXTENSION));
        try (FileVideo source = VideoStore.open(store)) {
            for (int frames : lengths) {
                Path out = Files.createDirectories(work.resolve("out" + frames));
                long start = System.nanoTime();
                PortValues outputs = CgruPredictorStage.INSTANCE.run(PortValues.of(CgruPredictorStage.PROBABILITIES,
                        new Replayed(source, frames)).with(CgruPredictorStage.MODEL, new ModelFile(model,
                        CgruModelFile.ARCHITECTURE)), CgruPredictorStage.INSTANCE.defaults(),
                        StageContext.inDirectory(out, ProgressMonitor.NONE));
                double seconds = (System.nanoTime() - start) / 1e9;
                outputs.get(CgruPredictorStage.FUNCTIONAL_PROBABILITY).close();
                rows.add(String.format("| %d frames of %d x %d | %.1f | %.1f | %d MB | %d MB |", frames, SIDE, SIDE,
                        seconds, frames / seconds, ProcStatus.megabytes("VmHWM:"), ProcStatus.megabytes("VmRSS:")));
            }
        }
        return rows;
    }

    private static double stepMilliseconds(ConvGruConfig config, Path store) throws Exception {
        try (NDManager manager = DjlEngine.get().newBaseManager(); FileVideo video = VideoStore.open(store)) {
            ConvGruBlock block = initialized(manager, config);
            float[][] frames = new float[10][SIDE * SIDE];
            for (int t = 0; t < frames.length; t++) {
                video.readFrame(t, frames[t]);
            }
            try (CgruInference inference = new CgruInference(block, manager, SIDE, SIDE, SIDE, 0)) {
                for (int t = 0; t < WARMUP; t++) {
                    inference.push(frames[t % frames.length]);
                }
                long start = System.nanoTime();
                for (int t = 0; t < TIMED_STEPS; t++) {
                    inference.push(frames[t % frames.length]);
                }
                return (System.nanoTime() - start) / 1e6 / TIMED_STEPS;
            }
        }
    }

    private static ConvGruBlock initialized(NDManager manager, ConvGruConfig config) {
        ConvGruBlock block = new ConvGruBlock(config);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 1, 16, 16),
                new Shape(1, config.stateChannels(), 16, 16));
        return block;
    }

    private static Path randomModel(Path file) throws Exception {
        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            ConvGruBlock block = initialized(manager, ConvGruConfig.DEFAULT);
            CgruModelFile.write(file, ConvGruConfig.DEFAULT, ModelFiles.parameterBytes(block), null);
        }
        return file;
    }

    /** Blobs of radius 4 on a 12-pixel grid at probability 0.45, a third of them flashing, plus noise. */
    private static Path writeProbabilities(Path file) throws NeurosegException {
        Random random = new Random(1);
        try (VideoWriter writer = VideoStore.create(file, SIDE, SIDE, PixelType.FLOAT32, 10, null)) {
            float[] frame = new float[SIDE * SIDE];
            for (int t = 0; t < DISTINCT; t++) {
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        int dy = y % 12 - 6;
                        int dx = x % 12 - 6;
                        boolean cell = dx * dx + dy * dy <= 16;
                        boolean flashing = ((y / 12) * 43 + x / 12) % 3 == 0 && (t + y / 12) % 20 < 3;
                        float value = cell ? (flashing ? 0.95f : 0.45f) : 0.02f;
                        frame[y * SIDE + x] = Math.min(1, Math.max(0, value + 0.05f * (float) random.nextGaussian()));
                    }
                }
                writer.append(frame);
            }
            writer.commit();
        }
        return file;
    }

    /** A video of {@code frames} frames that replays the frames of {@code looped} in a loop. */
    private record Replayed(Video looped, int frames) implements Video {

        @Override
        public VideoShape shape() {
            VideoShape shape = looped.shape();
            return new VideoShape(frames, shape.height(), shape.width(), shape.pixelType());
        }

        @Override
        public RecordingInfo recording() {
            return looped.recording();
        }

        @Override
        public void readFrameBytes(int index, ByteBuffer target) throws NeurosegException {
            looped.readFrameBytes(index % looped.shape().frames(), target);
        }

        @Override
        public void readFrame(int index, float[] target) throws NeurosegException {
            looped.readFrame(index % looped.shape().frames(), target);
        }
    }
}
