package org.neuroseg.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ai.djl.pytorch.jni.JniUtils;
import org.neuroseg.dl.DjlEngine;
import org.neuroseg.imaging.Resampling;
import org.neuroseg.dl.infer.UNetInference;
import org.neuroseg.dl.infer.UNetPredictorStage;
import org.neuroseg.dl.model.InputNormalization;
import org.neuroseg.dl.model.UNet;
import org.neuroseg.dl.model.UNetConfig;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.dl.train.Masks;
import org.neuroseg.preprocess.Preprocessing;
import org.neuroseg.stage.ModelFile;
import org.neuroseg.stage.PortValues;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.stage.StageContext;
import org.neuroseg.synthetic.SyntheticParams;
import org.neuroseg.synthetic.SyntheticResult;
import org.neuroseg.synthetic.SyntheticVideoGenerator;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.Video;
import org.neuroseg.video.VideoStore;

/**
 * U-Net speed and accuracy at 512 x 512: the shipped model on held-out synthetic videos (seeds 201-203, never used
 * in training),
         preprocessed as the pipeline does at input scales and temporal binnings; the speed of other
         architectures with random weights; peak
 * memory of the predictor against video length; training time per epoch from the model file.
 */
final class UNetBenchmark {

    static final int SIDE = 512;
    private static final long[] HELD_OUT_SEEDS = {201, 202, 203};
    private static final int WARMUP = 30;

    private UNetBenchmark() {
    }

    static List<String> run(Path work, Path modelFile, int frames) throws Exception {
        List<FileVideo> videos = new ArrayList<>();
        List<float[]> labels = new ArrayList<>();
        for (long seed : HELD_OUT_SEEDS) {
            SyntheticParams params = SyntheticParams.epifluorescence().toBuilder().size(SIDE, SIDE, frames)
                    .motionAmplitudePx(0).jumpProbability(0).jumpSizePx(0).seed(seed).build();
            SyntheticResult result = SyntheticVideoGenerator.generate(params, work.resolve("seed" + seed),
                    ProgressMonitor.NONE);
            videos.add(preprocessed(result.videoFile(), work.resolve("seed" + seed)));
            labels.add(toFloats(result.rois().toMask()));
        }
        List<String> rows = new ArrayList<>();
        rows.add("Held-out data: " + HELD_OUT_SEEDS.length + " synthetic epifluorescence videos (seeds 201-203), "
                + frames + " frames of " + SIDE + " x " + SIDE + " each, no motion, equalized and motion-corrected "
                + "with the defaults of `neuroseg preprocess` (the model's input in the pipeline). Labels = "
                        + "ground truth of every "
                + "cell, the labels the shipped model was trained to reproduce. Dice: mask = probability > 0.5, "
                + "per frame, averaged over all frames. frames/s counts input frames (a binned group of k frames "
                + "costs one prediction), batch 1, including reading, normalising and writing nothing.");
        rows.add("");
        rows.add("| model | base x levels | GMAC a frame | input scale | frames averaged (k) | PyTorch threads "
                + "| frames/s | Dice |");
        rows.add("|---|---|---|---|---|---|---|---|");
        try (NDManager manager = DjlEngine.get().newBaseManager()) {
            UNetModelFile.Loaded loaded = UNetModelFile.read(modelFile, manager);
            UNetConfig config = loaded.network().config();
            for (int threads : new int[] {2, 1, 2, 1}) {
                JniUtils.setNumThreads(threads);
                UNetInference inference = new UNetInference(loaded.network(), loaded.normalization(), manager, SIDE, 0);
                double[] measured = measure(inference, videos, labels, 1, 1);
                rows.add(String.format("| shipped | %d x %d | %.2f | 1.00 | 1 | %d | %.1f | %.3f |",
                        config.baseChannels(), config.depth(), config.macsPerFrame(SIDE, SIDE) / 1e9, threads,
                        measured[0], measured[1]));
            }
            JniUtils.setNumThreads(1);
            for (double scale : new double[] {1, 0.5}) {
                int side = (int) Math.round(SIDE * scale);
                UNetInference inference = new UNetInference(loaded.network(), loaded.normalization(), manager, side, 0);
                for (int k : scale == 1 ? new int[] {2, 4} : new int[] {1, 2, 4}) {
                    double[] measured = measure(inference, videos, labels, scale, k);
                    rows.add(String.format("| shipped | %d x %d | %.2f | %.2f | %d | 1 | %.1f | %.3f |",
                            config.baseChannels(), config.depth(), config.macsPerFrame(side, side) / 1e9, scale, k,
                            measured[0], measured[1]));
                }
            }
            // {base channels, levels, pixel patch}
            for (int[] arch : new int[][] {{4, 4, 1}, {2, 4, 1}, {4, 3, 1}, {8, 4, 1}, {8, 3, 1}, {4, 4, 2}, {6, 4, 2},
                    {8, 4, 2}}) {
                UNetConfig random = new UNetConfig(arch[1], arch[0], UNetConfig.DEFAULT.asppRates(), 1, arch[2]);
                UNet network = new UNet(random);
                network.initialize(manager, DataType.FLOAT32, new Shape(1, 1, SIDE, SIDE));
                UNetInference inference = new UNetInference(network, InputNormalization.FOR_TRAINING, manager, SIDE,
                        0);
                double fps = measure(inference, videos, null, 1, 1)[0];
                rows.add(String.format("| random weights, %d parameters, pixel patch %d | %d x %d | %.2f | 1.00 | 1 | 1 "
                        + "| %.1f | — |", parameterCount(network), arch[2], arch[0], arch[1],
                        random.macsPerFrame(SIDE, SIDE) / 1e9, fps));
            }
        }
        rows.add("");
        rows.addAll(memoryRows(work, modelFile, videos.get(0)));
        rows.add("");
        rows.addAll(trainingRows(modelFile));
        for (FileVideo video : videos) {
            video.close();
        }
        return rows;
    }

    /** @return the video as the U-Net sees it in the pipeline: equalized, then motion-corrected (stage defaults) */
    private static FileVideo preprocessed(Path raw, Path folder) throws Exception {
        try (FileVideo video = VideoStore.open(raw)) {
            return (FileVideo) Preprocessing.run(video, Preprocessing.Settings.defaults(),
                    Preprocessing.Extent.CORRECTED, folder,
                    StageContext.inDirectory(folder, ProgressMonitor.NONE)).corrected();
        }
    }

    /** @return {frames per second, mean per-frame Dice (NaN without labels)} */
    private static double[] measure(UNetInference inference, List<FileVideo> videos, List<float[]> labels,
            double scale, int k) throws Exception {
        int side = (int) Math.round(SIDE * scale);
        float[] frame = new float[SIDE * SIDE];
        float[] mean = new float[SIDE * SIDE];
        for (int i = 0; i < WARMUP; i++) {
            videos.get(0).readFrame(i % videos.get(0).shape().frames(), frame);
            inference.predict(new float[][] {Resampling.resize(frame, SIDE, SIDE, side, side)}, side, side);
        }
        double diceSum = 0;
        int frameCount = 0;
        long start = System.nanoTime();
        for (int v = 0; v < videos.size(); v++) {
            FileVideo video = videos.get(v);
            int frames = video.shape().frames();
            for (int first = 0; first < frames; first += k) {
                int count = Math.min(k, frames - first);
                java.util.Arrays.fill(mean, 0);
                for (int t = first; t < first + count; t++) {
                    video.readFrame(t, frame);
                    for (int i = 0; i < frame.length; i++) {
                        mean[i] += frame[i] / count;
                    }
                }
                float[] input = Resampling.resize(mean, SIDE, SIDE, side, side);
                float[] probability = Resampling.resize(inference.predict(new float[][] {input}, side, side)[0],
                        side, side, SIDE, SIDE);
                if (labels != null) {
                    diceSum += count * Masks.dice(probability, labels.get(v));
                }
                frameCount += count;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new double[] {frameCount / seconds, labels == null ? Double.NaN : diceSum / frameCount};
    }

    /** Peak resident memory of the predictor stage on a short and on a four times longer video. */
    private static List<String> memoryRows(Path work, Path modelFile, FileVideo source) throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add("Peak memory of the U-Net Predictor stage: the process's anonymous resident memory (RssAnon: heap "
                + "and native allocations), "
                + "sampled every 10 ms during each run; growth with video length would show as a rise on the "
                + "longer video:");
        rows.add("");
        rows.add("| video | peak RssAnon during the run |");
        rows.add("|---|---|");
        for (int repeat : new int[] {1, 4}) {
            Path longer = work.resolve("repeat" + repeat + ".nsv");
            try (var writer = VideoStore.create(longer, SIDE, SIDE, source.shape().pixelType(), 10, null)) {
                for (int r = 0; r < repeat; r++) {
                    for (int t = 0; t < source.shape().frames(); t++) {
                        writer.appendFrameOf(source, t);
                    }
                }
                writer.commit();
            }
            try (FileVideo video = VideoStore.open(longer)) {
                Path out = Files.createDirectories(work.resolve("out" + repeat));
                PeakSampler sampler = PeakSampler.start();
                PortValues outputs = UNetPredictorStage.INSTANCE.run(PortValues.of(UNetPredictorStage.VIDEO, video)
                        .with(UNetPredictorStage.MODEL, new ModelFile(modelFile,
                        UNetModelFile.ARCHITECTURE)), UNetPredictorStage.INSTANCE.defaults(),
                        StageContext.inDirectory(out, ProgressMonitor.NONE));
                outputs.get(UNetPredictorStage.PROBABILITIES).close();
                rows.add(String.format("| %d frames of %d x %d | %d MB |", video.shape().frames(), SIDE, SIDE,
                        sampler.stop()));
            }
        }
        return rows;
    }

    private static List<String> trainingRows(Path modelFile) throws Exception {
        JsonObject training = UNetModelFile.readInfo(modelFile).getAsJsonObject("training");
        JsonArray epochs = training.getAsJsonArray("epochs");
        double sum = 0;
        for (int i = 0; i < epochs.size(); i++) {
            sum += epochs.get(i).getAsJsonObject().get("seconds").getAsDouble();
        }
        return List.of(String.format("Training of the shipped model (from its model file): %d epochs of %d "
                + "training crops of %d x %d in batches of %d, %.1f s an epoch on average (%.0f s in all, "
                + "validation included), best epoch %d, test Dice %.3f (at most 100 of the %d test frames, "
                        + "from a video not "
                + "used in training, are scored).", epochs.size(),
                training.get("trainingFrames").getAsInt(), training.get("cropSize").getAsInt(),
                training.get("cropSize").getAsInt(), training.get("batchSize").getAsInt(), sum / epochs.size(),
                training.get("trainingSeconds").getAsDouble(), training.get("bestEpoch").getAsInt(),
                training.get("testDice").getAsDouble(), training.get("testFrames").getAsInt()));
    }

    private static long parameterCount(UNet network) {
        long count = 0;
        for (Pair<String, Parameter> parameter : network.getParameters()) {
            if (parameter.getValue().requiresGradient()) {
                count += parameter.getValue().getArray().size();
            }
        }
        return count;
    }

    private static float[] toFloats(boolean[] mask) {
        float[] values = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            values[i] = mask[i] ? 1 : 0;
        }
        return values;
    }

    /** Samples the process's anonymous resident memory (RssAnon) every 10 ms on a daemon thread. */
    private static final class PeakSampler {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long peakKb;

        private PeakSampler() {
            thread = new Thread(() -> {
                while (running) {
                    peakKb = Math.max(peakKb, rssAnonKb());
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            thread.setDaemon(true);
        }

        static PeakSampler start() {
            PeakSampler sampler = new PeakSampler();
            sampler.thread.start();
            return sampler;
        }

        /** @return the peak in MB */
        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return Math.max(peakKb, rssAnonKb()) / 1024;
        }

        private static long rssAnonKb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("RssAnon:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (java.io.IOException e) {
                return -1;
            }
            return -1;
        }
    }
}
