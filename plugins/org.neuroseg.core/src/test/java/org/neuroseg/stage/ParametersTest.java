package org.neuroseg.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParametersTest {

    private static final ParamSpec FRAMES = ParamSpec.integer("frames", "Number of frames", 100, 1, 100_000,
            "Frames to generate.");
    private static final ParamSpec SIGMA = ParamSpec.decimal("sigmaPx", "Blur sigma (px)", 1.5, 0, 20,
            "Gaussian blur radius in pixels.");
    private static final ParamSpec PRESET = ParamSpec.choice("preset", "Preset", "epifluorescence",
            List.of("epifluorescence", "two-photon"), "Kind of recording.");
    private static final ParamSpec SEED = ParamSpec.seed("seed", "Random seed", 7L, "Same seed, same video.");
    private static final ParamSpec FLIP = ParamSpec.bool("flip", "Flip", false, "Mirror the frames.");
    private static final List<ParamSpec> SPECS = List.of(FRAMES, SIGMA, PRESET, SEED, FLIP);

    @Test
    void defaultsComeFromTheSpecs() {
        Parameters parameters = Parameters.defaults(SPECS);
        assertEquals(100, parameters.getInt(FRAMES));
        assertEquals(1.5, parameters.getDouble(SIGMA));
        assertEquals("epifluorescence", parameters.getString(PRESET));
        assertEquals(7L, parameters.getLong(SEED));
        assertEquals(false, parameters.getBoolean(FLIP));
    }

    @Test
    void typedTextIsParsedAndChecked() {
        Parameters parameters = Parameters.defaults(SPECS).withText("frames", "250").withText("sigmaPx", "0.5")
                .withText("preset", "two-photon").withText("seed", "-3").withText("flip", "yes");
        assertEquals(250, parameters.getInt(FRAMES));
        assertEquals(0.5, parameters.getDouble(SIGMA));
        assertEquals("two-photon", parameters.getString(PRESET));
        assertEquals(-3L, parameters.getLong(SEED));
        assertEquals(true, parameters.getBoolean(FLIP));
        assertEquals(Parameters.defaults(SPECS), Parameters.defaults(SPECS));
    }

    @Test
    void invalidValuesAreRefusedNamingTheParameterAndTheRange() {
        Parameters parameters = Parameters.defaults(SPECS);
        String outOfRange = assertThrows(IllegalArgumentException.class, () -> parameters.with("frames", 0))
                .getMessage();
        assertTrue(outOfRange.contains("Number of frames") && outOfRange.contains("frames")
                && outOfRange.contains("'0'") && outOfRange.contains("1 to 100000"), outOfRange);
        String notNumber = assertThrows(IllegalArgumentException.class, () -> parameters.withText("sigmaPx", "wide"))
                .getMessage();
        assertTrue(notNumber.contains("sigmaPx") && notNumber.contains("expected a number"), notNumber);
        String badChoice = assertThrows(IllegalArgumentException.class, () -> parameters.with("preset", "confocal"))
                .getMessage();
        assertTrue(badChoice.contains("epifluorescence, two-photon"), badChoice);
        assertThrows(IllegalArgumentException.class, () -> parameters.with("frames", 2.5));
        assertThrows(IllegalArgumentException.class, () -> parameters.with("unknown", 1));
    }

    @Test
    void specsRefuseBadDefinitions() {
        assertThrows(IllegalArgumentException.class,
                () -> ParamSpec.integer("Frames", "Frames", 1, 0, 2, "Upper-case key."));
        assertThrows(IllegalArgumentException.class,
                () -> ParamSpec.integer("frames", "Frames", 5, 0, 2, "Default out of range."));
        assertThrows(IllegalArgumentException.class,
                () -> Parameters.defaults(List.of(FRAMES, FRAMES)));
        assertThrows(IllegalArgumentException.class,
                () -> ParamSpec.path("file", "File", "", null, "A path without saying what it names."));
        assertThrows(IllegalArgumentException.class, () -> new ParamSpec("frames", "Frames", ParamType.INTEGER, 1,
                0.0, 2.0, List.of(), "A number that claims to be a path.", ParamSpec.PathKind.FILE_TO_READ, null));
    }
}
