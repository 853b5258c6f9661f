package org.neuroseg.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistanceTransformTest {

    @Test
    void squaredDistancesMatchBruteForce() {
        int height = 37;
        int width = 29;
        boolean[] features = new boolean[height * width];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < features.length; i++) {
            features[i] = random.nextDouble() < 0.02;
        }
        float[] squared = DistanceTransform.squaredDistanceTo(features, height, width);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int best = Integer.MAX_VALUE;
                for (int i = 0; i < features.length; i++) {
                    if (features[i]) {
                        int dy = i / width - y;
                        int dx = i % width - x;
                        best = Math.min(best, dy * dy + dx * dx);
                    }
                }
                assertEquals(best, squared[y * width + x], 1e-3, "pixel " + y + ", " + x);
            }
        }
    }

    @Test
    void noFeaturesGiveInfinity() {
        float[] squared = DistanceTransform.squaredDistanceTo(new boolean[12], 3, 4);
        for (float value : squared) {
            assertTrue(Float.isInfinite(value));
        }
    }

    @Test
    void distanceInsideADiskPeaksAtItsRadius() {
        int side = 41;
        boolean[] disk = Morphology.drawDisk(new boolean[side * side], side, side, 20, 20, 10);
        float[] inside = DistanceTransform.distanceInside(disk, side, side);
        // the nearest outside pixels are offset by (10, 1): the disk holds offsets with dy² + dx² <= 100
        assertEquals(Math.sqrt(101), inside[20 * side + 20], 1e-4);
        assertEquals(1, inside[20 * side + 10], 1e-6);
        assertEquals(0, inside[0], 0);
    }
}
