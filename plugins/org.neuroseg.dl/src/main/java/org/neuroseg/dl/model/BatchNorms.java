package org.neuroseg.dl.model;

import ai.djl.nn.norm.BatchNorm;

/** The batch normalisation both networks use, with its momentum stated, for code that reads its running averages. */
public final class BatchNorms {

    /**
     * The share of the running mean and variance that a training-mode forward pass keeps: each pass leaves {@code
     * MOMENTUM} x the old value + (1 - {@code MOMENTUM}) x the batch's own (DJL's default).
     */
    public static final float MOMENTUM = 0.9f;

    private BatchNorms() {
    }

    /** @return batch normalisation over channels (axis 1) with {@link #MOMENTUM} */
    static BatchNorm overChannels() {
        return BatchNorm.builder().optMomentum(MOMENTUM).build();
    }
}
