package org.neuroseg.segmentation;

import java.util.Locale;
import java.util.Optional;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.video.RecordingInfo;

/**
 * Tells the user when the cell diameter was assumed and the cells found are clearly of another size: the sizes left
 * at auto (areas, radii, background scales) derive from the diameter, so a wrong guess costs accuracy, and the cells
 * found are the best evidence a user has of the right one. The hint only informs; nothing is changed by it.
 */
public final class CellSizeHint {

    /**
     * Cells found this much larger or smaller than assumed (as a ratio of diameters) earn a hint. Small one-photon
     * cells read up to 1.3 times larger than they are (the demo's 8.5 px cells: 10.4 px), so a smaller ratio would
     * cry wolf.
     */
    private static final double TOLERANCE = 1.5;

    private CellSizeHint() {
    }

    /**
     * @param recording what is known of the recording; its cell diameter is 0 when none was recorded or given
     * @param cells the cells found
     * @param howToSetIt where the user gives the diameter, e.g. the option's name
     * @return when the cell diameter was assumed and the cells' median diameter ({@link RoiSet#medianDiameterPx()})
     *         is more than 1.5 times larger or smaller, a hint to set it; otherwise empty
     */
    public static Optional<String> of(RecordingInfo recording, RoiSet cells, String howToSetIt) {
        double found = cells.medianDiameterPx();
        double assumed = recording.cellDiameterPxOrDefault();
        if (recording.cellDiameterPx() > 0 || !(found > TOLERANCE * assumed || found < assumed / TOLERANCE)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "The cell diameter was assumed to be %.0f px (the video records "
                + "none), but the cells found measure %.1f px across (median, as disks of their area): if your cells "
                + "are about that size, give their diameter (%s) and run again.", assumed, found, howToSetIt));
    }
}
