package org.neuroseg.dl.train;

import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.neuroseg.NeurosegException;
import org.neuroseg.dl.model.ModelFiles;
import org.neuroseg.stage.CanceledException;
import org.neuroseg.stage.ProgressMonitor;
import org.slf4j.Logger;

/**
 * The epochs of a training run, shared by both networks: epochs until the validation loss has not fallen for
 * {@code patience} epochs or {@code maxEpochs} ran, keeping the parameters of the epoch with the lowest validation
 * loss. Cancellation after at least one finished epoch ends training early with the best network so far (the
 * summary says so); before that it propagates.
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

    EpochLoop(Block network, int maxEpochs, int patience, ProgressMonitor monitor, Logger logger) {
        this.network = network;
        this.maxEpochs = maxEpochs;
        this.patience = patience;
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
     * @return the parameter stream of the best epoch's network ({@link ModelFiles#parameterBytes})
     * @throws CanceledException when canceled before the first epoch finished
     */
    byte[] run(Epoch epoch) throws NeurosegException, CanceledException {
        long start = System.nanoTime();
        while (epochsRun < maxEpochs && epochsRun - bestEpoch < patience) {
            long epochStart = System.nanoTime();
            EpochScores scores;
            try {
                scores = epoch.run(epochsRun);
            } catch (CanceledException e) {
                if (best == null) {
                    throw e;
                }
                canceled = true;
                logger.info("Training canceled in epoch {}; keeping epoch {}", epochsRun + 1, bestEpoch);
                break;
            }
            epochsRun++;
            record(scores, (System.nanoTime() - epochStart) / 1e9);
        }
        seconds = (System.nanoTime() - start) / 1e9;
        return best;
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
        summary.addProperty("epochsRun", epochsRun);
        summary.addProperty("bestEpoch", bestEpoch);
        summary.addProperty("bestValidationLoss", bestLoss);
        summary.addProperty("bestValidationDice", bestDice);
        summary.addProperty("trainingSeconds", seconds);
        summary.addProperty("canceled", canceled);
        summary.add("epochs", epochs);
    }
}
