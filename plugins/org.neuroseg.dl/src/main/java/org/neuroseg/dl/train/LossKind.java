package org.neuroseg.dl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import java.util.Arrays;
import java.util.List;

/** The losses the U-Net and CGRU learners offer, on probabilities (N, 1, H, W) against 0/1 labels of the same shape. */
public enum LossKind {
    /**
     * Binary cross-entropy, {@code -mean(y log p + (1 - y) log(1 - p))}, with p clipped to [1e-7, 1 - 1e-7]: the
     * paper's loss.
     */
    BCE("bce"),
    /**
     * Soft Dice loss over the whole batch, {@code 1 - (2 sum(p y) + 1) / (sum(p) + sum(y) + 1)}: insensitive to how
     * rare cell pixels are.
     */
    DICE("dice");

    private static final float EPSILON = 1e-7f;

    private final String key;

    LossKind(String key) {
        this.key = key;
    }

    /** @return the word used in parameters and model files */
    public String key() {
        return key;
    }

    /** @return the words of every loss, for a setting that offers them */
    public static List<String> keys() {
        return Arrays.stream(values()).map(LossKind::key).toList();
    }

    /**
     * @return the loss with this key
     * @throws IllegalArgumentException when there is none
     */
    public static LossKind fromKey(String key) {
        for (LossKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + key + "': expected bce or dice");
    }

    /** @return this loss as a DJL loss, for training configurations */
    public Loss toLoss() {
        return new Loss(key) {
            @Override
            public NDArray evaluate(NDList labels, NDList predictions) {
                return LossKind.this.evaluate(labels.singletonOrThrow(), predictions.singletonOrThrow());
            }
        };
    }

    /** @return the scalar loss of {@code probabilities} against {@code labels} */
    public NDArray evaluate(NDArray labels, NDArray probabilities) {
        if (this == BCE) {
            NDArray p = probabilities.clip(EPSILON, 1 - EPSILON);
            NDArray logLikelihood = labels.mul(p.log()).add(labels.neg().add(1).mul(p.neg().add(1).log()));
            return logLikelihood.mean().neg();
        }
        // Twice the intersection as a sum, not mul(2): see ConvGruCell on numbers kept by the backward pass.
        NDArray intersection = probabilities.mul(labels).sum();
        NDArray overlap = intersection.add(intersection).add(1);
        return overlap.div(probabilities.sum().add(labels.sum()).add(1)).neg().add(1);
    }
}
