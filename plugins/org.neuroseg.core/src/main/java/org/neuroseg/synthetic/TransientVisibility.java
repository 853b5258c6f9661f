package org.neuroseg.synthetic;

import java.util.Arrays;
import java.util.List;
import org.neuroseg.imaging.Gaussian;
import org.neuroseg.roi.Roi;

/**
 * How clearly each cell's transients stand out in the recorded video: the signal-to-noise ratio, per unit ΔF/F, of
 * the camera counts summed over the cell's region (what a method that reads the cell's trace sees). The signal is
 * the footprint's weights (dim nucleus, soft edge) under the local illumination (vignetting, vessel shadows); the
 * noise is the camera's at rest at those pixels (shot noise of the local background, out-of-focus light and the cell
 * itself, read noise), including its spread to neighbouring pixels, which makes the noise of a sum grow faster than
 * the square root of its pixels. Motion is left out: it moves a cell by a pixel or two, not its brightness.
 */
final class TransientVisibility {

    private TransientVisibility() {
    }

    /**
     * @param footprints the cells, in id order
     * @param background the video's background, read at frame 0 as the resting level
     * @return per cell (index = id - 1), the signal-to-noise ratio of its region's summed counts per unit ΔF/F
     */
    static double[] snrPerDff(SyntheticParams params, List<Footprint> footprints, Background background) {
        int width = params.width();
        int height = params.height();
        float[] photons = new float[width * height];
        background.fill(0, photons);
        for (Footprint cell : footprints) {
            float resting = (float) (params.cellPhotons() * cell.brightness());
            for (int p = 0; p < cell.pixels().length; p++) {
                photons[cell.pixels()[p]] += resting * cell.weights()[p];
            }
        }
        float[] light = new float[width * height];
        Arrays.fill(light, 1f);
        background.shade(light);
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                light[row * width + col] *= background.illumination(row, col);
            }
        }
        double gain = params.cameraGain();
        double readVariance = params.readNoise() * params.readNoise();
        double[] correlation = noiseCorrelation(params.noiseCorrelationPx());
        double[] snr = new double[footprints.size()];
        for (int i = 0; i < snr.length; i++) {
            Footprint cell = footprints.get(i);
            Roi roi = cell.roi();
            Patch patch = new Patch(cell, width);
            double[] noise = new double[roi.area()];
            double signal = 0;
            for (int k = 0; k < noise.length; k++) {
                int p = roi.rows()[k] * width + roi.cols()[k];
                signal += gain * params.cellPhotons() * patch.weight(roi.rows()[k], roi.cols()[k]) * light[p];
                double shot = params.shotNoise() ? gain * gain * photons[p] * light[p] : 0;
                noise[k] = Math.sqrt(shot + readVariance);
            }
            snr[i] = signal / Math.sqrt(patch.sumVariance(roi, noise, correlation));
        }
        return snr;
    }

    /**
     * The correlation of the camera noise between two pixels {@code d} apart along one axis: the noise is blurred by
     * a separable Gaussian and rescaled, so it is the kernel's autocorrelation over its energy.
     *
     * @return correlation at offsets 0, 1, ...; just {1} for independent pixels
     */
    private static double[] noiseCorrelation(double sigmaPx) {
        if (sigmaPx <= 0) {
            return new double[] {1};
        }
        float[] half = Gaussian.halfKernel(sigmaPx);
        int reach = half.length - 1;
        double[] correlation = new double[2 * reach + 1];
        for (int d = 0; d < correlation.length; d++) {
            for (int k = -reach; k <= reach; k++) {
                int other = k + d;
                if (Math.abs(other) <= reach) {
                    correlation[d] += half[Math.abs(k)] * half[Math.abs(other)];
                }
            }
        }
        double energy = correlation[0];
        for (int d = 0; d < correlation.length; d++) {
            correlation[d] /= energy;
        }
        return correlation;
    }

    /** A cell's footprint on a small grid around it: its weights and where its region's pixels are. */
    private static final class Patch {
        private final int top;
        private final int left;
        private final int side;
        private final float[] weights;
        /** Index + 1 of each region pixel in the region's lists, 0 outside the region. */
        private final int[] regionIndex;

        Patch(Footprint cell, int width) {
            int[] pixels = cell.pixels();
            int minRow = Integer.MAX_VALUE;
            int minCol = Integer.MAX_VALUE;
            int maxRow = Integer.MIN_VALUE;
            int maxCol = Integer.MIN_VALUE;
            for (int p : pixels) {
                minRow = Math.min(minRow, Math.floorDiv(p, width));
                maxRow = Math.max(maxRow, Math.floorDiv(p, width));
                minCol = Math.min(minCol, Math.floorMod(p, width));
                maxCol = Math.max(maxCol, Math.floorMod(p, width));
            }
            Roi roi = cell.roi();
            for (int k = 0; k < roi.area(); k++) {
                minRow = Math.min(minRow, roi.rows()[k]);
                maxRow = Math.max(maxRow, roi.rows()[k]);
                minCol = Math.min(minCol, roi.cols()[k]);
                maxCol = Math.max(maxCol, roi.cols()[k]);
            }
            top = minRow;
            left = minCol;
            side = Math.max(maxRow - minRow, maxCol - minCol) + 1;
            weights = new float[side * side];
            for (int p = 0; p < pixels.length; p++) {
                weights[(Math.floorDiv(pixels[p], width) - top) * side + Math.floorMod(pixels[p], width) - left] =
                        cell.weights()[p];
            }
            regionIndex = new int[side * side];
            for (int k = 0; k < roi.area(); k++) {
                regionIndex[(roi.rows()[k] - top) * side + roi.cols()[k] - left] = k + 1;
            }
        }

        float weight(int row, int col) {
            return weights[(row - top) * side + col - left];
        }

        /** Variance of the sum over the region, with per-pixel noise {@code noise} and the given correlation. */
        double sumVariance(Roi roi, double[] noise, double[] correlation) {
            int reach = correlation.length - 1;
            double variance = 0;
            for (int a = 0; a < roi.area(); a++) {
                int row = roi.rows()[a] - top;
                int col = roi.cols()[a] - left;
                for (int r = Math.max(0, row - reach); r <= Math.min(side - 1, row + reach); r++) {
                    for (int c = Math.max(0, col - reach); c <= Math.min(side - 1, col + reach); c++) {
                        int b = regionIndex[r * side + c] - 1;
                        if (b >= 0) {
                            variance += noise[a] * noise[b] * correlation[Math.abs(r - row)]
                                    * correlation[Math.abs(c - col)];
                        }
                    }
                }
            }
            return variance;
        }
    }
}
