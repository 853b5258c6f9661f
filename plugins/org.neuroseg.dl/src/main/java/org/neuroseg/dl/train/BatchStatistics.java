package org.neuroseg.dl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.neuroseg.dl.model.BatchNorms;

/**
 * Batch normalisation's running mean and variance measured anew for a network whose weights were set rather than
 * trained, as the mean network of several epochs is: the mean, over training batches passed forward in training
 * mode, of each batch's own mean and variance (SWA's authors do the same; the running averages that training
 * leaves belong to the weights of the last steps). Each pass starts from zeros, so that what it leaves is
 * (1 - {@link BatchNorms#MOMENTUM}) x the batch's own.
 */
final class BatchStatistics {

    private final List<NDArray> running = new ArrayList<>();
    private final List<float[]> before = new ArrayList<>();
    private final List<double[]> sums = new ArrayList<>();
    private int batches;

    /** @param network its running means and variances are read and, by {@link #apply}, replaced */
    BatchStatistics(Block network) {
        for (Pair<String, Parameter> parameter : network.getParameters()) {
            Parameter.Type type = parameter.getValue().getType();
            if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
                NDArray array = parameter.getValue().getArray();
                running.add(array);
                before.add(array.toFloatArray());
                sums.add(new double[Math.toIntExact(array.size())]);
            }
        }
    }

    /** Before a batch's forward pass in training mode. */
    void beforeBatch() {
        for (NDArray array : running) {
            array.set(new float[Math.toIntExact(array.size())]);
        }
    }

    /** After the batch's forward pass: adds the batch's statistics. */
    void afterBatch() {
        for (int i = 0; i < running.size(); i++) {
            float[] values = running.get(i).toFloatArray();
            double[] sum = sums.get(i);
            for (int j = 0; j < values.length; j++) {
                sum[j] += values[j] / (1 - BatchNorms.MOMENTUM);
            }
        }
        batches++;
    }

    /** Sets the running means and variances to the batches' means, or back to what they were when none ran. */
    void apply() {
        for (int i = 0; i < running.size(); i++) {
            double[] sum = sums.get(i);
            float[] mean = before.get(i);
            if (batches > 0) {
                for (int j = 0; j < mean.length; j++) {
                    mean[j] = (float) (sum[j] / batches);
                }
            }
            running.get(i).set(mean);
        }
    }

    /** Sets the running means and variances back to what they were. */
    void restore() {
        for (int i = 0; i < running.size(); i++) {
            running.get(i).set(before.get(i));
        }
    }
}
