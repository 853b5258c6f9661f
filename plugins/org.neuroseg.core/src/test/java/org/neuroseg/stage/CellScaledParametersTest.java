package org.neuroseg.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroseg.video.RecordingInfo;

/** Every size parameter that derives from the cell diameter, across the stages. */
class CellScaledParametersTest {

    private static List<ParamSpec> cellScaled() {
        List<ParamSpec> specs = new ArrayList<>();
        for (Stage stage : Stages.all()) {
            stage.parameters().stream().filter(spec -> spec.cellScaling() != null).forEach(specs::add);
        }
        return specs;
    }

    @Test
    void theSizeStagesDeriveTheirSizesFromTheCellDiameter() {
        List<String> keys = new ArrayList<>();
        for (Stage stage : Stages.all()) {
            stage.parameters().stream().filter(spec -> spec.cellScaling() != null)
                    .forEach(spec -> keys.add(stage.id() + "/" + spec.key()));
        }
        for (String key : List.of("morphological-refinement/closingRadiusPx", "morphological-refinement/minAreaPx",
                "morphological-refinement/maxAreaPx", "morphological-refinement/minSeparationPx",
                "blob-labeler/cellRadiusPx", "activity-validation/ringGapPx", "activity-validation/ringWidthPx",
                "projection/backgroundSigmaPx", "local-equalization/backgroundSigmaPx",
                "motion-correction/estimationBackgroundSigmaPx")) {
            assertTrue(keys.contains(key), key + " among " + keys);
        }
    }

    @Test
    void atTheDefaultDiameterEachIsItsFormerDefault() {
        for (ParamSpec spec : cellScaled()) {
            Parameters resolved = Parameters.defaults(List.of(spec)).resolvedFor(RecordingInfo.UNKNOWN);
            assertEquals(((Number) spec.defaultValue()).doubleValue(),
                    ((Number) resolved.get(spec)).doubleValue(), 1e-9, spec.key());
        }
    }

    @Test
    void twiceTheDiameterGivesTwiceTheLengthsAndFourTimesTheAreas() {
        for (ParamSpec spec : cellScaled()) {
            Parameters defaults = Parameters.defaults(List.of(spec));
            double atEight = ((Number) defaults.resolved(8).get(spec)).doubleValue();
            double atSixteen = ((Number) defaults.resolvedFor(new RecordingInfo(0, 0, 16)).get(spec)).doubleValue();
            assertEquals(Math.pow(2, spec.cellScaling().power()) * atEight, atSixteen, 1e-9, spec.key());
        }
    }

    @Test
    void theAutoDescriptionGivesTheFactorAndTheValueAtTheDefault() {
        ParamSpec area = ParamSpec.integer("minAreaPx", "Minimum area (px)", 20, 1, 1000, "Smallest cell.")
                .derivedFromCellDiameter(new ParamSpec.CellScaling(0.3125, 2));
        assertEquals("auto: derived from the cell diameter (0.3125 x the diameter squared; 20 at 8 px cells).",
                area.autoDescription());
        ParamSpec ring = ParamSpec.decimal("ringGapPx", "Ring gap (px)", 2, 0, 100, "Gap.")
                .derivedFromCellDiameter(new ParamSpec.CellScaling(0.25, 1));
        assertEquals("auto: derived from the cell diameter (0.25 x the diameter; 2 at 8 px cells).",
                ring.autoDescription());
        assertFalse(ParamSpec.decimal("x", "X", 1, 0, 2, "X.").autoDescription().contains("auto"));
    }
}
