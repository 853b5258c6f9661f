package org.neuroseg.dl.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.DjlEngine;
import org.neuroseg.dl.model.ConvGruBlock;
import org.neuroseg.dl.model.ConvGruConfig;
import org.neuroseg.dl.model.ModelFiles;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.VideoShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link ConvGruBlock} as in González-Colín et al.: the input is a probability video (the U-Net's output),
 * the target either one mask per video (the Blob Labeler's video mask, or ground truth of the functional cells) or a
 * label video with one frame per input frame (the cells active in each frame). Each training video is cut in time
 * into chunks without overlap; after each chunk the loss ({@link CgruTrainingConfig#loss}) between the
 * classifier's output on the last hidden state and the target is back-propagated and Adam updates the weights; the
 * next chunk starts from the last hidden state with its gradient cut (truncated back-propagation through time).
 * With a label video the target after a chunk is what was labelled up to its end (in at least
 * {@link CgruTrainingConfig#minLabelledFrames} frames): the network learns to remember a cell once it has seen it
 * fire, and is not asked to foresee a cell that fires later (which no input could show, and which a one-mask target
 * asks of every chunk but the last).
 * To keep training fast on a CPU, each epoch works on random square windows ({@link VideoWindows}, mirrored at
 * random) that span the whole duration of every training video, all windows of a video in one batch.
 *
 * <p>Videos are split into training and validation at random (seeded). The validation loss is that loss of
 * the prediction after the whole video (what the CGRU Predictor outputs) on fixed windows of the validation videos;
 * training stops when it has not fallen for {@code patience} epochs and the parameters of the best epoch are kept.
 * With a single video, its own fixed windows validate. Each step's arrays live in a sub-manager closed at the end of
 * the step. Cancellation is checked every chunk: after at least one finished epoch it ends training early and
 * returns the best network so far (the summary says so); before that it throws.
 */
public final class CgruTraining {

    private static final Logger LOGGER = LoggerFactory.getLogger(CgruTraining.class);

    private CgruTraining() {
    }

    /**
     * What training produced.
     *
     * @param config the architecture
     * @param parameters the best block's parameter stream ({@link ModelFiles#parameterBytes})
     * @param summary hyperparameters, per-epoch losses, the best epoch, its validation loss and Dice, timing and
     *        whether it was canceled, for the model file
     */
    public record Result(ConvGruConfig config, byte[] parameters, JsonObject summary) {
    }

    /**
     * Trains a CGRU.
     *
     * @param config hyperparameters
     * @param data probability videos with a one-frame mask or a label video of as many frames; frames at least
     *        cropSize on a side
     * @param monitor progress (per chunk) and cancellation
     * @throws NeurosegException when the data cannot be read, labels have neither one frame nor one per input frame,
     *         or frames are too small
     * @throws CanceledException when canceled before the first epoch finished
     */
    public static Result run(CgruTrainingConfig config, List<LabeledVideo> data, ProgressMonitor monitor)
            throws NeurosegException, CanceledException {
        if (data.isEmpty()) {
            throw new NeurosegException("The CGRU needs at least one probability video to learn from");
        }
        for (LabeledVideo pair : data) {
            VideoShape shape = pair.checked().frames().shape();
            if (Math.min(shape.height(), shape.width()) < config.cropSize()) {
                throw new NeurosegException("Frames of " + pair.name() + " (" + shape.height() + " x "
                        + shape.width() + ") are smaller than the CGRU's crop size " + config.cropSize()
                        + " px: set the crop size to at most " + Math.min(shape.height(), shape.width()));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int v = 0; v < data.size(); v++) {
            order.add(v);
        }
        Collections.shuffle(order, new Random(config.seed()));
        int validationCount = data.size() < 2 ? 0
                : Math.max(1, (int) Math.round(data.size() * config.validationFraction()));
        List<Integer> validation = List.copyOf(order.subList(0, validationCount));
        List<Integer> training = List.copyOf(order.subList(validationCount, order.size()));
        DjlEngine.get().setRandomSeed((int) config.seed());
        try (Model model = Model.newInstance("cgru")) {
            ConvGruBlock network = new ConvGruBlock(config.network());
            model.setBlock(network);
            try (Trainer trainer = EpochLoop.adamTrainer(model, config.loss(), config.learningRate())) {
                int side = config.cropSize();
                trainer.initialize(new Shape(config.cropsPerVideo(), config.chunkFrames(), 1, side, side),
                        new Shape(config.cropsPerVideo(), config.network().stateChannels(), side, side));
                return new Loop(config, data, training, validation.isEmpty() ? training : validation, trainer,
                        network, monitor).run(validation.isEmpty());
            }
        }
    }

    /** The state of one training run. */
    private static final class Loop {
        private final CgruTrainingConfig config;
        private final List<LabeledVideo> data;
        private final List<Integer> training;
        private final List<Integer> validation;
        private final Trainer trainer;
        private final ConvGruBlock network;
        private final ProgressMonitor monitor;
        private final Random random;
        private final EpochLoop epochs;
        private final long chunksPerEpoch;

        Loop(CgruTrainingConfig config, List<LabeledVideo> data, List<Integer> training, List<Integer> validation,
                Trainer trainer, ConvGruBlock network, ProgressMonitor monitor) {
            this.config = config;
            this.data = data;
            this.training = training;
            this.validation = validation;
            this.trainer = trainer;
            this.network = network;
            this.monitor = monitor;
            this.random = new Random(config.seed() + 1);
            this.epochs = new EpochLoop(network, config.maxEpochs(), config.patience(),
                    config.averageLateEpochs(), monitor, LOGGER);
            long chunks = 0;
            for (int v : training) {
                chunks += (data.get(v).frames().shape().frames() + config.chunkFrames() - 1) / config.chunkFrames();
            }
            this.chunksPerEpoch = chunks;
        }

        Result run(boolean validatedOnTraining) throws NeurosegException, CanceledException {
            byte[] best = epochs.run(this::runEpoch, statistics -> passTrainingVideos(config.maxEpochs(), statistics));
            JsonObject summary = summary();
            summary.addProperty("validatedOnTrainingVideo", validatedOnTraining);
            return new Result(config.network(), best, summary);
        }

        private EpochLoop.EpochScores runEpoch(int epoch) throws NeurosegException, CanceledException {
            double trainingLoss = passTrainingVideos(epoch, null);
            double[] validated = validate();
            return new EpochLoop.EpochScores(trainingLoss, validated[0], validated[1]);
        }

        /**
         * One pass over random windows of the training videos, chunk by chunk in shuffled video order.
         *
         * @param statistics null: train on every chunk; else only pass each chunk forward in training mode for them
         * @return the mean training loss of the chunks (0 when only passing forward)
         */
        private double passTrainingVideos(int epoch, BatchStatistics statistics) throws NeurosegException,
                CanceledException {
            List<Integer> videos = new ArrayList<>(training);
            Collections.shuffle(videos, random);
            double lossSum = 0;
            long chunksDone = 0;
            for (int v : videos) {
                LabeledVideo pair = data.get(v);
                VideoShape shape = pair.frames().shape();
                VideoWindows windows = VideoWindows.random(random, config.cropsPerVideo(), shape.height(),
                        shape.width(), config.cropSize(), true);
                float[] frame = new float[shape.pixelsPerFrame()];
                // only training reads the labels
                Target target = statistics == null ? new Target(pair, windows) : null;
                try (NDManager carry = trainer.getManager().newSubManager()) {
                    NDArray hidden = network.initialHidden(carry, windows.count(), windows.side(), windows.side());
                    for (int from = 0; from < shape.frames(); from += config.chunkFrames()) {
                        monitor.checkCanceled();
                        int frames = Math.min(config.chunkFrames(), shape.frames() - from);
                        float[] chunk = windows.readChunk(pair.frames(), from, frames, frame);
                        if (target == null) {
                            hidden = forwardChunk(carry, hidden, chunk, frames, windows, statistics);
                            continue;
                        }
                        target.add(from, frames, frame);
                        ChunkStep step = trainChunk(carry, hidden, chunk, frames, target.values(), windows);
                        hidden = step.hidden();
                        lossSum += step.loss();
                        chunksDone++;
                        monitor.setProgress(Math.min(1, (epoch + chunksDone / (double) chunksPerEpoch)
                                / config.maxEpochs()), String.format("epoch %d, chunk %d/%d, training loss %.4f",
                                        epoch + 1, chunksDone, chunksPerEpoch, lossSum / chunksDone));
                    }
                }
            }
            return lossSum / Math.max(1, chunksDone);
        }

        /** The target of a video's windows as its frames go by. */
        private final class Target {
            private final LabeledVideo pair;
            private final VideoWindows windows;
            private final float[] counts;
            private final float[] values;

            /** Reads a one-frame mask; a label video starts with nothing labelled. */
            Target(LabeledVideo pair, VideoWindows windows) throws NeurosegException {
                this.pair = pair;
                this.windows = windows;
                boolean oneMask = pair.labels().shape().frames() == 1;
                values = oneMask ? windows.readTarget(pair.labels())
                        : new float[windows.count() * windows.side() * windows.side()];
                counts = oneMask ? null : new float[values.length];
            }

            /** For a label video, counts frames [from, from + frames) in. */
            void add(int from, int frames, float[] frame) throws NeurosegException {
                if (counts != null) {
                    windows.countLabelled(pair.labels(), from, frames, frame, counts);
                    for (int i = 0; i < counts.length; i++) {
                        values[i] = counts[i] >= config.minLabelledFrames() ? 1 : 0;
                    }
                }
            }

            /** @return (N, 1, side, side): 1 on target pixels */
            float[] values() {
                return values;
            }
        }

        /** The loss of one chunk and the hidden state after it, gradient cut, owned by {@code carry}. */
        private record ChunkStep(double loss, NDArray hidden) {
        }

        private ChunkStep trainChunk(NDManager carry, NDArray hidden, float[] chunk, int frames, float[] target,
                VideoWindows windows) {
            int side = windows.side();
            try (NDManager step = carry.newSubManager()) {
                hidden.attach(step);
                NDArray x = step.create(chunk, new Shape(windows.count(), frames, 1, side, side));
                NDArray y = step.create(target, new Shape(windows.count(), 1, side, side));
                float loss;
                NDArray next;
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList output = trainer.forward(new NDList(x, hidden));
                    NDArray value = config.loss().evaluate(y, output.get(0));
                    loss = value.getFloat();
                    collector.backward(value);
                    next = output.get(1).stopGradient();
                }
                trainer.step();
                next.attach(carry);
                return new ChunkStep(loss, next);
            }
        }

        /** Passes a chunk forward in training mode for batch statistics; @return the state after it, in carry */
        private NDArray forwardChunk(NDManager carry, NDArray hidden, float[] chunk, int frames, VideoWindows windows,
                BatchStatistics statistics) {
            int side = windows.side();
            try (NDManager step = carry.newSubManager()) {
                hidden.attach(step);
                NDArray x = step.create(chunk, new Shape(windows.count(), frames, 1, side, side));
                statistics.beforeBatch();
                NDArray next = trainer.forward(new NDList(x, hidden)).get(1).stopGradient();
                statistics.afterBatch();
                next.attach(carry);
                return next;
            }
        }

        /** @return {mean loss, mean Dice} of the prediction after each whole validation video, on fixed windows */
        private double[] validate() throws NeurosegException, CanceledException {
            double loss = 0;
            double dice = 0;
            for (int v : validation) {
                LabeledVideo pair = data.get(v);
                VideoShape shape = pair.frames().shape();
                VideoWindows windows = VideoWindows.random(new Random(config.seed() + 2 + v), config.cropsPerVideo(),
                        shape.height(), shape.width(), config.cropSize(), false);
                float[] frame = new float[shape.pixelsPerFrame()];
                Target target = new Target(pair, windows);
                int side = windows.side();
                try (NDManager carry = trainer.getManager().newSubManager()) {
                    NDArray hidden = network.initialHidden(carry, windows.count(), side, side);
                    NDArray probability = null;
                    for (int from = 0; from < shape.frames(); from += config.chunkFrames()) {
                        monitor.checkCanceled();
                        int frames = Math.min(config.chunkFrames(), shape.frames() - from);
                        float[] chunk = windows.readChunk(pair.frames(), from, frames, frame);
                        target.add(from, frames, frame);
                        try (NDManager step = carry.newSubManager()) {
                            hidden.attach(step);
                            NDList output = trainer.evaluate(new NDList(
                                    step.create(chunk, new Shape(windows.count(), frames, 1, side, side)), hidden));
                            hidden = output.get(1);
                            hidden.attach(carry);
                            probability = output.get(0);
                            probability.attach(carry);
                        }
                    }
                    NDArray y = carry.create(target.values(), new Shape(windows.count(), 1, side, side));
                    loss += config.loss().evaluate(y, probability).getFloat();
                    dice += Masks.dice(probability.toFloatArray(), target.values());
                }
            }
            return new double[] {loss / validation.size(), dice / validation.size()};
        }

        private JsonObject summary() {
            JsonObject summary = new JsonObject();
            summary.addProperty("videos", data.size());
            summary.addProperty("trainingVideos", training.size());
            summary.addProperty("validationVideos", validation.size());
            summary.addProperty("chunkFrames", config.chunkFrames());
            summary.addProperty("minLabelledFrames", config.minLabelledFrames());
            summary.addProperty("cropSize", config.cropSize());
            summary.addProperty("cropsPerVideo", config.cropsPerVideo());
            summary.addProperty("learningRate", config.learningRate());
            summary.addProperty("optimizer", "adam");
            summary.addProperty("loss", config.loss().key());
            summary.addProperty("seed", config.seed());
            epochs.describe(summary);
            return summary;
        }
    }
}
