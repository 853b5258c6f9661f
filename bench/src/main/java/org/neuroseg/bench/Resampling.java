package org.neuroseg.bench;

/** Bilinear resizing of one image (pixel centres aligned, as PyTorch's align_corners = false). */
final class Resampling {

    private Resampling() {
    }

    /** @return {@code source} (height x width, row-major) resized to toHeight x toWidth; the same array if equal */
    static float[] resize(float[] source, int height, int width, int toHeight, int toWidth) {
        if (height == toHeight && width == toWidth) {
            return source;
        }
        float[] target = new float[toHeight * toWidth];
        double sy = (double) height / toHeight;
        double sx = (double) width / toWidth;
        for (int y = 0; y < toHeight; y++) {
            double fy = Math.max(0, (y + 0.5) * sy - 0.5);
            int y0 = Math.min((int) fy, height - 1);
            int y1 = Math.min(y0 + 1, height - 1);
            double wy = fy - y0;
            for (int x = 0; x < toWidth; x++) {
                double fx = Math.max(0, (x + 0.5) * sx - 0.5);
                int x0 = Math.min((int) fx, width - 1);
                int x1 = Math.min(x0 + 1, width - 1);
                double wx = fx - x0;
                double top = source[y0 * width + x0] * (1 - wx) + source[y0 * width + x1] * wx;
                double bottom = source[y1 * width + x0] * (1 - wx) + source[y1 * width + x1] * wx;
                target[y * toWidth + x] = (float) (top * (1 - wy) + bottom * wy);
            }
        }
        return target;
    }
}
