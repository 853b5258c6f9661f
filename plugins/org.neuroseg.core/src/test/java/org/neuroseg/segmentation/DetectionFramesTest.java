package org.neuroseg.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.neuroseg.NeurosegException;
import org.neuroseg.video.ArrayVideo;
import org.neuroseg.video.PixelType;

class DetectionFramesTest {

    private static final int SIDE = 3;

    @Test
    void imagesEqualTheDirectMeansOfTheirWindows() throws NeurosegException {
        ArrayVideo video = randomVideo(30);
        int[][] windows = {{3, 21}, {4, 0}, {1, 1}, {5, 2}, {2, 40}};
        for (int[] window : windows) {
            DetectionFrames images = new DetectionFrames(video, window[0], window[1]);
            float[] image = new float[SIDE * SIDE];
            for (int t = 0; t < 30; t++) {
                images.image(t, image);
                float[] expected = mean(video, t, window[0]);
                if (window[1] > 0) {
                    float[] baseline = mean(video, t, window[1]);
                    for (int i = 0; i < expected.length; i++) {
                        expected[i] -= baseline[i];
                    }
                }
                for (int i = 0; i < image.length; i++) {
                    assertEquals(expected[i], image[i], 1e-3, "windows " + window[0] + "/" + window[1] + ", frame "
                            + t + ", pixel " + i);
                }
            }
        }
    }

    @Test
    void callersOnSeveralThreadsGetTheirFramesInTurn() throws Exception {
        ArrayVideo video = randomVideo(60);
        DetectionFrames images = new DetectionFrames(video, 3, 11);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int t = 0; t < 60; t++) {
                int frame = t;
                results.add(pool.submit(() -> {
                    float[] image = new float[SIDE * SIDE];
                    images.image(frame, image);
                    return image;
                }));
            }
            DetectionFrames sequential = new DetectionFrames(video, 3, 11);
            float[] expected = new float[SIDE * SIDE];
            for (int t = 0; t < 60; t++) {
                sequential.image(t, expected);
                float[] actual = results.get(t).get();
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], actual[i], 0, "frame " + t);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Mean over the centred window [t - w/2, t - w/2 + w - 1], clipped to the video. */
    private static float[] mean(ArrayVideo video, int t, int w) throws NeurosegException {
        int first = Math.max(0, t - w / 2);
        int last = Math.min(video.shape().frames() - 1, t - w / 2 + w - 1);
        double[] sum = new double[SIDE * SIDE];
        float[] frame = new float[SIDE * SIDE];
        for (int f = first; f <= last; f++) {
            video.readFrame(f, frame);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += frame[i];
            }
        }
        float[] mean = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = (float) (sum[i] / (last - first + 1));
        }
        return mean;
    }

    private static ArrayVideo randomVideo(int frames) {
        SplittableRandom random = new SplittableRandom(7);
        float[][] data = new float[frames][SIDE * SIDE];
        for (float[] frame : data) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = (float) random.nextDouble(0, 1000);
            }
        }
        return new ArrayVideo(SIDE, SIDE, PixelType.FLOAT32, 10, data);
    }
}
