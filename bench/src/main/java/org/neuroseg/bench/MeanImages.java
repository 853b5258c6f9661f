package org.neuroseg.bench;

import org.neuroseg.video.VideoShape;

/** Moving mean images by sub-pixel amounts (bilinear, edges replicated), for comparisons at the template's place. */
final class MeanImages {

    private MeanImages() {
    }

    /** @return {@code image} with the content at (x, y) moved to (x - dx, y - dy) */
    static float[] shifted(float[] image, VideoShape shape, double dx, double dy) {
        int height = shape.height();
        int width = shape.width();
        float[] moved = new float[image.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                moved[y * width + x] = sample(image, height, width, x + dx, y + dy);
            }
        }
        return moved;
    }

    private static float sample(float[] image, int height, int width, double x, double y) {
        double cx = Math.max(0, Math.min(width - 1, x));
        double cy = Math.max(0, Math.min(height - 1, y));
        int x0 = (int) Math.floor(cx);
        int y0 = (int) Math.floor(cy);
        int x1 = Math.min(width - 1, x0 + 1);
        int y1 = Math.min(height - 1, y0 + 1);
        double fx = cx - x0;
        double fy = cy - y0;
        double top = image[y0 * width + x0] * (1 - fx) + image[y0 * width + x1] * fx;
        double bottom = image[y1 * width + x0] * (1 - fx) + image[y1 * width + x1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }
}
