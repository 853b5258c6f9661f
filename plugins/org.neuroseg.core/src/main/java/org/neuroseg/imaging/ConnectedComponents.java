package org.neuroseg.imaging;

/**
 * Connected-component labelling of binary masks by breadth-first flood fill.
 *
 * @param labels height x width, row-major: 0 for background, 1..count for the components, numbered in the order
 *        their first pixel appears in a row-major scan
 * @param count number of components
 */
public record ConnectedComponents(int[] labels, int count) {

    /**
     * @param mask height x width, row-major
     * @param eightConnected true to join diagonal neighbours, false for 4-connectivity
     * @return the labelled components
     */
    public static ConnectedComponents of(boolean[] mask, int height, int width, boolean eightConnected) {
        if (mask.length != height * width) {
            throw new IllegalArgumentException("mask has " + mask.length + " pixels, expected " + height + " x "
                    + width);
        }
        int[] labels = new int[mask.length];
        int[] queue = new int[mask.length];
        int count = 0;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || labels[start] != 0) {
                continue;
            }
            count++;
            labels[start] = count;
            queue[0] = start;
            int tail = 1;
            for (int head = 0; head < tail; head++) {
                int i = queue[head];
                int y = i / width;
                int x = i % width;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        boolean diagonal = dx != 0 && dy != 0;
                        int ny = y + dy;
                        int nx = x + dx;
                        if ((dx == 0 && dy == 0) || (diagonal && !eightConnected) || ny < 0 || ny >= height
                                || nx < 0 || nx >= width) {
                            continue;
                        }
                        int n = ny * width + nx;
                        if (mask[n] && labels[n] == 0) {
                            labels[n] = count;
                            queue[tail++] = n;
                        }
                    }
                }
            }
        }
        return new ConnectedComponents(labels, count);
    }

    /** @return the number of pixels of each component, index 0 unused */
    public int[] areas() {
        int[] areas = new int[count + 1];
        for (int label : labels) {
            areas[label]++;
        }
        areas[0] = 0;
        return areas;
    }
}
