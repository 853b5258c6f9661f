package org.neuroseg.dl;

import java.nio.file.Path;
import java.util.Random;
import org.neuroseg.roi.Roi;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.ProgressMonitor;
import org.neuroseg.synthetic.SyntheticParams;
import org.neuroseg.synthetic.SyntheticResult;
import org.neuroseg.synthetic.SyntheticVideoGenerator;
import org.neuroseg.video.PixelType;
import org.neuroseg.video.VideoStore;
import org.neuroseg.video.VideoWriter;

/**
 * Probability videos like a U-Net's, derived from synthetic ground truth: every cell, functional or silent, is seen
 * in every frame at a resting probability of {@value #REST}; a cell's probability rises towards 1 with its calcium
 * activity (its spikes convolved with a decay of {@value #DECAY_SECONDS} s); a 3 x 3 box blur softens the edges and
 * Gaussian noise of standard deviation {@value #NOISE} is added to every pixel of every frame. A single frame
 * cannot tell silent from functional cells; only their history can. The target mask holds the functional cells
 * that spiked at least once (a functional cell without spikes in the video cannot be seen to flash).
 */
public final class ProbabilityVideos {

    /** Probability of a cell at rest. */
    public static final float REST = 0.45f;
    private static final float NOISE = 0.08f;
    private static final double DECAY_SECONDS = 0.5;

    private ProbabilityVideos() {
    }

    /**
     * One generated example.
     *
     * @param probabilities float32 probability video, (T, Y, X)
     * @param mask one float32 frame: 1 inside functional cells that spiked, else 0
     * @param rois every cell
     * @param flashing per cell (index = id - 1), whether it is in the mask
     */
    public record Sample(Path probabilities, Path mask, RoiSet rois, boolean[] flashing) {
    }

    /**
     * Generates a 64 x 64 example with 14 cells, half of them silent, at 10 frames/s.
     *
     * @param folder where the files go (a sub-folder per seed)
     * @param frames T
     * @param seed seed of the cells, spikes and noise
     */
    public static Sample generate(Path folder, int frames, long seed) throws Exception {
        SyntheticParams params = SyntheticParams.epifluorescence().toBuilder().size(64, 64, frames).frameRateHz(10)
                .neuronCount(14).silentFraction(0.5).motionAmplitudePx(0).jumpProbability(0).jumpSizePx(0)
                .seed(seed).build();
        Path dir = folder.resolve("seed" + seed);
        SyntheticResult truth = SyntheticVideoGenerator.generate(params, dir, ProgressMonitor.NONE);
        int cells = truth.cells().size();
        boolean[] flashing = new boolean[cells];
        for (int i = 0; i < cells; i++) {
            flashing[i] = truth.cells().get(i).functional() && truth.cells().get(i).spikeCount() > 0;
        }
        Path mask = dir.resolve("functional_mask.nsv");
        float[] maskFrame = new float[64 * 64];
        for (Roi roi : truth.rois().rois()) {
            if (flashing[roi.id() - 1]) {
                paint(roi, 1f, maskFrame, 64);
            }
        }
        try (VideoWriter writer = VideoStore.create(mask, 64, 64, PixelType.FLOAT32, 0, null)) {
            writer.append(maskFrame);
            writer.commit();
        }
        Path probabilities = dir.resolve("probabilities.nsv");
        double gamma = Math.exp(-1 / (DECAY_SECONDS * params.frameRateHz()));
        double[] activity = new double[cells];
        Random noise = new Random(seed * 31 + 7);
        try (VideoWriter writer = VideoStore.create(probabilities, 64, 64, PixelType.FLOAT32, params.frameRateHz(),
                null)) {
            float[] frame = new float[64 * 64];
            for (int t = 0; t < frames; t++) {
                java.util.Arrays.fill(frame, 0f);
                for (Roi roi : truth.rois().rois()) {
                    int i = roi.id() - 1;
                    activity[i] = activity[i] * gamma + truth.spikes()[i][t];
                    paint(roi, (float) (REST + (1 - REST) * Math.min(1, activity[i])), frame, 64);
                }
                float[] blurred = boxBlur(frame, 64, 64);
                for (int p = 0; p < blurred.length; p++) {
                    blurred[p] = Math.min(1, Math.max(0, blurred[p] + (float) (NOISE * noise.nextGaussian())));
                }
                writer.append(blurred);
            }
            writer.commit();
        }
        return new Sample(probabilities, mask, truth.rois(), flashing);
    }

    private static void paint(Roi roi, float value, float[] frame, int width) {
        for (int k = 0; k < roi.rows().length; k++) {
            frame[roi.rows()[k] * width + roi.cols()[k]] = value;
        }
    }

    private static float[] boxBlur(float[] frame, int height, int width) {
        float[] out = new float[frame.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float sum = 0;
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < height && xx >= 0 && xx < width) {
                            sum += frame[yy * width + xx];
                            n++;
                        }
                    }
                }
                out[y * width + x] = sum / n;
            }
        }
        return out;
    }
}
