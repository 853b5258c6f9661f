package org.neuroseg.imaging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Splits touching cells: a marker-controlled watershed on the inverted distance transform of a binary mask
 * (L. Vincent and P. Soille, IEEE PAMI 13(6), 1991; markers as in F. Meyer, Signal Processing 38, 1994). Each cell
 * body is a hill of the distance to the background; one marker is placed on each hilltop at least a minimum
 * separation from a higher one, and regions grow from the markers downhill by priority flooding until they meet.
 */
public final class Watershed {

    private Watershed() {
    }

    /**
     * @param mask height x width, row-major: the foreground to split
     * @param minSeparationPx smallest distance between two cell centres, in px: hilltops closer than this to a higher
     *        one are not separate cells; at least 1
     * @return labels 1..count covering exactly the mask (0 outside), numbered by decreasing hilltop height
     */
    public static ConnectedComponents split(boolean[] mask, int height, int width, double minSeparationPx) {
        return split(mask, height, width, minSeparationPx, DistanceTransform.distanceInside(mask, height, width));
    }

    /**
     * Splits the mask at the valleys of {@code elevation}: one region grows from each local maximum of the elevation
     * inside the mask (maxima closer than {@code minSeparationPx} to a higher one are dropped), highest pixels first.
     * With the distance to the background as elevation this is {@link #split(boolean[], int, int, double)}; with a
     * smoothed probability it separates touching cells that the probability shows as separate peaks.
     *
     * @param elevation height x width values, higher inside cells; read only inside the mask
     * @return the regions, numbered from 1
     */
    public static ConnectedComponents split(boolean[] mask, int height, int width, double minSeparationPx,
            float[] elevation) {
        return split(mask, height, width, minSeparationPx, elevation, Float.NEGATIVE_INFINITY);
    }

    /**
     * {@link #split(boolean[], int, int, double, float[])} with regions grown only from maxima of at least {@code
     * lowestMarker}: lower hills are no cells of their own and go to the regions that flood them.
     *
     * @return the regions, numbered from 1 (parts of the mask that no region floods are regions of their own, as
     *         in the other forms)
     */
    public static ConnectedComponents split(boolean[] mask, int height, int width, double minSeparationPx,
            float[] elevation, float lowestMarker) {
        if (!(minSeparationPx >= 1)) {
            throw new IllegalArgumentException("minimum separation must be at least 1 px, got " + minSeparationPx);
        }
        float[] distance = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            distance[i] = mask[i] ? elevation[i] : Float.NEGATIVE_INFINITY;
        }
        List<Integer> markers = markers(distance, height, width, minSeparationPx, lowestMarker);
        int[] labels = new int[mask.length];
        // Flood from the markers, highest distance first; ties go to the pixel queued first (its index order).
        PriorityQueue<long[]> queue = new PriorityQueue<>(
                Comparator.<long[]>comparingDouble(entry -> -Float.intBitsToFloat((int) entry[0]))
                        .thenComparingLong(entry -> entry[1]));
        long order = 0;
        for (int m = 0; m < markers.size(); m++) {
            int i = markers.get(m);
            labels[i] = m + 1;
            queue.add(new long[] {Float.floatToIntBits(distance[i]), order++, i});
        }
        while (!queue.isEmpty()) {
            int i = (int) queue.poll()[2];
            int y = i / width;
            int x = i % width;
            int[] neighbours = {y > 0 ? i - width : -1, y < height - 1 ? i + width : -1, x > 0 ? i - 1 : -1,
                x < width - 1 ? i + 1 : -1};
            for (int n : neighbours) {
                if (n >= 0 && mask[n] && labels[n] == 0) {
                    labels[n] = labels[i];
                    queue.add(new long[] {Float.floatToIntBits(distance[n]), order++, n});
                }
            }
        }
        // Pixels the 4-connected flood could not reach (diagonal-only links) become their own components.
        boolean[] missed = new boolean[mask.length];
        boolean any = false;
        for (int i = 0; i < mask.length; i++) {
            missed[i] = mask[i] && labels[i] == 0;
            any |= missed[i];
        }
        int count = markers.size();
        if (any) {
            ConnectedComponents rest = ConnectedComponents.of(missed, height, width, false);
            for (int i = 0; i < mask.length; i++) {
                if (rest.labels()[i] > 0) {
                    labels[i] = count + rest.labels()[i];
                }
            }
            count += rest.count();
        }
        return new ConnectedComponents(labels, count);
    }

    /**
     * Local maxima of the distance map of at least {@code lowest}, greedily thinned so no two lie closer than the
     * separation.
     */
    private static List<Integer> markers(float[] distance, int height, int width, double separation, float lowest) {
        List<Integer> candidates = new ArrayList<>();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (distance[i] != Float.NEGATIVE_INFINITY && distance[i] >= lowest
                        && isLocalMaximum(distance, height, width, y, x)) {
                    candidates.add(i);
                }
            }
        }
        candidates.sort(Comparator.<Integer>comparingDouble(i -> -distance[i]).thenComparingInt(i -> i));
        List<Integer> accepted = new ArrayList<>();
        double limit = separation * separation;
        for (int candidate : candidates) {
            int cy = candidate / width;
            int cx = candidate % width;
            boolean far = true;
            for (int marker : accepted) {
                int dy = marker / width - cy;
                int dx = marker % width - cx;
                if (dy * dy + dx * dx < limit) {
                    far = false;
                    break;
                }
            }
            if (far) {
                accepted.add(candidate);
            }
        }
        return accepted;
    }

    private static boolean isLocalMaximum(float[] distance, int height, int width, int y, int x) {
        float centre = distance[y * width + x];
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int ny = y + dy;
                int nx = x + dx;
                if (ny >= 0 && ny < height && nx >= 0 && nx < width && distance[ny * width + nx] > centre) {
                    return false;
                }
            }
        }
        return true;
    }
}
