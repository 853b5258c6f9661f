package org.neuroseg.dl.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Which frames train, validate and test the network. With at least three videos the split is by video (test
 * frames come from videos never seen in training, as in the paper): videos are shuffled and the validation and test
 * shares of the videos (at least one each) are set aside. With fewer videos each video is split in time instead:
 * its last frames are the test frames, the ones before them the validation frames, so neighbouring, nearly identical
 * frames do not land on both sides. Then {@code sampleFrames} frames are drawn without replacement (all frames when
 * there are fewer), each part getting its share.
 *
 * @param train frames for training
 * @param validation frames for early stopping
 * @param test frames for the final score
 */
record FrameSplit(List<FrameRef> train, List<FrameRef> validation, List<FrameRef> test) {

    /** One frame of one video of the training data. */
    record FrameRef(int video, int frame) {
    }

    static FrameSplit of(int[] frameCounts, UNetTrainingConfig config) {
        Random random = new Random(config.seed());
        List<List<FrameRef>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        if (frameCounts.length >= 3) {
            List<Integer> videos = new ArrayList<>();
            for (int v = 0; v < frameCounts.length; v++) {
                videos.add(v);
            }
            Collections.shuffle(videos, random);
            int test = Math.max(1, (int) Math.round(config.testFraction() * videos.size()));
            int validation = Math.max(1, (int) Math.round(config.validationFraction() * videos.size()));
            for (int i = 0; i < videos.size(); i++) {
                int part = i < test ? 2 : i < test + validation ? 1 : 0;
                addFrames(parts.get(part), videos.get(i), 0, frameCounts[videos.get(i)]);
            }
        } else {
            for (int v = 0; v < frameCounts.length; v++) {
                int n = frameCounts[v];
                int testStart = n - Math.max(1, (int) Math.round(config.testFraction() * n));
                int validationStart = testStart - Math.max(1, (int) Math.round(config.validationFraction() * n));
                if (validationStart < 1) {
                    throw new IllegalArgumentException("video " + (v + 1) + " has " + n + " frames: too few to "
                            + "split into training, validation and test");
                }
                addFrames(parts.get(0), v, 0, validationStart);
                addFrames(parts.get(1), v, validationStart, testStart);
                addFrames(parts.get(2), v, testStart, n);
            }
        }
        long total = parts.stream().mapToLong(List::size).sum();
        double keep = Math.min(1, config.sampleFrames() / (double) total);
        return new FrameSplit(sample(parts.get(0), keep, random), sample(parts.get(1), keep, random),
                sample(parts.get(2), keep, random));
    }

    private static void addFrames(List<FrameRef> part, int video, int from, int to) {
        for (int t = from; t < to; t++) {
            part.add(new FrameRef(video, t));
        }
    }

    private static List<FrameRef> sample(List<FrameRef> frames, double keep, Random random) {
        List<FrameRef> shuffled = new ArrayList<>(frames);
        Collections.shuffle(shuffled, random);
        int count = Math.max(1, (int) Math.round(keep * frames.size()));
        return List.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
    }
}
