package org.neuroseg.metrics;

import org.neuroseg.stage.MotionShifts;

/**
 * How far estimated motion is from the true motion of a synthetic video. Motion correction registers frames to a
 * template whose position (the mean position of its first frames) is unknown to it, so estimates and truth differ
 * by one constant offset; the errors are measured after removing that offset.
 *
 * @param offsetX mean of estimated minus true dx, in pixels
 * @param offsetY mean of estimated minus true dy, in pixels
 * @param rms root mean square of the remaining error vector over all frames, in pixels
 * @param max largest remaining error of a frame, in pixels
 * @param drift distance between the mean remaining error of the first and of the last tenth of the frames, in
 *        pixels: how much the error wandered along the video
 */
public record ShiftErrors(double offsetX, double offsetY, double rms, double max, double drift) {

    /**
     * @param estimated the estimate
     * @param truth per frame {dx, dy} with the same sign convention (as the synthetic generator gives them)
     * @throws IllegalArgumentException when the frame counts differ or there are no frames
     */
    public static ShiftErrors of(MotionShifts estimated, double[][] truth) {
        int frames = estimated.frames();
        if (frames != truth.length || frames == 0) {
            throw new IllegalArgumentException("estimated shifts cover " + frames + " frames, true ones "
                    + truth.length);
        }
        double offsetX = 0;
        double offsetY = 0;
        for (int t = 0; t < frames; t++) {
            offsetX += estimated.dx()[t] - truth[t][0];
            offsetY += estimated.dy()[t] - truth[t][1];
        }
        offsetX /= frames;
        offsetY /= frames;
        double squares = 0;
        double max = 0;
        double[] ex = new double[frames];
        double[] ey = new double[frames];
        for (int t = 0; t < frames; t++) {
            ex[t] = estimated.dx()[t] - truth[t][0] - offsetX;
            ey[t] = estimated.dy()[t] - truth[t][1] - offsetY;
            squares += ex[t] * ex[t] + ey[t] * ey[t];
            max = Math.max(max, Math.hypot(ex[t], ey[t]));
        }
        int tenth = Math.max(1, frames / 10);
        double drift = Math.hypot(mean(ex, frames - tenth, frames) - mean(ex, 0, tenth),
                mean(ey, frames - tenth, frames) - mean(ey, 0, tenth));
        return new ShiftErrors(offsetX, offsetY, Math.sqrt(squares / frames), max, drift);
    }

    /**
     * Pearson correlation of two images, ignoring a border of {@code margin} pixels (where shifted frames were
     * filled by replicating edges).
     *
     * @param a height x width, row-major
     * @param b the same size
     */
    public static double meanImageCorrelation(float[] a, float[] b, int height, int width, int margin) {
        double sa = 0;
        double sb = 0;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        int n = 0;
        for (int y = margin; y < height - margin; y++) {
            for (int x = margin; x < width - margin; x++) {
                double va = a[y * width + x];
                double vb = b[y * width + x];
                sa += va;
                sb += vb;
                saa += va * va;
                sbb += vb * vb;
                sab += va * vb;
                n++;
            }
        }
        double cov = sab / n - sa / n * sb / n;
        double varA = saa / n - sa / n * sa / n;
        double varB = sbb / n - sb / n * sb / n;
        return varA > 0 && varB > 0 ? cov / Math.sqrt(varA * varB) : 0;
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
