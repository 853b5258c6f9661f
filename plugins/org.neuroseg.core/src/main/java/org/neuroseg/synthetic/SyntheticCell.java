package org.neuroseg.synthetic;

/**
 * Ground truth of one synthetic cell, as in {@code cells.csv}.
 *
 * @param id the ROI id, from 1; also the cell's value in the label image
 * @param functional true when the cell may spike; false for silent cells (present, never spiking)
 * @param centroidRow row (Y) of the footprint's ellipse centre in the motion-free field of view, pixels
 * @param centroidCol column (X) of the ellipse centre, pixels
 * @param radiusPx semi-major axis of the soma, pixels
 * @param spikeCount spikes in the whole video (a functional cell may by chance have none in a short video)
 * @param visibleFrames frames in which its transient stands above the noise
 *        ({@link SyntheticVideoGenerator#ACTIVE_SNR}); a functional cell whose transients all stay below it cannot be
 *        found in the video by any method
 * @param snrPerDff signal-to-noise ratio of the camera counts summed over its region, per unit ΔF/F (in units of an
 *        average cell's resting fluorescence, as in {@code traces.csv})
 */
public record SyntheticCell(int id, boolean functional, double centroidRow, double centroidCol, double radiusPx,
        int spikeCount, int visibleFrames, double snrPerDff) {
}
