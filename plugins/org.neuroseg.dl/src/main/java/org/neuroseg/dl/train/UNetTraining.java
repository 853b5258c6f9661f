package org.neuroseg.dl.train;

import ai.djl.Model;
import org.neuroseg.dl.DjlEngine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Random;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.infer.UNetInference;
import org.neuroseg.dl.model.InputNormalization;
import org.neuroseg.dl.model.UNet;
import org.neuroseg.dl.model.UNetConfig;
import org.neuroseg.dl.model.UNetModelFile;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.VideoShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link UNet} on frames and label videos, as in González-Colín et al.: frames sampled at random across the
 * videos and split by video ({@link FrameSplit}); random crops with flips and quarter turns; Adam; binary
 * cross-entropy or Dice loss; epochs until the validation loss has not fallen for {@code patience} epochs, keeping the
 * parameters of the epoch with the lowest validation loss, or every epoch, keeping the mean parameters of the last half
 * ({@link UNetTrainingConfig#averageLateEpochs}). Finally the kept network is scored on the
 * whole test frames (Dice of the mask thresholded at 0.5 against the labels, per frame, averaged).
 *
 * <p>Each training and validation step works in its own sub-manager closed at the end of the step, so memory stays
 * flat. Cancellation is checked every step: after at least one finished epoch it ends training early and returns
 * the network so far ({@link EpochLoop}; the result says so); before that it throws.
 */
public final class UNetTraining {

    private static final Logger LOGGER = LoggerFactory.getLogger(UNetTraining.class);
    /** Most test frames scored at the end, to bound the time the score takes. */
    private static final int MAX_TEST_FRAMES = 100;
    /** Tiling of the test frames: the U-Net Predictor's defaults, so the test score is what users get. */
    private static final int TEST_TILE_SIZE = 512;
    private static final int TEST_TILE_OVERLAP = 32;

    private UNetTraining() {
    }

    /**
     * What training produced.
     *
     * @param config the architecture
     * @param parameters the best network's parameter stream ({@code Block.saveParameters})
     * @param summary hyperparameters, per-epoch losses, the best epoch, test Dice, timing and whether it was
     *        canceled, for the model file
     */
    public record Result(UNetConfig config, byte[] parameters, JsonObject summary) {
    }

    /**
     * Trains a network.
     *
     * @param config hyperparameters
     * @param data training pairs (checked with {@link LabeledVideo#checked()}); frames at least cropSize on a side,
     *        with the network's input channels
     * @param monitor progress (per step) and cancellation
     * @throws NeurosegException when the data cannot be read, is too small or has other channels than the network
     * @throws CanceledException when canceled before the first epoch finished
     */
    public static Result run(UNetTrainingConfig config, List<LabeledVideo> data, ProgressMonitor monitor)
            throws NeurosegException, CanceledException {
        int[] frameCounts = new int[data.size()];
        for (int v = 0; v < data.size(); v++) {
            VideoShape shape = data.get(v).checked().frames().shape();
            if (shape.channels() != config.network().inputChannels()) {
                throw new NeurosegException("Frames of " + data.get(v).name() + " have " + shape.channels()
                        + " channel(s) but the U-Net to train takes " + config.network().inputChannels());
            }
            if (Math.min(shape.height(), shape.width()) < config.cropSize()) {
                throw new NeurosegException("Frames of " + data.get(v).name() + " (" + shape.height() + " x "
                        + shape.width() + ") are smaller than the U-Net's crop size " + config.cropSize()
                        + " px: set the crop size to at most "
                        + config.network().largestSizeWithin(Math.min(shape.height(), shape.width()))
                        + " (a multiple of " + config.network().sizeMultiple() + ")");
            }
            frameCounts[v] = shape.frames();
        }
        FrameSplit split;
        try {
            split = FrameSplit.of(frameCounts, config);
        } catch (IllegalArgumentException e) {
            throw new NeurosegException("Cannot split the training data: " + e.getMessage(), e);
        }
        DjlEngine.get().setRandomSeed((int) config.seed());
        try (Model model = Model.newInstance("unet")) {
            UNet network = new UNet(config.network());
            model.setBlock(network);
            try (Trainer trainer = EpochLoop.adamTrainer(model, config.loss(), config.learningRate())) {
                trainer.initialize(new Shape(config.batchSize(), config.network().inputChannels(), config.cropSize(),
                        config.cropSize()));
                return new Loop(config, data, split, trainer, network, monitor).run();
            }
        }
    }

    /** The state of one training run. */
    private static final class Loop {
        private final UNetTrainingConfig config;
        private final FrameSplit split;
        private final Trainer trainer;
        private final ProgressMonitor monitor;
        private final CropSampler sampler;
        private final List<LabeledVideo> data;
        private final Random random;
        private final EpochLoop epochs;

        Loop(UNetTrainingConfig config, List<LabeledVideo> data, FrameSplit split, Trainer trainer, UNet network,
                ProgressMonitor monitor) {
            this.config = config;
            this.data = data;
            this.split = split;
            this.trainer = trainer;
            this.monitor = monitor;
            this.sampler = new CropSampler(data, config.cropSize(), config.cellCropShare());
            this.random = new Random(config.seed() + 1);
            this.epochs = new EpochLoop(network, config.maxEpochs(), config.patience(),
                    config.averageLateEpochs(), monitor, LOGGER);
        }

        Result run() throws NeurosegException, CanceledException {
            byte[] best = epochs.run(this::runEpoch, this::measureBatchStatistics);
            JsonObject summary = summary();
            summary.addProperty("testDice", testDice(best));
            summary.addProperty("testFramesScored", Math.min(MAX_TEST_FRAMES, split.test().size()));
            return new Result(config.network(), best, summary);
        }

        private EpochLoop.EpochScores runEpoch(int epoch) throws NeurosegException, CanceledException {
            List<FrameSplit.FrameRef> order = new ArrayList<>(split.train());
            Collections.shuffle(order, random);
            int steps = (order.size() + config.batchSize() - 1) / config.batchSize();
            double trainLoss = 0;
            for (int step = 0; step < steps; step++) {
                monitor.checkCanceled();
                List<FrameSplit.FrameRef> batch = new ArrayList<>(config.batchSize());
                for (int i = 0; i < config.batchSize(); i++) {
                    batch.add(order.get((step * config.batchSize() + i) % order.size()));
                }
                trainLoss += trainStep(batch);
                monitor.setProgress(Math.min(1, (epoch + (step + 1.0) / steps) / config.maxEpochs()),
                        String.format("epoch %d, step %d/%d, training loss %.4f", epoch + 1, step + 1, steps,
                                trainLoss / (step + 1)));
            }
            double[] validated = validate();
            return new EpochLoop.EpochScores(trainLoss / steps, validated[0], validated[1]);
        }

        /** One pass of the training frames forward in training mode, in random crops as training samples them. */
        private void measureBatchStatistics(BatchStatistics statistics) throws NeurosegException, CanceledException {
            List<FrameSplit.FrameRef> order = new ArrayList<>(split.train());
            Collections.shuffle(order, random);
            int steps = Math.max(1, order.size() / config.batchSize());
            for (int step = 0; step < steps; step++) {
                monitor.checkCanceled();
                List<FrameSplit.FrameRef> batch = order.subList(step * config.batchSize(), Math.min(order.size(),
                        (step + 1) * config.batchSize()));
                CropSampler.Crops crops = sampler.sample(batch, random, true);
                try (NDManager manager = trainer.getManager().newSubManager()) {
                    statistics.beforeBatch();
                    trainer.forward(new NDList(crops.images(manager)));
                    statistics.afterBatch();
                }
            }
        }

        private double trainStep(List<FrameSplit.FrameRef> batch) throws NeurosegException {
            CropSampler.Crops crops = sampler.sample(batch, random, true);
            try (NDManager step = trainer.getManager().newSubManager()) {
                NDArray x = crops.images(step);
                NDArray y = crops.labels(step);
                float loss;
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray prediction = trainer.forward(new NDList(x)).singletonOrThrow();
                    NDArray value = config.loss().evaluate(y, prediction);
                    loss = value.getFloat();
                    collector.backward(value);
                }
                trainer.step();
                return loss;
            }
        }

        /**
         * @return {mean loss, mean Dice} over one crop of each validation frame (Dice per batch of crops, weighted by
         *         its size); the crops are the same every epoch
         */
        private double[] validate() throws NeurosegException, CanceledException {
            Random positions = new Random(config.seed() + 2);
            List<FrameSplit.FrameRef> frames = split.validation();
            double loss = 0;
            double dice = 0;
            for (int from = 0; from < frames.size(); from += config.batchSize()) {
                monitor.checkCanceled();
                List<FrameSplit.FrameRef> batch = frames.subList(from, Math.min(frames.size(), from
                        + config.batchSize()));
                CropSampler.Crops crops = sampler.sample(batch, positions, false);
                try (NDManager step = trainer.getManager().newSubManager()) {
                    NDArray prediction = trainer.evaluate(new NDList(crops.images(step))).singletonOrThrow();
                    loss += config.loss().evaluate(crops.labels(step), prediction).getFloat() * batch.size();
                    dice += Masks.dice(prediction.toFloatArray(), crops.labels()) * batch.size();
                }
            }
            return new double[] {loss / frames.size(), dice / frames.size()};
        }

        /** Mean per-frame Dice of the best network on whole test frames, mask = probability above 0.5. */
        private double testDice(byte[] best) throws NeurosegException {
            List<FrameSplit.FrameRef> frames = split.test().subList(0, Math.min(MAX_TEST_FRAMES, split.test().size()));
            try (NDManager manager = trainer.getManager().newSubManager()) {
                UNet tested = new UNet(config.network());
                try (DataInputStream input = new DataInputStream(new ByteArrayInputStream(best))) {
                    tested.loadParameters(manager, input);
                } catch (IOException | ai.djl.MalformedModelException e) {
                    throw new IllegalStateException("cannot reload parameters just saved", e);
                }
                UNetInference inference = new UNetInference(tested, InputNormalization.FOR_TRAINING, manager,
                        TEST_TILE_SIZE, TEST_TILE_OVERLAP);
                double sum = 0;
                for (FrameSplit.FrameRef ref : frames) {
                    LabeledVideo pair = data.get(ref.video());
                    VideoShape shape = pair.frames().shape();
                    float[] frame = new float[shape.pixelsPerFrame()];
                    float[] label = new float[shape.pixelsPerPlane()];
                    pair.frames().readFrame(ref.frame(), frame);
                    pair.labels().readFrame(pair.labelFrame(ref.frame()), label);
                    float[] probability = inference.predict(new float[][] {frame}, shape.height(), shape.width())[0];
                    sum += Masks.dice(probability, label);
                }
                return sum / frames.size();
            }
        }

        private JsonObject summary() {
            JsonObject summary = new JsonObject();
            summary.addProperty("sampleFrames", config.sampleFrames());
            summary.addProperty("trainingFrames", split.train().size());
            summary.addProperty("validationFrames", split.validation().size());
            summary.addProperty("testFrames", split.test().size());
            summary.addProperty("videos", data.size());
            DoubleSummaryStatistics cellDiameters = data.stream()
                    .mapToDouble(pair -> pair.frames().recording().cellDiameterPxOrDefault()).summaryStatistics();
            JsonArray diameters = new JsonArray();
            diameters.add(cellDiameters.getMin());
            diameters.add(cellDiameters.getMax());
            summary.add(UNetModelFile.CELL_DIAMETERS, diameters);
            summary.addProperty("cropSize", config.cropSize());
            summary.addProperty("batchSize", config.batchSize());
            summary.addProperty("cellCropShare", config.cellCropShare());
            summary.addProperty("learningRate", config.learningRate());
            summary.addProperty("optimizer", "adam");
            summary.addProperty("loss", config.loss().key());
            summary.addProperty("seed", config.seed());
            epochs.describe(summary);
            return summary;
        }
    }
}
