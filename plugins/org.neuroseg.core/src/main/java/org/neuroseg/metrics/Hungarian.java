package org.neuroseg.metrics;

import java.util.Arrays;

/**
 * Optimal one-to-one assignment (Kuhn–Munkres, the Hungarian algorithm) in O(n³) time for n = max(rows, columns).
 * Rectangular matrices are padded to square internally.
 */
public final class Hungarian {

    private Hungarian() {
    }

    /**
     * Assigns rows to columns, one-to-one. A cost of {@link Double#POSITIVE_INFINITY} forbids that pair. Among all
     * one-to-one assignments of allowed pairs, the result first has as many assigned pairs as possible and then the
     * smallest total cost. (Without forbidden pairs this is the classical minimum-cost assignment: every row is
     * assigned when rows ≤ columns, every column when columns ≤ rows.) Ties between equally good assignments are
     * resolved deterministically: the same matrix always gives the same answer.
     *
     * <p>Finite costs may be negative; their spread (largest − smallest) times (n + 1) must stay far below
     * {@link Double#MAX_VALUE}.
     *
     * @param cost rows x columns matrix, every row of the same length; finite or +∞, never NaN or −∞
     * @return for each row, the assigned column, or -1 when the row is unassigned
     * @throws IllegalArgumentException when the matrix is ragged or holds NaN or −∞
     */
    public static int[] assign(double[][] cost) {
        int rows = cost.length;
        int cols = rows == 0 ? 0 : cost[0].length;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : cost) {
            if (row.length != cols) {
                throw new IllegalArgumentException("cost matrix rows differ in length: " + row.length + " vs " + cols);
            }
            for (double c : row) {
                if (Double.isNaN(c) || c == Double.NEGATIVE_INFINITY) {
                    throw new IllegalArgumentException("cost matrix holds " + c + "; only finite costs or +inf");
                }
                if (c != Double.POSITIVE_INFINITY) {
                    lo = Math.min(lo, c);
                    hi = Math.max(hi, c);
                }
            }
        }
        int[] result = new int[rows];
        Arrays.fill(result, -1);
        if (lo > hi) {
            return result; // empty, or every pair forbidden
        }
        int n = Math.max(rows, cols);
        // Forbidden and padding cells cost more than any difference in finite costs between two assignments, so
        // one more allowed pair always lowers the total: maximum cardinality first, then minimum cost.
        double forbidden = (hi - lo + 1) * (n + 1);
        double[][] a = new double[n + 1][n + 1];
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= n; j++) {
                boolean allowed = i <= rows && j <= cols && cost[i - 1][j - 1] != Double.POSITIVE_INFINITY;
                a[i][j] = allowed ? cost[i - 1][j - 1] - lo : forbidden;
            }
        }
        int[] rowOfCol = solve(a, n);
        for (int j = 1; j <= n; j++) {
            int i = rowOfCol[j];
            if (i <= rows && j <= cols && cost[i - 1][j - 1] != Double.POSITIVE_INFINITY) {
                result[i - 1] = j - 1;
            }
        }
        return result;
    }

    /**
     * Shortest augmenting paths with row and column potentials on a square, 1-based matrix.
     *
     * @return for each column 1..n its row (index 0 unused)
     */
    private static int[] solve(double[][] a, int n) {
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] rowOfCol = new int[n + 1];
        int[] way = new int[n + 1];
        double[] minv = new double[n + 1];
        boolean[] used = new boolean[n + 1];
        for (int i = 1; i <= n; i++) {
            rowOfCol[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = rowOfCol[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double reduced = a[i0][j] - u[i0] - v[j];
                        if (reduced < minv[j]) {
                            minv[j] = reduced;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[rowOfCol[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOfCol[j0] != 0);
            do {
                int j1 = way[j0];
                rowOfCol[j0] = rowOfCol[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        return rowOfCol;
    }
}
