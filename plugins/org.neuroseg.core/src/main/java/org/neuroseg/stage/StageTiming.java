package org.neuroseg.stage;

/**
 * How long one step of a pipeline run took.
 *
 * @param step what ran, e.g. "Motion Correction"
 * @param seconds wall-clock time
 */
public record StageTiming(String step, double seconds) {
}
