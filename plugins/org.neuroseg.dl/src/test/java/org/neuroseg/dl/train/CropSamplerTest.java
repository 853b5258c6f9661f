package org.neuroseg.dl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;

/** Crops over labelled pixels: what a frame with one small active cell needs to be learned from at all. */
class CropSamplerTest {

    private static final int SIDE = 128;
    private static final int CROP = 32;
    private static final int CROPS = 200;

    @Test
    void cropsOnCellsHoldTheOnlyCellAndRandomCropsMostlyMissIt() throws Exception {
        float[] frame = new float[SIDE * SIDE];
        float[] label = new float[SIDE * SIDE];
        for (int y = 100; y < 104; y++) {
            for (int x = 10; x < 14; x++) {
                label[y * SIDE + x] = 1;
                frame[y * SIDE + x] = 5;
            }
        }
        LabeledVideo pair = new LabeledVideo("one cell", new ArrayVideo(SIDE, SIDE, PixelType.FLOAT32, 10, frame),
                new ArrayVideo(SIDE, SIDE, PixelType.FLOAT32, 10, label));
        assertEquals(CROPS, cropsWithCell(pair, 1.0), "every crop placed on a cell holds it");
        int anywhere = cropsWithCell(pair, 0);
        assertTrue(anywhere < CROPS / 4, anywhere + " of " + CROPS + " crops anywhere hold the cell");
        int half = cropsWithCell(pair, 0.5);
        assertTrue(half > CROPS / 2 && half < CROPS, half + " of " + CROPS + " crops with a share of 0.5");
    }

    private static int cropsWithCell(LabeledVideo pair, double share) throws Exception {
        CropSampler sampler = new CropSampler(List.of(pair), CROP, share);
        List<FrameSplit.FrameRef> frames = Collections.nCopies(CROPS, new FrameSplit.FrameRef(0, 0));
        float[] labels = sampler.sample(frames, new Random(3), true).labels();
        int holding = 0;
        for (int crop = 0; crop < CROPS; crop++) {
            double sum = 0;
            for (int i = 0; i < CROP * CROP; i++) {
                sum += labels[crop * CROP * CROP + i];
            }
            holding += sum > 0 ? 1 : 0;
        }
        return holding;
    }
}
