package org.neuroseg.preprocess;

import java.util.Locale;

/**
 * How motion is estimated and corrected; the checked form of the Motion Correction stage's parameters.
 *
 * @param transform the motion model fitted to the tracked features
 * @param interpolation OpenCV interpolation flag for warping the output ({@code INTER_LINEAR} or
 *        {@code INTER_CUBIC})
 * @param smoothingSigmaPx Gaussian blur of the copy used for estimation, in pixels
 * @param backgroundSigmaPx scale of the background removed from that copy, in pixels
 * @param templateFrames frames averaged into a template
 * @param templateRefreshFrames frames between template refreshes; 0 keeps the first template
 * @param maxFeatures most features tracked
 * @param minTrackedFeatures fewest agreeing features for a Lucas-Kanade estimate; below, FFT cross-correlation
 * @param maxShiftPx largest shift along each axis, in pixels: no frame is moved further, and features are taken
 *        this far inside the edges; 0 leaves every frame in place
 * @param patchGrid patches per side for piecewise-rigid correction; 1 = one rigid transform per frame
 */
record MotionSettings(Transform transform, int interpolation, double smoothingSigmaPx, double backgroundSigmaPx,
        int templateFrames, int templateRefreshFrames, int maxFeatures, int minTrackedFeatures, int maxShiftPx,
        int patchGrid) {

    /** Motion models. */
    enum Transform {
        /** Shift only. */
        TRANSLATION,
        /** Shift and rotation. */
        RIGID,
        /** Shift, rotation and uniform scale. */
        PARTIAL_AFFINE;

        /** @return the parameter value naming this model */
        String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** @return the model named {@code key} */
        static Transform ofKey(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
