package org.neuroseg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MatchingRuleTest {

    @Test
    void iouRuleAcceptsIouFromHalfInclusiveWhateverTheDistance() {
        assertTrue(MatchingRule.IOU_HUNGARIAN.eligible(0.5, 100));
        assertFalse(MatchingRule.IOU_HUNGARIAN.eligible(Math.nextDown(0.5), 0));
    }

    @Test
    void neurofinderRuleAcceptsCentroidsBelowFivePxWhateverTheIou() {
        assertTrue(MatchingRule.NEUROFINDER_CENTROID.eligible(0, Math.nextDown(5.0)));
        assertFalse(MatchingRule.NEUROFINDER_CENTROID.eligible(1, 5));
    }

    @Test
    void caimanRuleNeedsIouAboveThreeTenthsAndCentroidsBelowTenPx() {
        assertTrue(MatchingRule.CAIMAN.eligible(Math.nextUp(0.3), Math.nextDown(10.0)));
        assertFalse(MatchingRule.CAIMAN.eligible(0.3, 0));
        assertFalse(MatchingRule.CAIMAN.eligible(1, 10));
    }

    @Test
    void labelsAreDistinctAndNameTheThresholds() {
        assertEquals(3, Arrays.stream(MatchingRule.values()).map(MatchingRule::label).distinct().count());
        assertTrue(MatchingRule.IOU_HUNGARIAN.label().contains("0.5"));
        assertTrue(MatchingRule.NEUROFINDER_CENTROID.label().contains("5 px"));
        assertTrue(MatchingRule.CAIMAN.label().contains("0.3") && MatchingRule.CAIMAN.label().contains("10 px"));
    }
}
