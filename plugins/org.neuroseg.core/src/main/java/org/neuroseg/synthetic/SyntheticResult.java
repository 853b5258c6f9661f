package org.neuroseg.synthetic;

import java.nio.file.Path;
import java.util.List;
import org.neuroseg.roi.RoiSet;

/**
 * What {@link SyntheticVideoGenerator#generate} wrote and the ground truth it used, so callers need not read the
 * files back. Cell {@code i} (0-based) of the lists and arrays has ROI id {@code i + 1}. The arrays are the
 * generator's own, not copies.
 *
 * @param videoFile {@code video.nsv}: the uint16 video, (T, Y, X)
 * @param labelsFile {@code ground_truth_labels.nsv}: one uint16 frame, each cell's pixels set to its id
 * @param regionsFile {@code regions.json}: all cells, Neurofinder format
 * @param functionalRegionsFile {@code functional_regions.json}: functional cells only, Neurofinder format
 * @param firingRegionsFile {@code firing_regions.json}: the functional cells that fire visibly, at least one
 *        transient above the camera noise, Neurofinder format: the functional cells a method can find
 * @param cellsFile {@code cells.csv}: one line per cell
 * @param spikesFile {@code spikes.csv}: spike counts, cells x frames
 * @param tracesFile {@code traces.csv}: noise-free ΔF/F, cells x frames
 * @param shiftsFile {@code shifts.csv}: the shift of each frame
 * @param rois every cell's region (pixels where its footprint is at least half strength) in the motion-free field
 *        of view
 * @param cells every cell's ground truth, in id order
 * @param spikes spike counts, cells x frames
 * @param shifts per frame {dx, dy} in pixels: a feature at (x, y) of the motion-free scene appears at
 *        (x + dx, y + dy) in the frame (x = column, y = row)
 * @param dff noise-free ΔF/F, cells x frames, in units of an average cell's resting fluorescence
 */
public record SyntheticResult(Path videoFile, Path labelsFile, Path regionsFile, Path functionalRegionsFile,
        Path firingRegionsFile, Path cellsFile, Path spikesFile, Path tracesFile, Path shiftsFile, RoiSet rois,
        List<SyntheticCell> cells, int[][] spikes, double[][] shifts, float[][] dff) {

    /** @return per cell (index = id - 1), true when it is functional */
    public boolean[] functional() {
        boolean[] flags = new boolean[cells.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = cells.get(i).functional();
        }
        return flags;
    }

    /** @return the ROIs of the functional cells only */
    public RoiSet functionalRois() {
        boolean[] flags = functional();
        return new RoiSet(rois.height(), rois.width(),
                rois.rois().stream().filter(roi -> flags[roi.id() - 1]).toList());
    }

    /** @return the ROIs of the functional cells with at least one visible transient */
    public RoiSet firingRois() {
        return new RoiSet(rois.height(), rois.width(), rois.rois().stream()
                .filter(roi -> cells.get(roi.id() - 1).visibleFrames() > 0).toList());
    }
}
