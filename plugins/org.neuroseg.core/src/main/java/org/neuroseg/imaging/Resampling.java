package org.neuroseg.imaging;

/**
 * Resizes float images with a separable triangle (linear) filter, pixel centres aligned (PyTorch's
 * {@code align_corners = false}): enlarging is bilinear interpolation; shrinking widens the triangle to the shrink
 * factor, so every source pixel contributes (area-like averaging) instead of aliasing, as noise in activity frames
 * would. Edges are clamped. A constant image stays constant.
 */
public final class Resampling {

    private Resampling() {
    }

    /**
     * @param source height x width, row-major; not modified
     * @return the image resized to toHeight x toWidth (the same array when the size is unchanged)
     * @throws IllegalArgumentException when a size is not positive or the array does not hold height x width values
     */
    public static float[] resize(float[] source, int height, int width, int toHeight, int toWidth) {
        if (unchanged(source, height, width, toHeight, toWidth)) {
            return source;
        }
        Taps columns = Taps.of(width, toWidth);
        Taps rows = Taps.of(height, toHeight);
        float[] across = new float[height * toWidth];
        for (int y = 0; y < height; y++) {
            columns.apply(source, y * width, 1, across, y * toWidth, 1);
        }
        float[] target = new float[toHeight * toWidth];
        for (int x = 0; x < toWidth; x++) {
            rows.apply(across, x, toWidth, target, x, toWidth);
        }
        return target;
    }

    /**
     * Enlarges or shrinks by taking, for each output pixel, the source pixel its centre falls in. Unlike
     * {@link #resize}, every output value is a source value: enlarged noise keeps its level (interpolation averages
     * neighbours and lowers it, which a network trained on unsmoothed noise reads as a different image).
     *
     * @param source height x width, row-major; not modified
     * @return the image resized to toHeight x toWidth (the same array when the size is unchanged)
     * @throws IllegalArgumentException when a size is not positive or the array does not hold height x width values
     */
    public static float[] nearest(float[] source, int height, int width, int toHeight, int toWidth) {
        if (unchanged(source, height, width, toHeight, toWidth)) {
            return source;
        }
        int[] columns = nearestIndices(width, toWidth);
        float[] target = new float[toHeight * toWidth];
        for (int y = 0; y < toHeight; y++) {
            int sourceRow = nearestIndex(y, height, toHeight) * width;
            for (int x = 0; x < toWidth; x++) {
                target[y * toWidth + x] = source[sourceRow + columns[x]];
            }
        }
        return target;
    }

    /** @return whether the sizes are equal; throws IllegalArgumentException when they are not valid */
    private static boolean unchanged(float[] source, int height, int width, int toHeight, int toWidth) {
        if (height < 1 || width < 1 || toHeight < 1 || toWidth < 1 || source.length != height * width) {
            throw new IllegalArgumentException("cannot resize " + source.length + " values as " + height + " x "
                    + width + " to " + toHeight + " x " + toWidth);
        }
        return height == toHeight && width == toWidth;
    }

    private static int[] nearestIndices(int length, int toLength) {
        int[] indices = new int[toLength];
        for (int i = 0; i < toLength; i++) {
            indices[i] = nearestIndex(i, length, toLength);
        }
        return indices;
    }

    private static int nearestIndex(int i, int length, int toLength) {
        return Math.min((int) ((i + 0.5) * length / toLength), length - 1);
    }

    /**
     * For each output position of one axis: the first source index and the normalised weights from there on.
     *
     * @param length source positions on the axis
     */
    private record Taps(int length, int[] first, float[][] weights) {

        static Taps of(int length, int toLength) {
            double scale = (double) length / toLength;
            double support = Math.max(1, scale); // half-width of the triangle, in source pixels
            int[] first = new int[toLength];
            float[][] weights = new float[toLength][];
            for (int i = 0; i < toLength; i++) {
                double centre = (i + 0.5) * scale - 0.5;
                int from = (int) Math.floor(centre - support) + 1;
                int to = (int) Math.ceil(centre + support) - 1;
                double[] raw = new double[to - from + 1];
                double sum = 0;
                for (int k = from; k <= to; k++) {
                    raw[k - from] = Math.max(0, 1 - Math.abs(k - centre) / support);
                    sum += raw[k - from];
                }
                first[i] = from;
                weights[i] = new float[raw.length];
                for (int k = 0; k < raw.length; k++) {
                    weights[i][k] = (float) (raw[k] / sum);
                }
            }
            return new Taps(length, first, weights);
        }

        /** Resamples one line, source values at offset + k stride for k in [0, length), into the target line. */
        void apply(float[] source, int offset, int stride, float[] target, int targetOffset, int targetStride) {
            int last = length - 1;
            for (int i = 0; i < first.length; i++) {
                float[] w = weights[i];
                double value = 0;
                for (int k = 0; k < w.length; k++) {
                    int index = Math.min(Math.max(first[i] + k, 0), last);
                    value += w[k] * source[offset + index * stride];
                }
                target[targetOffset + i * targetStride] = (float) value;
            }
        }
    }
}
