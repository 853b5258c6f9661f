package org.neuroseg.dl.pipeline;

import java.nio.file.Path;
import java.util.Objects;
import org.neuroseg.NeurosegException;
import org.neuroseg.metrics.ShiftErrors;
import org.neuroseg.roi.RoiFiles;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.stage.MotionShifts;
import org.neuroseg.synthetic.TrueShifts;

/**
 * The true neurons a run is scored against. The pipeline's results lie in the coordinates of the motion-corrected
 * video, that is of the motion template (the mean position of the first frames), wherever the preparation was
 * then. A synthetic video's ground truth lies in the coordinates of its motion-free scene instead; given the true
 * shifts, the ground truth is moved into the template's coordinates by the mean difference between the estimated
 * and the true shifts ({@link ShiftErrors#offsetX()}, {@link ShiftErrors#offsetY()}), rounded to whole pixels.
 *
 * @param rois label image, Neurofinder regions JSON or ImageJ RoiSet ({@link RoiFiles})
 * @param trueShifts the generator's shifts table ({@link TrueShifts}), or null to score the ROIs where they are
 */
public record GroundTruth(Path rois, Path trueShifts) {

    /** Checks that the ROI file is given. */
    public GroundTruth {
        if (rois == null) {
            throw new NullPointerException("the ground-truth ROI file is required");
        }
    }

    /**
     * The true neurons in the coordinates of the corrected video.
     *
     * @param rois the neurons, moved
     * @param rowsMoved rows they were moved by (down when positive)
     * @param columnsMoved columns they were moved by (right when positive)
     */
    record Aligned(RoiSet rois, int rowsMoved, int columnsMoved) {
    }

    /**
     * Reads both files, so that a bad one fails before the long work.
     *
     * @throws NeurosegException naming a file that cannot be read, or when the true shifts cover another number of
     *         frames than {@code frames}
     */
    void check(int frames, int height, int width) throws NeurosegException {
        RoiFiles.read(rois, height, width);
        if (trueShifts != null && TrueShifts.read(trueShifts).length != frames) {
            throw new NeurosegException(trueShifts + " holds the shifts of " + TrueShifts.read(trueShifts).length
                    + " frames but the video has " + frames);
        }
    }

    /**
     * @param estimated the shifts motion correction estimated
     * @return the true neurons in the coordinates of the corrected video
     * @throws NeurosegException naming a file that cannot be read
     */
    Aligned read(int height, int width, MotionShifts estimated) throws NeurosegException {
        RoiSet truth = RoiFiles.read(rois, height, width);
        if (trueShifts == null) {
            return new Aligned(truth, 0, 0);
        }
        ShiftErrors errors = ShiftErrors.of(estimated, TrueShifts.read(trueShifts));
        // A feature at X of the scene appears in a frame at X + true shift, and so does the feature at X' of the
        // template at X' + estimated shift: X' = X - (estimated - true shift).
        int rows = (int) -Math.round(errors.offsetY());
        int columns = (int) -Math.round(errors.offsetX());
        return new Aligned(new RoiSet(height, width, truth.rois().stream()
                .map(roi -> roi.shifted(rows, columns, height, width)).filter(Objects::nonNull).toList()), rows,
                columns);
    }
}
