package org.neuroseg.imaging;

/**
 * Binary morphology with disks of radius r (all pixels within Euclidean distance r of the centre), computed through
 * the distance transform so the cost does not grow with r. Masks are height x width, row-major; pixels outside the
 * image neither grow regions nor erode them.
 */
public final class Morphology {

    private Morphology() {
    }

    /** @return a new mask: pixels within {@code radiusPx} of a mask pixel */
    public static boolean[] dilate(boolean[] mask, int height, int width, double radiusPx) {
        float[] squared = DistanceTransform.squaredDistanceTo(mask, height, width);
        boolean[] out = new boolean[mask.length];
        double limit = radiusPx * radiusPx;
        for (int i = 0; i < out.length; i++) {
            out[i] = squared[i] <= limit;
        }
        return out;
    }

    /** @return a new mask: pixels farther than {@code radiusPx} from every background pixel inside the image */
    public static boolean[] erode(boolean[] mask, int height, int width, double radiusPx) {
        boolean[] background = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            background[i] = !mask[i];
        }
        boolean[] grown = dilate(background, height, width, radiusPx);
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = !grown[i];
        }
        return out;
    }

    /**
     * Closing: dilation then erosion with the same disk; bridges gaps and notches narrower than the disk. Background
     * beyond the image border is not eroded into, so regions touching the border keep their border pixels.
     *
     * @return a new mask containing {@code mask}
     */
    public static boolean[] close(boolean[] mask, int height, int width, double radiusPx) {
        boolean[] closed = erode(dilate(mask, height, width, radiusPx), height, width, radiusPx);
        for (int i = 0; i < closed.length; i++) {
            closed[i] |= mask[i];
        }
        return closed;
    }

    /** @return a new mask where background areas not connected (4-connectivity) to the image border are filled */
    public static boolean[] fillHoles(boolean[] mask, int height, int width) {
        boolean[] reached = new boolean[mask.length];
        int[] queue = new int[mask.length];
        int tail = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                boolean border = y == 0 || x == 0 || y == height - 1 || x == width - 1;
                if (border && !mask[i]) {
                    reached[i] = true;
                    queue[tail++] = i;
                }
            }
        }
        for (int head = 0; head < tail; head++) {
            int i = queue[head];
            int y = i / width;
            int x = i % width;
            tail = visit(mask, reached, queue, tail, y > 0, i - width);
            tail = visit(mask, reached, queue, tail, y < height - 1, i + width);
            tail = visit(mask, reached, queue, tail, x > 0, i - 1);
            tail = visit(mask, reached, queue, tail, x < width - 1, i + 1);
        }
        boolean[] filled = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            filled[i] = !reached[i];
        }
        return filled;
    }

    /**
     * Sets the pixels within {@code radiusPx} of (row, col), clipped to the image.
     *
     * @return {@code mask}
     */
    public static boolean[] drawDisk(boolean[] mask, int height, int width, double row, double col,
            double radiusPx) {
        int top = Math.max(0, (int) Math.floor(row - radiusPx));
        int bottom = Math.min(height - 1, (int) Math.ceil(row + radiusPx));
        double limit = radiusPx * radiusPx;
        for (int y = top; y <= bottom; y++) {
            int left = Math.max(0, (int) Math.floor(col - radiusPx));
            int right = Math.min(width - 1, (int) Math.ceil(col + radiusPx));
            for (int x = left; x <= right; x++) {
                if ((y - row) * (y - row) + (x - col) * (x - col) <= limit) {
                    mask[y * width + x] = true;
                }
            }
        }
        return mask;
    }

    /** @return how many pixels are set */
    public static int count(boolean[] mask) {
        int count = 0;
        for (boolean set : mask) {
            count += set ? 1 : 0;
        }
        return count;
    }

    private static int visit(boolean[] mask, boolean[] reached, int[] queue, int tail, boolean inside, int i) {
        if (inside && !mask[i] && !reached[i]) {
            reached[i] = true;
            queue[tail++] = i;
        }
        return tail;
    }
}
