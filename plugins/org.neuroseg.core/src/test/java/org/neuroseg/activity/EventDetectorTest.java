package org.neuroseg.activity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neuroseg.imaging.Statistics;

class EventDetectorTest {

    @Test
    void runningPercentileMatchesSortingEachWindow() {
        SplittableRandom random = new SplittableRandom(2);
        float[] trace = new float[300];
        for (int t = 0; t < trace.length; t++) {
            trace[t] = (float) Math.floor(random.nextDouble(0, 50));
        }
        float[] baseline = EventDetector.runningPercentile(trace, 21, 20);
        for (int t = 0; t < trace.length; t++) {
            float[] window = java.util.Arrays.copyOfRange(trace, Math.max(0, t - 10), Math.min(trace.length, t + 11));
            assertEquals(Statistics.percentile(window, 20), baseline[t], 1e-4, "frame " + t);
        }
    }

    @Test
    void findsInjectedTransientsAndCountsDipsOfNoise() {
        SplittableRandom random = new SplittableRandom(9);
        float[] trace = new float[2000];
        int[] spikes = {200, 500, 900, 1300, 1700};
        for (int t = 0; t < trace.length; t++) {
            trace[t] = (float) (100 + 2 * (random.nextDouble() - 0.5));
        }
        for (int spike : spikes) {
            for (int t = spike; t < trace.length; t++) {
                trace[t] += (float) (30 * Math.exp(-(t - spike) / 2.3));
            }
        }
        float[] dff = EventDetector.deltaFOverF(trace, 300, 20);
        int[] onsets = EventDetector.onsets(EventDetector.activeFrames(dff, 1, 10, 4));
        assertEquals(spikes.length, onsets.length);
        for (int k = 0; k < spikes.length; k++) {
            assertEquals(spikes[k], onsets[k], 2);
        }
        // Transients rise and never dip; the Difference of Gaussians would undershoot after each one.
        EventDetector.Crossings transients = EventDetector.crossings(dff, 1, 10, 4);
        assertEquals(spikes.length, transients.rises());
        assertEquals(0, transients.dips());
        assertTrue(transients.verdict(4, 0.7, 0, 0).kept());
        // Pure noise crosses both ways: rises and dips come in similar numbers, and they show no activity.
        float[] noise = new float[20000];
        for (int t = 0; t < noise.length; t++) {
            noise[t] = (float) (random.nextDouble() - 0.5);
        }
        EventDetector.Crossings onlyNoise = EventDetector.crossings(noise, 1, 10, 2.5);
        assertTrue(onlyNoise.rises() > 10, "noise crossed " + onlyNoise.rises() + " times");
        assertEquals(onlyNoise.rises(), onlyNoise.dips(), 0.3 * onlyNoise.rises() + 5);
        assertFalse(onlyNoise.verdict(2, 0.7, 6, 0).kept(), onlyNoise.toString());
        assertTrue(onlyNoise.largestRise() < 6 && onlyNoise.deepestDip() < 6, onlyNoise.toString());
        // A long recording's noise can tip the balance by a few crossings; the share of rises stays near half.
        assertFalse(new EventDetector.Crossings(40, 35, 4, 4).verdict(2, 0.7, 6, 0).kept());
        assertTrue(new EventDetector.Crossings(90, 10, 4, 3).verdict(2, 0.7, 6, 0).kept());
        assertFalse(new EventDetector.Crossings(3, 2, 4, 3).verdict(2, 0.7, 6, 0).kept());
        // One clear transient is activity on its own, unless a dip as deep makes it look like noise or the rule is off.
        assertTrue(new EventDetector.Crossings(1, 1, 9, 3).verdict(2, 0.7, 6, 0).kept());
        assertFalse(new EventDetector.Crossings(1, 1, 9, 5).verdict(2, 0.7, 6, 0).kept());
        assertFalse(new EventDetector.Crossings(1, 1, 9, 3).verdict(2, 0.7, 0, 0).kept());
        // Whatever the counts, the largest rise must reach the smallest peak; the verdict says which rule decided.
        assertEquals(EventDetector.Verdict.RISES_OUTNUMBER_DIPS,
                new EventDetector.Crossings(5, 1, 4.1, 3).verdict(2, 0.7, 6, 4));
        assertEquals(EventDetector.Verdict.PEAK_TOO_LOW,
                new EventDetector.Crossings(5, 1, 3.9, 3).verdict(2, 0.7, 6, 4));
        assertTrue(new EventDetector.Crossings(5, 1, 3.9, 3).verdict(2, 0.7, 6, 0).kept());
        assertEquals(EventDetector.Verdict.CLEAR_TRANSIENT,
                new EventDetector.Crossings(1, 1, 9, 3).verdict(2, 0.7, 6, 4));
        assertEquals(EventDetector.Verdict.NOISE_LIKE, new EventDetector.Crossings(3, 2, 4, 3).verdict(2, 0.7, 6, 0));
        BitSet runs = new BitSet();
        runs.set(3, 6);
        runs.set(9);
        assertArrayEquals(new int[] {3, 9}, EventDetector.onsets(runs));
    }

    @Test
    void oneClearTransientInAShortNoisyTraceShowsActivity() {
        SplittableRandom random = new SplittableRandom(4);
        float[] trace = new float[300];
        for (int t = 0; t < trace.length; t++) {
            trace[t] = (float) (100 + 3 * random.nextGaussian());
        }
        float[] quiet = EventDetector.deltaFOverF(trace.clone(), 300, 20);
        for (int t = 150; t < trace.length; t++) {
            trace[t] += (float) (40 * Math.exp(-(t - 150) / 3.0));
        }
        float[] dff = EventDetector.deltaFOverF(trace, 300, 20);
        EventDetector.Crossings once = EventDetector.crossings(dff, 1, 10, 2.5);
        assertFalse(once.verdict(2, 0.7, 0, 0).kept(), "the counts alone cannot tell one transient: " + once);
        assertTrue(once.largestRise() > 6, once.toString());
        assertTrue(once.verdict(2, 0.7, 6, 0).kept(), once.toString());
        EventDetector.Crossings noise = EventDetector.crossings(quiet, 1, 10, 2.5);
        assertFalse(noise.verdict(2, 0.7, 6, 0).kept(), noise.toString());
    }

    /**
     * Noise that the per-frame network picked as a cell: the twelve frames that made it a candidate stand 3.5 noise
     * standard deviations up, enough for the counts, but no transient stands higher than noise does. A cell that
     * fires as often, but as calcium transients, reaches well above it. Twenty noise traces and cells.
     */
    @Test
    void smallestPeakDropsNoisePickedOnItsHighestFrames() {
        int pickedByCounts = 0;
        int pickedKept = 0;
        int cellsKept = 0;
        for (int seed = 0; seed < 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            float[] picked = new float[437];
            for (int t = 0; t < picked.length; t++) {
                picked[t] = (float) (100 + random.nextGaussian());
            }
            float[] cell = picked.clone();
            for (int frame = 20; frame < picked.length; frame += 36) {
                picked[frame] = 103.5f;
                for (int t = frame; t < cell.length; t++) {
                    cell[t] += (float) (6 * Math.exp(-(t - frame) / 3.0));
                }
            }
            EventDetector.Crossings noise = EventDetector.crossings(EventDetector.deltaFOverF(picked, 225, 20), 0.75,
                    7.5, 2.5);
            pickedByCounts += noise.verdict(2, 0.7, 6, 0).kept() ? 1 : 0;
            pickedKept += noise.verdict(2, 0.7, 6, 4).kept() ? 1 : 0;
            EventDetector.Crossings transients = EventDetector.crossings(EventDetector.deltaFOverF(cell, 225, 20),
                    0.75, 7.5, 2.5);
            cellsKept += transients.verdict(2, 0.7, 6, 4).kept() ? 1 : 0;
        }
        assertTrue(pickedByCounts >= 10, "the counts alone keep " + pickedByCounts + " of 20 picked noise traces");
        assertTrue(pickedKept <= 6, "with the smallest peak " + pickedKept + " of 20");
        assertEquals(20, cellsKept);
    }
}
