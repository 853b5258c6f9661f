package org.neuroseg.stage;

/**
 * The motion estimated for each frame of a video, the shifts table of motion correction. Arrays are indexed by
 * frame, all of the same length. Sign convention: a feature at (x, y) of the reference appears at (x + dx, y + dy)
 * in the frame (x = column, y = row); correcting moves it back.
 *
 * @param dx horizontal shift in pixels
 * @param dy vertical shift in pixels
 * @param rotationDegrees rotation about the frame centre, counter-clockwise, in degrees (0 for translation only)
 * @param trackedFeatures features tracked to estimate the frame's motion (0 where a fallback estimated it)
 * @param correlationBefore Pearson correlation of the uncorrected frame with the reference template, [-1, 1]
 * @param correlationAfter the same for the corrected frame
 */
public record MotionShifts(double[] dx, double[] dy, double[] rotationDegrees, int[] trackedFeatures,
        double[] correlationBefore, double[] correlationAfter) {

    /** Checks that every array has one entry per frame. */
    public MotionShifts {
        int frames = dx.length;
        if (dy.length != frames || rotationDegrees.length != frames || trackedFeatures.length != frames
                || correlationBefore.length != frames || correlationAfter.length != frames) {
            throw new IllegalArgumentException("every column of a shifts table needs one entry per frame");
        }
    }

    /** @return number of frames */
    public int frames() {
        return dx.length;
    }
}
