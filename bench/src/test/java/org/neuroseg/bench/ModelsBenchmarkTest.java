package org.neuroseg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How the models benchmark names its videos. */
class ModelsBenchmarkTest {

    @Test
    void seedRangesJoinConsecutiveSeedsIntoRuns() {
        assertEquals("211-216 and 231-244", ModelsBenchmark.seedRanges(ModelsBenchmark.HELD_OUT));
        assertEquals("771-780", ModelsBenchmark.seedRanges(ModelsBenchmark.SELECTION));
        assertEquals("1, 3-4 and 6", ModelsBenchmark.seedRanges(new String[][] {{"1"}, {"3"}, {"4"}, {"6"}}));
    }

    @Test
    void anEighthColumnReplacesThePresetsNoiseSpread() {
        assertEquals(-1, ModelsBenchmark.noiseSpread(ModelsBenchmark.HELD_OUT[0]));
        assertEquals(0, ModelsBenchmark.noiseSpread(ModelsBenchmark.HELD_OUT[ModelsBenchmark.HELD_OUT.length - 1]));
        assertEquals(1, ModelsBenchmark.noiseSpread(ModelsBenchmark.SELECTION[ModelsBenchmark.SELECTION.length - 1]));
    }
}
