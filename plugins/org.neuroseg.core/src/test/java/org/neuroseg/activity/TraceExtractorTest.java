package org.neuroseg.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;

/**
 * A cell whose neuropil ring holds part of an unoutlined neighbour: when the neighbour fires, the ring's mean rises
 * (and would turn into a dip of the cell's trace), its median does not.
 */
class TraceExtractorTest {

    private static final int SIDE = 40;
    private static final int CENTRE = 20;

    @Test
    void theRingsMedianIgnoresANeighbourFiringInPartOfTheRing() throws Exception {
        float[] labels = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                labels[y * SIDE + x] = Math.hypot(y - CENTRE, x - CENTRE) <= 4 ? 1 : 0;
            }
        }
        RoiSet cell = RoiSet.fromLabelImage(labels, SIDE, SIDE);
        int frames = 6;
        float[][] video = new float[frames][];
        for (int t = 0; t < frames; t++) {
            video[t] = new float[SIDE * SIDE];
            for (int i = 0; i < video[t].length; i++) {
                // a little texture, so that mean and median differ only by what the neighbour adds
                video[t][i] = 100 + (i % 7);
            }
            boolean neighbourFires = t % 2 == 1;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    // an unoutlined neighbour to the right of the cell, covering about a quarter of its ring
                    if (neighbourFires && Math.hypot(y - CENTRE, x - (CENTRE + 10)) <= 4) {
                        video[t][y * SIDE + x] += 400;
                    }
                }
            }
        }
        ArrayVideo recording = new ArrayVideo(SIDE, SIDE, PixelType.FLOAT32, 10, video);
        TraceExtractor.Fluorescence byMean = new TraceExtractor(cell, 2, 6, false).extract(recording, null,
                ProgressMonitor.NONE);
        TraceExtractor.Fluorescence byMedian = new TraceExtractor(cell, 2, 6, true).extract(recording, null,
                ProgressMonitor.NONE);
        float meanRise = byMean.ring()[0][1] - byMean.ring()[0][0];
        float medianRise = byMedian.ring()[0][1] - byMedian.ring()[0][0];
        assertTrue(meanRise > 20, "the ring's mean rises by " + meanRise);
        assertEquals(0, medianRise, 1e-3, "the ring's median rises by " + medianRise);
        // the cell's own trace is the same either way
        assertEquals(byMean.roi()[0][1], byMedian.roi()[0][1], 1e-3);
    }
}
