package org.neuroseg.imaging;

/**
 * Gaussian smoothing of images and signals with a sampled, normalised kernel truncated at 3 sigma, edges mirrored
 * (the sample beyond the edge repeats the one inside: {@code ... b a | a b ...}). Images are filtered separably, rows
 * then columns, with inner loops over contiguous pixels so the JIT vectorises them.
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

    /**
     * Blurs an image into {@code target}.
     *
     * @param image height x width pixels, row-major; not changed
     * @param target receives the blurred image; may not be {@code image}
     * @param scratch a buffer of (height + 2 radius) x (width + 2 radius) floats or more, where radius =
     *        {@code halfKernel(sigma).length - 1}; see {@link #scratchSize}
     */
    public static void blur(float[] image, int height, int width, double sigma, float[] target, float[] scratch) {
        float[] kernel = halfKernel(sigma);
        int radius = kernel.length - 1;
        if (scratch.length < scratchSize(height, width, sigma)) {
            throw new IllegalArgumentException("scratch holds " + scratch.length + " floats, needs "
                    + scratchSize(height, width, sigma));
        }
        if (image == target) {
            throw new IllegalArgumentException("blur cannot work in place");
        }
        // Rows: copy each mirrored row into the scratch line, filter into target.
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = -radius; x < width + radius; x++) {
                scratch[x + radius] = image[row + mirror(x, width)];
            }
            filterLine(scratch, radius, kernel, target, row, width);
        }
        // Columns: lay out mirrored rows of the row-filtered image one after another, then filter whole rows at once.
        for (int y = -radius; y < height + radius; y++) {
            System.arraycopy(target, mirror(y, height) * width, scratch, (y + radius) * width, width);
        }
        for (int y = 0; y < height; y++) {
            int out = y * width;
            int centre = (y + radius) * width;
            float k0 = kernel[0];
            for (int x = 0; x < width; x++) {
                target[out + x] = k0 * scratch[centre + x];
            }
            for (int k = 1; k <= radius; k++) {
                float weight = kernel[k];
                int above = centre - k * width;
                int below = centre + k * width;
                for (int x = 0; x < width; x++) {
                    target[out + x] += weight * (scratch[above + x] + scratch[below + x]);
                }
            }
        }
    }

    /** @return the scratch length {@link #blur} needs for this image size and sigma */
    public static int scratchSize(int height, int width, double sigma) {
        int radius = halfKernel(sigma).length - 1;
        return Math.max((height + 2 * radius) * width, width + 2 * radius);
    }

    private static void filterLine(float[] padded, int radius, float[] kernel, float[] target, int offset,
            int width) {
        float k0 = kernel[0];
        for (int x = 0; x < width; x++) {
            target[offset + x] = k0 * padded[x + radius];
        }
        for (int k = 1; k <= radius; k++) {
            float weight = kernel[k];
            int left = radius - k;
            int right = radius + k;
            for (int x = 0; x < width; x++) {
                target[offset + x] += weight * (padded[left + x] + padded[right + x]);
            }
        }
    }

    /** @return index {@code i} reflected into [0, n): -1 → 0, -2 → 1, n → n - 1 (repeated for far indices) */
    static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }
}
