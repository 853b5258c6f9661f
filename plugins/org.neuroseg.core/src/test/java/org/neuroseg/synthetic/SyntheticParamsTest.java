package org.neuroseg.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SyntheticParamsTest {

    @Test
    void epifluorescencePresetIsPaperLike() {
        SyntheticParams p = SyntheticParams.epifluorescence();
        assertEquals(512, p.width());
        assertEquals(512, p.height());
        assertEquals(3600, p.frames());
        assertEquals(10, p.frameRateHz());
        assertEquals(Indicator.GCAMP6F.decaySeconds(), p.decaySeconds());
        assertTrue(p.radiusMinPx() >= 3 && p.radiusMaxPx() <= 5);
        assertEquals(0.3, p.silentFraction());
        assertEquals(2.2, p.cameraGain());
        assertEquals(100, p.cameraOffset());
        assertEquals(200, p.readNoise());
        assertTrue(p.jumpProbability() > 0 && p.maxShiftPx() <= 8);
    }

    @Test
    void twoPhotonPresetHasLargerCellsAndLessNoise() {
        SyntheticParams twoPhoton = SyntheticParams.twoPhoton();
        SyntheticParams epi = SyntheticParams.epifluorescence();
        assertEquals(7.5, twoPhoton.frameRateHz());
        assertTrue(twoPhoton.radiusMinPx() >= 5 && twoPhoton.radiusMaxPx() <= 7);
        assertTrue(twoPhoton.readNoise() < epi.readNoise());
        assertTrue(twoPhoton.neuropilStrength() < epi.neuropilStrength());
    }

    @Test
    void builderRoundTripKeepsEveryParameter() {
        SyntheticParams p = SyntheticParams.twoPhoton();
        assertEquals(p, p.toBuilder().build());
    }

    @Test
    void builderDerivesShrunkCopy() {
        SyntheticParams p = SyntheticParams.epifluorescence().toBuilder().size(64, 48, 50).seed(7).build();
        assertEquals(64, p.width());
        assertEquals(48, p.height());
        assertEquals(50, p.frames());
        assertEquals(7, p.seed());
        assertEquals(SyntheticParams.epifluorescence().readNoise(), p.readNoise());
    }

    @Test
    void indicatorSetsKernel() {
        SyntheticParams p = SyntheticParams.epifluorescence().toBuilder().indicator(Indicator.JGCAMP8M).build();
        assertEquals(0.007, p.riseSeconds());
        assertEquals(0.118, p.decaySeconds());
        assertEquals(0.76, p.dffPerSpike());
    }

    static Stream<Arguments> invalidChanges() {
        return Stream.of(
                invalid("width", b -> b.size(4, 64, 10)),
                invalid("height", b -> b.size(64, 100_000, 10)),
                invalid("frames", b -> b.size(64, 64, 0)),
                invalid("frameRateHz", b -> b.frameRateHz(Double.NaN)),
                invalid("neuronCount", b -> b.neuronCount(-1)),
                invalid("radiusMaxPx", b -> b.radiiPx(4, 3)),
                invalid("radiusMaxPx", b -> b.size(16, 16, 10).radiiPx(4, 6)),
                invalid("silentFraction", b -> b.silentFraction(1.5)),
                invalid("burstiness", b -> b.burstiness(-0.1)),
                invalid("decaySeconds", b -> b.kernel(0.2, 0.1, 0.2)),
                invalid("cameraGain", b -> b.cameraGain(0)),
                invalid("vignetting", b -> b.vignetting(1)),
                invalid("maxShiftPx", b -> b.size(64, 64, 10).maxShiftPx(17)),
                invalid("motionAmplitudePx", b -> b.motionAmplitudePx(9)),
                invalid("jumpSizePx", b -> b.jumpSizePx(20)),
                invalid("jumpProbability", b -> b.jumpProbability(2)));
    }

    private static Arguments invalid(String name, UnaryOperator<SyntheticParams.Builder> change) {
        return Arguments.of(name, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidChanges")
    void invalidValueIsRejectedNamingParameterValueAndRange(String name,
            UnaryOperator<SyntheticParams.Builder> change) {
        SyntheticParams.Builder builder = change.apply(SyntheticParams.epifluorescence().toBuilder());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().startsWith(name + " = "), e.getMessage());
        assertTrue(e.getMessage().contains("allowed"), e.getMessage());
    }
}
