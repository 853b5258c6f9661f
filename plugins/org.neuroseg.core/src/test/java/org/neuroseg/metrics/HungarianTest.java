package org.neuroseg.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HungarianTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void squareMatrixGetsMinimumCostAssignment() {
        // Row 0 -> 1 (1), row 1 -> 0 (2), row 2 -> 2 (2): total 5; the next best permutation costs 6.
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        assertArrayEquals(new int[] {1, 0, 2}, Hungarian.assign(cost));
    }

    @Test
    void oneByOneIsAssigned() {
        assertArrayEquals(new int[] {0}, Hungarian.assign(new double[][] {{7.5}}));
    }

    @Test
    void zeroRowsGiveEmptyResult() {
        assertArrayEquals(new int[0], Hungarian.assign(new double[0][]));
    }

    @Test
    void zeroColumnsLeaveEveryRowUnassigned() {
        assertArrayEquals(new int[] {-1, -1, -1}, Hungarian.assign(new double[3][0]));
    }

    @Test
    void widerMatrixAssignsEveryRow() {
        assertArrayEquals(new int[] {1}, Hungarian.assign(new double[][] {{5, 1, 9, 3}}));
        // Row 1 can only be cheap in column 0, so row 0 takes column 1: total 3 instead of 6.
        assertArrayEquals(new int[] {1, 0}, Hungarian.assign(new double[][] {{1, 2, 3}, {1, 5, 9}}));
    }

    @Test
    void tallerMatrixAssignsEveryColumn() {
        assertArrayEquals(new int[] {-1, 0, -1}, Hungarian.assign(new double[][] {{3}, {1}, {2}}));
        assertArrayEquals(new int[] {1, -1, 0}, Hungarian.assign(new double[][] {{4, 0}, {5, 5}, {1, 6}}));
    }

    @Test
    void tiesGiveAnOptimalAssignmentDeterministically() {
        double[][] cost = {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}};
        int[] first = Hungarian.assign(cost);
        assertArrayEquals(first, Hungarian.assign(cost));
        assertEquals(3, java.util.Arrays.stream(first).distinct().filter(c -> c >= 0).count());
    }

    @Test
    void forbiddenPairsAreNeverAssigned() {
        assertArrayEquals(new int[] {1, -1}, Hungarian.assign(new double[][] {{INF, 1}, {INF, 2}}));
        assertArrayEquals(new int[] {-1, -1}, Hungarian.assign(new double[][] {{INF, INF}, {INF, INF}}));
    }

    @Test
    void morePairsWinOverLowerCost() {
        // Row 0 -> 0 alone costs 0 but leaves row 1 unassigned; row 0 -> 1, row 1 -> 0 costs 11 with two pairs.
        assertArrayEquals(new int[] {1, 0}, Hungarian.assign(new double[][] {{0, 10}, {1, INF}}));
    }

    @Test
    void negativeCostsAreAllowed() {
        assertArrayEquals(new int[] {1, 0}, Hungarian.assign(new double[][] {{-1, -5}, {-2, 0}}));
    }

    @Test
    void nanNegativeInfinityAndRaggedMatricesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Hungarian.assign(new double[][] {{Double.NaN}}));
        assertThrows(IllegalArgumentException.class, () -> Hungarian.assign(new double[][] {{-INF}}));
        assertThrows(IllegalArgumentException.class, () -> Hungarian.assign(new double[][] {{1, 2}, {3}}));
    }

    @Test
    void matchesBruteForceOnRandomSmallMatrices() {
        for (int seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            int rows = 1 + random.nextInt(6);
            int cols = 1 + random.nextInt(6);
            boolean integers = random.nextBoolean();
            double forbiddenShare = random.nextBoolean() ? 0 : 0.4;
            double[][] cost = new double[rows][cols];
            for (double[] row : cost) {
                for (int j = 0; j < cols; j++) {
                    double c = integers ? random.nextInt(4) : random.nextDouble() * 10 - 3;
                    row[j] = random.nextDouble() < forbiddenShare ? INF : c;
                }
            }
            int[] assignment = Hungarian.assign(cost);
            double[] best = bruteForce(cost, 0, new boolean[cols], 0, 0);
            double[] got = score(cost, assignment);
            assertEquals(best[0], got[0], "pairs, seed " + seed);
            assertEquals(best[1], got[1], 1e-9, "cost, seed " + seed);
        }
    }

    /** @return {pairs, total cost} of a valid assignment */
    private static double[] score(double[][] cost, int[] assignment) {
        boolean[] used = new boolean[cost.length == 0 ? 0 : cost[0].length];
        int pairs = 0;
        double total = 0;
        for (int i = 0; i < assignment.length; i++) {
            int j = assignment[i];
            if (j >= 0) {
                assertTrue(!used[j], "column " + j + " assigned twice");
                assertNotEquals(INF, cost[i][j], "forbidden pair assigned");
                used[j] = true;
                pairs++;
                total += cost[i][j];
            }
        }
        return new double[] {pairs, total};
    }

    /** @return the best {pairs, total cost}: most pairs, then least cost, over all partial one-to-one maps */
    private static double[] bruteForce(double[][] cost, int row, boolean[] used, int pairs, double total) {
        if (row == cost.length) {
            return new double[] {pairs, total};
        }
        double[] best = bruteForce(cost, row + 1, used, pairs, total);
        for (int j = 0; j < used.length; j++) {
            if (!used[j] && cost[row][j] != INF) {
                used[j] = true;
                double[] candidate = bruteForce(cost, row + 1, used, pairs + 1, total + cost[row][j]);
                used[j] = false;
                if (candidate[0] > best[0] || candidate[0] == best[0] && candidate[1] < best[1]) {
                    best = candidate;
                }
            }
        }
        return best;
    }
}
