package org.neuroseg.imaging;

/**
 * Gaussian smoothing of 1-D signals with a sampled, normalised kernel truncated at 3 sigma, edges mirrored (the
 * sample beyond the edge repeats the one inside: {@code ... b a | a b ...}). Images are filtered with the same
 * kernel and edges by {@link GaussianFilter}.
 */
public final class Gaussian {

    private static final double TRUNCATE_SIGMAS = 3;

    private Gaussian() {
    }

    /**
     * @param sigma standard deviation in samples, at least 0 (0 gives the identity kernel {1})
     * @return the kernel's centre and right half: {@code k[0]} at offset 0, {@code k[i]} at offsets ±i; the full
     *         kernel sums to 1
     */
    public static float[] halfKernel(double sigma) {
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("sigma must be at least 0, got " + sigma);
        }
        int radius = (int) Math.ceil(TRUNCATE_SIGMAS * sigma);
        double[] weights = new double[radius + 1];
        double sum = 0;
        for (int i = 0; i <= radius; i++) {
            weights[i] = sigma == 0 ? 1 : Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += i == 0 ? weights[i] : 2 * weights[i];
        }
        float[] kernel = new float[radius + 1];
        for (int i = 0; i <= radius; i++) {
            kernel[i] = (float) (weights[i] / sum);
        }
        return kernel;
    }

    /**
     * Smooths a 1-D signal.
     *
     * @param signal samples, not changed
     * @param sigma standard deviation in samples, at least 0
     * @return a new array of the same length
     */
    public static float[] smooth(float[] signal, double sigma) {
        float[] kernel = halfKernel(sigma);
        int n = signal.length;
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            float sum = kernel[0] * signal[i];
            for (int k = 1; k < kernel.length; k++) {
                sum += kernel[k] * (signal[mirror(i - k, n)] + signal[mirror(i + k, n)]);
            }
            out[i] = sum;
        }
        return out;
    }

    /**
     * Smooths a small image, rows then columns, with the same kernel and mirrored edges as {@link #smooth(float[],
     * double)} (and {@link GaussianFilter}, without loading OpenCV: for patches of a few hundred pixels).
     *
     * @param image height x width, row-major, not changed
     * @param sigma standard deviation in pixels, at least 0
     * @return a new array of the same size
     */
    public static float[] smooth(float[] image, int height, int width, double sigma) {
        float[] out = new float[image.length];
        float[] line = new float[width];
        for (int r = 0; r < height; r++) {
            System.arraycopy(image, r * width, line, 0, width);
            System.arraycopy(smooth(line, sigma), 0, out, r * width, width);
        }
        float[] column = new float[height];
        for (int c = 0; c < width; c++) {
            for (int r = 0; r < height; r++) {
                column[r] = out[r * width + c];
            }
            float[] smoothed = smooth(column, sigma);
            for (int r = 0; r < height; r++) {
                out[r * width + c] = smoothed[r];
            }
        }
        return out;
    }

    /**
     * Difference of Gaussians of a 1-D signal: {@code smooth(signal, sigmaNarrow) - smooth(signal, sigmaWide)}, a
     * band-pass that keeps features lasting about {@code sigmaNarrow} to {@code sigmaWide} samples.
     *
     * @return a new array of the same length
     */
    public static float[] differenceOfGaussians(float[] signal, double sigmaNarrow, double sigmaWide) {
        float[] narrow = smooth(signal, sigmaNarrow);
        float[] wide = smooth(signal, sigmaWide);
        for (int i = 0; i < narrow.length; i++) {
            narrow[i] -= wide[i];
        }
        return narrow;
    }

    /** @return index {@code i} reflected into [0, n): -1 → 0, -2 → 1, n → n - 1 (repeated for far indices) */
    public static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }
}
