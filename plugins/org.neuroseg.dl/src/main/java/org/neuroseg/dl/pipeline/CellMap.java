package org.neuroseg.dl.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.neuroseg.NeurosegException;
import org.neuroseg.segmentation.ActiveCellTrackingStage;

/** How the pipeline turns the U-Net's per-frame masks of active cells into the candidate cells. */
public enum CellMap {

    /**
     * The cells the U-Net marks active, followed from frame to frame ({@link ActiveCellTrackingStage}, as SUNS merges
     * its per-frame masks): each cell is where it was active in at least half of its frames, and it is a candidate
     * when active in at least two frames. Neighbouring cells rarely fire together, so they stay apart
     * where a map of all frames merges them: on the dense real miniscope session 8-3-17 this found 70 % of the
     * labelled cells before Activity Validation, against 37 % for a watershed of the map of active frames
     * (bench/RESULTS.md). A count of frames, not a share: a cell that fires once is as visible in a long recording
     * as in a short one. The map written beside the results is the number of frames in which each pixel is active
     * (the sum of its probabilities), scaled by {@link #activeFrames}.
     */
    ACTIVE_FRAMES,
    /**
     * The paper's: the CGRU reads the U-Net's probabilities frame by frame and gives one probability image, which
     * Morphological Refinement cuts into candidates.
     */
    CGRU;

    /** The active frames at which the scaled map is 0.5. */
    static final double HALF_FRAMES = 2;

    /** @return the command-line and settings name: active-frames, cgru */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the map named {@code key} */
    public static CellMap ofKey(String key) throws NeurosegException {
        for (CellMap map : values()) {
            if (map.key().equals(key)) {
                return map;
            }
        }
        throw new NeurosegException("Unknown cell map '" + key + "'; expected one of "
                + Arrays.stream(values()).map(CellMap::key).collect(Collectors.joining(", ")));
    }

    /**
     * @param frames the frames in which a pixel is active (the sum of its probabilities), at least 0
     * @return frames / (frames + {@link #HALF_FRAMES}): 0 for never, 0.5 at {@link #HALF_FRAMES}, towards 1 for
     *         many
     */
    static float activeFrames(double frames) {
        return (float) (frames / (frames + HALF_FRAMES));
    }
}
