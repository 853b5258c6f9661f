package org.neuroseg.imaging;

/**
 * Exact squared Euclidean distance transform in linear time, after P. F. Felzenszwalb and D. P. Huttenlocher,
 * "Distance Transforms of Sampled Functions", Theory of Computing 8, 2012: a 1-D lower envelope of parabolas per
 * column, then per row.
 */
public final class DistanceTransform {

    /** Stands for "no feature pixel in reach"; large but far from overflow when added to squared distances. */
    private static final float INFINITY = 1e20f;

    private DistanceTransform() {
    }

    /**
     * @param features height x width, row-major; true marks the pixels distances are measured to
     * @return for each pixel the squared Euclidean distance (in px²) to the nearest feature pixel, 0 on features;
     *         when there is no feature pixel at all, every value is {@link Float#POSITIVE_INFINITY}
     */
    public static float[] squaredDistanceTo(boolean[] features, int height, int width) {
        if (features.length != height * width) {
            throw new IllegalArgumentException("mask has " + features.length + " pixels, expected " + height + " x "
                    + width);
        }
        float[] grid = new float[features.length];
        boolean any = false;
        for (int i = 0; i < grid.length; i++) {
            grid[i] = features[i] ? 0 : INFINITY;
            any |= features[i];
        }
        if (!any) {
            java.util.Arrays.fill(grid, Float.POSITIVE_INFINITY);
            return grid;
        }
        int longest = Math.max(height, width);
        float[] line = new float[longest];
        float[] out = new float[longest];
        int[] vertices = new int[longest];
        float[] bounds = new float[longest + 1];
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                line[y] = grid[y * width + x];
            }
            envelope(line, height, out, vertices, bounds);
            for (int y = 0; y < height; y++) {
                grid[y * width + x] = out[y];
            }
        }
        for (int y = 0; y < height; y++) {
            System.arraycopy(grid, y * width, line, 0, width);
            envelope(line, width, out, vertices, bounds);
            System.arraycopy(out, 0, grid, y * width, width);
        }
        return grid;
    }

    /**
     * @param mask height x width, row-major
     * @return for each pixel of the mask its Euclidean distance (px) to the nearest pixel outside the mask (the image
     *         border counts as outside), 0 outside the mask
     */
    public static float[] distanceInside(boolean[] mask, int height, int width) {
        int paddedHeight = height + 2;
        int paddedWidth = width + 2;
        boolean[] outside = new boolean[paddedHeight * paddedWidth];
        for (int y = 0; y < paddedHeight; y++) {
            for (int x = 0; x < paddedWidth; x++) {
                boolean border = y == 0 || x == 0 || y == paddedHeight - 1 || x == paddedWidth - 1;
                outside[y * paddedWidth + x] = border || !mask[(y - 1) * width + x - 1];
            }
        }
        float[] squared = squaredDistanceTo(outside, paddedHeight, paddedWidth);
        float[] distance = new float[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                distance[y * width + x] = (float) Math.sqrt(squared[(y + 1) * paddedWidth + x + 1]);
            }
        }
        return distance;
    }

    /** 1-D squared distance transform of sampled function f[0, n) into d, using the given work arrays. */
    private static void envelope(float[] f, int n, float[] d, int[] v, float[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = Float.NEGATIVE_INFINITY;
        z[1] = Float.POSITIVE_INFINITY;
        for (int q = 1; q < n; q++) {
            float s = intersection(f, q, v[k]);
            while (s <= z[k]) {
                k--;
                s = intersection(f, q, v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Float.POSITIVE_INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            float dq = q - v[k];
            d[q] = dq * dq + f[v[k]];
        }
    }

    private static float intersection(float[] f, int q, int p) {
        return ((f[q] + (float) q * q) - (f[p] + (float) p * p)) / (2f * (q - p));
    }
}
