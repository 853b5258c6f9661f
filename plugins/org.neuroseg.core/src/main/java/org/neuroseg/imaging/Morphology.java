package org.neuroseg.imaging;

import java.util.Arrays;

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
     * The convex hull of the set pixels: every pixel whose centre lies in the smallest convex polygon around the set
     * pixels' centres (on its edges included). Where that polygon is a line (set pixels in one row, column or
     * direction), the pixels along it are set as a connected line from end to end.
     *
     * @return a new mask containing {@code mask}
     */
    public static boolean[] convexHull(boolean[] mask, int height, int width) {
        // the leftmost and rightmost pixel of each row span the same hull as all of them
        long[] extremes = new long[2 * height];
        int n = 0;
        for (int y = 0; y < height; y++) {
            int first = -1;
            int last = -1;
            for (int x = 0; x < width; x++) {
                if (mask[y * width + x]) {
                    first = first < 0 ? x : first;
                    last = x;
                }
            }
            if (first >= 0) {
                extremes[n++] = point(y, first);
                if (last != first) {
                    extremes[n++] = point(y, last);
                }
            }
        }
        long[] hull = monotoneChain(Arrays.copyOf(extremes, n));
        boolean[] inside = mask.clone();
        if (hull.length < 3) {
            // a point or a line: the hull is the segment between its ends
            for (long point : hull) {
                inside[row(point) * width + col(point)] = true;
            }
            if (hull.length == 2) {
                drawSegment(inside, width, hull[0], hull[1]);
            }
            return inside;
        }
        int top = height;
        int bottom = -1;
        int left = width;
        int right = -1;
        for (long point : hull) {
            top = Math.min(top, row(point));
            bottom = Math.max(bottom, row(point));
            left = Math.min(left, col(point));
            right = Math.max(right, col(point));
        }
        for (int y = top; y <= bottom; y++) {
            for (int x = left; x <= right; x++) {
                if (!inside[y * width + x] && withinConvex(hull, y, x)) {
                    inside[y * width + x] = true;
                }
            }
        }
        return inside;
    }

    /** Andrew's monotone chain: the hull's corners counter-clockwise, collinear points left out. */
    private static long[] monotoneChain(long[] points) {
        Arrays.sort(points);
        if (points.length < 3) {
            return points;
        }
        long[] hull = new long[2 * points.length];
        int k = 0;
        for (long point : points) {
            while (k >= 2 && cross(hull[k - 2], hull[k - 1], point) <= 0) {
                k--;
            }
            hull[k++] = point;
        }
        for (int i = points.length - 2, lower = k + 1; i >= 0; i--) {
            while (k >= lower && cross(hull[k - 2], hull[k - 1], points[i]) <= 0) {
                k--;
            }
            hull[k++] = points[i];
        }
        return Arrays.copyOf(hull, k - 1);
    }

    private static boolean withinConvex(long[] hull, int y, int x) {
        long here = point(y, x);
        for (int i = 0; i < hull.length; i++) {
            if (cross(hull[i], hull[(i + 1) % hull.length], here) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void drawSegment(boolean[] mask, int width, long from, long to) {
        int steps = Math.max(Math.abs(row(to) - row(from)), Math.abs(col(to) - col(from)));
        for (int s = 0; s <= steps; s++) {
            double t = steps == 0 ? 0 : s / (double) steps;
            int y = (int) Math.round(row(from) + t * (row(to) - row(from)));
            int x = (int) Math.round(col(from) + t * (col(to) - col(from)));
            mask[y * width + x] = true;
        }
    }

    private static long cross(long o, long a, long b) {
        return (long) (row(a) - row(o)) * (col(b) - col(o)) - (long) (col(a) - col(o)) * (row(b) - row(o));
    }

    /** A pixel as one sortable number: by row, then column. */
    private static long point(int row, int col) {
        return ((long) row << 32) | col;
    }

    private static int row(long point) {
        return (int) (point >> 32);
    }

    private static int col(long point) {
        return (int) point;
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
