package org.neuroseg.dl.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.neuroseg.NeurosegException;
import org.neuroseg.segmentation.RefinementStage;
import org.neuroseg.stage.Parameters;

/**
 * How the pipeline turns the U-Net's per-frame masks of active cells into one map of the cells that fire, which
 * Morphological Refinement cuts into candidates.
 */
public enum CellMap {

    /**
     * The number of frames in which the U-Net marks each pixel as active (the sum of its probabilities over time),
     * as SUNS merges its per-frame masks. Scaled by {@link #activeFrames} so that Refinement's probability threshold
     * 0.5 means "active in {@link #HALF_FRAMES} frames"; touching cells keep a peak each in this map, so Refinement
     * splits them by the image. On the labelled real recordings this map finds 3-10 times more of the labelled cells
     * than the CGRU's (bench/RESULTS.md). A count, not a share of the frames: a cell that fires once is as visible
     * in a long recording as in a short one (with a share of 0.3 %, the pipeline found 44 % of the visibly firing
     * cells of a 3600-frame synthetic video, and 92 % with two frames at unchanged precision).
     */
    ACTIVE_FRAMES,
    /** The paper's: the CGRU reads the U-Net's probabilities frame by frame and gives one probability image. */
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

    /** @return Refinement's parameters for this map: the active-frames map is split by its own peaks */
    Parameters refinement(Parameters parameters) {
        return this == ACTIVE_FRAMES ? parameters.with(RefinementStage.SPLIT_BY.key(), RefinementStage.BY_IMAGE)
                : parameters;
    }
}
