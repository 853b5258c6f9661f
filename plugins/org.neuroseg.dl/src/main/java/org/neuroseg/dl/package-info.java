/**
 * The deep-learning module: networks on the DJL API ({@code model}), their training ({@code train}) and inference
 * ({@code infer}), contributed to the stage registry of core by {@link org.neuroseg.dl.UNetStages}. The engine
 * (PyTorch) is a run-time dependency only.
 */
package org.neuroseg.dl;
