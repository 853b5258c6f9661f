package org.neuroseg.activity;

import java.util.Locale;
import java.util.Optional;
import org.neuroseg.roi.RoiSet;

/**
 * Whether most of what the segmentation marked fails Activity Validation while covering much of the frame: the sign of
 * a per-frame network that marks a recording's noise as cells. On simulated one-photon videos whose camera noise is
 * independent between pixels, unlike every video the shipped U-Net learned from, its candidates covered 32-61 % of the
 * frame and validation kept 7-14 % of them; on the real Neurofinder crop 35 % and 18 %; on the eight selection videos
 * (kinds it learned from) at most 8 % of the frame, and on the dense real miniscope sessions about 40 % of which
 * validation kept 85-99 % (bench/RESULTS.md, 2026-12-07).
 */
final class ValidationYield {

    /** Candidates covering more than this share of the frame are many for cells. */
    static final double LARGE_COVER = 0.2;
    /** Validation keeping less than this share of them rejects most of what was marked. */
    static final double LOW_YIELD = 0.3;

    private ValidationYield() {
    }

    /**
     * @param candidates the regions validated, on one frame's height and width
     * @param kept how many of them Activity Validation kept
     * @return a warning when the candidates cover more than {@value #LARGE_COVER} of the frame and fewer than
     *         {@value #LOW_YIELD} of them were kept; otherwise empty
     */
    static Optional<String> hint(RoiSet candidates, int kept) {
        boolean[] covered = candidates.toMask();
        long area = 0;
        for (boolean pixel : covered) {
            area += pixel ? 1 : 0;
        }
        double cover = area / (double) covered.length;
        double yield = candidates.size() == 0 ? 1 : kept / (double) candidates.size();
        if (cover <= LARGE_COVER || yield >= LOW_YIELD) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "Activity Validation kept %d of %d candidate regions, which "
                + "cover %.0f %% of the frame: most of what the segmentation marked does not fire like a cell. The "
                + "U-Net may be marking this recording's noise (for example camera noise independent between "
                + "pixels, which the shipped models did not learn from), and cells may be missed. Look at the "
                + "candidates in the overlay; training models on your recordings (neuroseg train, or the workflow "
                + "train-on-my-videos) can help.", kept, candidates.size(), 100 * cover));
    }
}
