package org.neuroseg.cli;

import java.nio.file.Path;
import org.neuroseg.roi.RoiFiles;
import org.neuroseg.video.FileVideo;
import org.neuroseg.video.VideoStore;

/** How well a U-Net's probability video ranks the pixels of cells active in their frame above the background. */
final class ActiveCellAuc {

    private ActiveCellAuc() {
    }

    /**
     * @param probabilities the U-Net's output
     * @param activeLabels the generator's per-frame active-cell labels of the same video
     * @param regions every cell of the video (Neurofinder JSON), whose pixels are left out of the background
     * @return the AUC, pixels of cells active in their frame against pixels outside every cell, over every frame,
     *         from probabilities rounded to 0.01 (ties count half; 0.5 = no information)
     */
    static double of(Path probabilities, Path activeLabels, Path regions) throws Exception {
        int[] active = new int[101];
        int[] background = new int[101];
        try (FileVideo probability = VideoStore.open(probabilities); FileVideo labels = VideoStore.open(activeLabels)) {
            int height = probability.shape().height();
            int width = probability.shape().width();
            boolean[] cells = RoiFiles.read(regions, height, width).toMask();
            float[] p = new float[height * width];
            float[] label = new float[height * width];
            for (int t = 0; t < probability.shape().frames(); t++) {
                probability.readFrame(t, p);
                labels.readFrame(t, label);
                for (int i = 0; i < p.length; i++) {
                    int bin = Math.round(100 * p[i]);
                    if (label[i] > 0) {
                        active[bin]++;
                    } else if (!cells[i]) {
                        background[bin]++;
                    }
                }
            }
        }
        double wins = 0;
        long below = 0;
        long activeCount = 0;
        for (int bin = 0; bin <= 100; bin++) {
            wins += active[bin] * (below + 0.5 * background[bin]);
            below += background[bin];
            activeCount += active[bin];
        }
        return wins / ((double) activeCount * below);
    }
}
