package org.neuroseg.dl.train;

import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.model.ModelFiles;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ProgressMonitor;
import org.slf4j.Logger;

/**
 * The epochs of a training run, shared by both networks: epochs until the validation loss has not fallen for
 * {@code patience} epochs or {@code maxEpochs} ran, keeping the parameters of the epoch with the lowest validation
 * loss. Or, averaging, every epoch runs and the kept parameters are the mean of the last half of the epochs'
 * (stochastic weight averaging: the validation loss jumps from epoch to epoch, so the epoch it calls best is partly
 * luck, and networks of one run's late epochs average into one that generalises at least as well as each), and batch
 * normalisation's running mean and variance are then measured anew on one pass of the training samples, as the mean
 * network's own ({@link BatchStatistics}). Cancellation after at least one finished epoch ends training early with
 * the network so far (the mean of the averaged epochs that ran, else the best epoch's; the summary says so); before
 * that it propagates.
 */
final class EpochLoop {

    /** One epoch: trains on every training sample once, then validates. */
    interface Epoch {
        /**
         * @param epoch the epoch's index, from 0
         * @return what the epoch measured
         */
        EpochScores run(int epoch) throws NeurosegException, CanceledException;
    }

    /** Forward passes in training mode over the training samples, without training, for {@link BatchStatistics}. */
    interface TrainingPass {
        /** Calls {@code statistics}' {@code beforeBatch} and {@code afterBatch} around every batch's pass. */
        void run(BatchStatistics statistics) throws NeurosegException, CanceledException;
    }

    /**
     * What one epoch measured.
     *
     * @param trainingLoss mean loss of the training steps
     * @param validationLoss loss on the validation data, which decides the best epoch
     * @param validationDice Dice of the thresholded prediction on the validation data
     */
    record EpochScores(double trainingLoss, double validationLoss, double validationDice) {
    }

    private final Block network;
    private final int maxEpochs;
    private final int patience;
    private final int epochsToAverage;
    private final ProgressMonitor monitor;
    private final Logger logger;
    private final JsonArray epochs = new JsonArray();
    private byte[] best;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private double bestDice;
    private int bestEpoch;
    private int epochsRun;
    private boolean canceled;
    private double seconds;
    /** Per parameter, the sum of its values over the averaged epochs so far. */
    private final List<double[]> sums = new ArrayList<>();
    private int epochsAveraged;

    /**
     * @param average false: keep the best epoch's parameters and stop by {@code patience}; true: run every epoch and
     *        keep the mean parameters of the last half of them (the later half when {@code maxEpochs} is odd)
     */
    EpochLoop(Block network, int maxEpochs, int patience, boolean average, ProgressMonitor monitor, Logger logger) {
        this.network = network;
        this.maxEpochs = maxEpochs;
        this.patience = patience;
        this.epochsToAverage = average ? (maxEpochs + 1) / 2 : 0;
        this.monitor = monitor;
        this.logger = logger;
    }

    /** @return a trainer with Adam at a fixed learning rate */
    static Trainer adamTrainer(Model model, LossKind loss, double learningRate) {
        return model.newTrainer(new DefaultTrainingConfig(loss.toLoss()).optOptimizer(Optimizer.adam()
                .optLearningRateTracker(Tracker.fixed((float) learningRate)).build()));
    }

    /**
     * Runs the epochs.
     *
     * @param pass when averaging, runs once after the last epoch to measure batch normalisation's statistics anew
     * @return the parameter stream ({@link ModelFiles#parameterBytes}) of the best epoch's network, or of the mean
     *         network of the averaged epochs
     * @throws CanceledException when canceled before the first epoch finished
     */
    byte[] run(Epoch epoch, TrainingPass pass) throws NeurosegException, CanceledException {
        long start = System.nanoTime();
        while (epochsRun < maxEpochs && (epochsToAverage > 0 || epochsRun - bestEpoch < patience)) {
            long epochStart = System.nanoTime();
            EpochScores scores;
            try {
                scores = epoch.run(epochsRun);
            } catch (CanceledException e) {
                if (best == null) {
                    throw e;
                }
                canceled = true;
                logger.info("Training canceled in epoch {}; keeping {}", epochsRun + 1, epochsAveraged > 0
                        ? "the mean of the last " + epochsAveraged + " epochs" : "epoch " + bestEpoch);
                break;
            }
            epochsRun++;
            record(scores, (System.nanoTime() - epochStart) / 1e9);
            if (epochsToAverage > 0 && epochsRun > maxEpochs - epochsToAverage) {
                addToAverage();
            }
        }
        seconds = (System.nanoTime() - start) / 1e9;
        return epochsAveraged > 0 ? averageParameters(pass) : best;
    }

    /**
     * Adds every parameter to its sum, batch normalisation's running mean and variance too: their mean stands when
     * measuring them anew for the mean network ({@link BatchStatistics}) is canceled.
     */
    private void addToAverage() {
        int index = 0;
        for (Pair<String, Parameter> parameter : network.getParameters()) {
            float[] values = parameter.getValue().getArray().toFloatArray();
            if (epochsAveraged == 0) {
                sums.add(new double[values.length]);
            }
            double[] sum = sums.get(index++);
            for (int i = 0; i < values.length; i++) {
                sum[i] += values[i];
            }
        }
        epochsAveraged++;
    }

    /** Sets the network's parameters to their means over the averaged epochs; @return its parameter stream */
    private byte[] averageParameters(TrainingPass pass) throws NeurosegException {
        int index = 0;
        for (Pair<String, Parameter> parameter : network.getParameters()) {
            double[] sum = sums.get(index++);
            float[] mean = new float[sum.length];
            for (int i = 0; i < sum.length; i++) {
                mean[i] = (float) (sum[i] / epochsAveraged);
            }
            parameter.getValue().getArray().set(mean);
        }
        logger.info("Keeping the mean network of epochs {} to {}", epochsRun - epochsAveraged + 1, epochsRun);
        BatchStatistics statistics = new BatchStatistics(network);
        try {
            pass.run(statistics);
            statistics.apply();
            logger.info("Batch normalisation's statistics measured anew for the mean network");
        } catch (CanceledException e) {
            statistics.restore();
            canceled = true;
            logger.info("Canceled while measuring batch normalisation's statistics; keeping their mean over the "
                    + "epochs");
        }
        return ModelFiles.parameterBytes(network);
    }

    private void record(EpochScores scores, double epochSeconds) {
        JsonObject record = new JsonObject();
        record.addProperty("epoch", epochsRun);
        record.addProperty("trainingLoss", scores.trainingLoss());
        record.addProperty("validationLoss", scores.validationLoss());
        record.addProperty("validationDice", scores.validationDice());
        record.addProperty("seconds", epochSeconds);
        epochs.add(record);
        if (scores.validationLoss() < bestLoss) {
            bestLoss = scores.validationLoss();
            bestDice = scores.validationDice();
            bestEpoch = epochsRun;
            best = ModelFiles.parameterBytes(network);
        }
        String message = String.format("epoch %d: training loss %.4f, validation loss %.4f, Dice %.3f (best loss "
                + "%.4f, epoch %d), %.1f s", epochsRun, scores.trainingLoss(), scores.validationLoss(),
                scores.validationDice(), bestLoss, bestEpoch, epochSeconds);
        logger.info(message);
        monitor.setProgress(Math.min(1, epochsRun / (double) maxEpochs), message);
    }

    /** Adds what the epochs did to a training summary: counts, the best epoch, timing, cancellation, every epoch. */
    void describe(JsonObject summary) {
        summary.addProperty("maxEpochs", maxEpochs);
        summary.addProperty("patience", patience);
        summary.addProperty("averageLateEpochs", epochsToAverage > 0);
        summary.addProperty("epochsAveraged", epochsAveraged);
        summary.addProperty("epochsRun", epochsRun);
        summary.addProperty("bestEpoch", bestEpoch);
        summary.addProperty("bestValidationLoss", bestLoss);
        summary.addProperty("bestValidationDice", bestDice);
        summary.addProperty("trainingSeconds", seconds);
        summary.addProperty("canceled", canceled);
        summary.add("epochs", epochs);
    }
}
