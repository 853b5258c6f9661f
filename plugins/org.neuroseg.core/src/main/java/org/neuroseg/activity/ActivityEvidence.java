package org.neuroseg.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neuroseg.stage.Parameters;
import org.neuroseg.table.Column;
import org.neuroseg.table.ColumnType;
import org.neuroseg.table.Table;

/**
 * Activity Validation's decision and why it was taken: how often and how far each ROI's ΔF/F rose above and
 * dipped below the noise band ({@link EventDetector#crossings}), and whether that shows activity under the stage's
 * settings. The stage decides with it, and its evidence output, the table of it, tells a user why a cell was kept or
 * dropped.
 */
public final class ActivityEvidence {

    /** Column of ROI ids. */
    public static final String ROI_ID = "ROI id";
    /** Column of rises above the noise band. */
    public static final String RISES = "rises";
    /** Column of dips below it. */
    public static final String DIPS = "dips";
    /** Column of the share of the crossings that are rises (noise alone: about 0.5). */
    public static final String SHARE = "share of rises";
    /** Column of the highest point of the trace, in robust standard deviations. */
    public static final String LARGEST_RISE = "largest rise (x noise)";
    /** Column of the depth of its lowest point, in robust standard deviations. */
    public static final String DEEPEST_DIP = "deepest dip (x noise)";
    /** Column saying whether the ROI was kept ("yes" or "no"). */
    public static final String KEPT = "kept";
    /** Column saying which rule kept or dropped it ({@link EventDetector.Verdict#reason}). */
    public static final String WHY = "why";

    /** Columns of the evidence table, in order. */
    public static final List<Column> COLUMNS = List.of(new Column(ROI_ID, ColumnType.INT),
            new Column(RISES, ColumnType.INT), new Column(DIPS, ColumnType.INT), new Column(SHARE, ColumnType.DOUBLE),
            new Column(LARGEST_RISE, ColumnType.DOUBLE), new Column(DEEPEST_DIP, ColumnType.DOUBLE),
            new Column(KEPT, ColumnType.STRING), new Column(WHY, ColumnType.STRING));

    private ActivityEvidence() {
    }

    /** @return the crossings of one ΔF/F trace with the band of the stage's settings */
    static EventDetector.Crossings crossings(float[] dff, Parameters parameters, double frameRateHz) {
        return EventDetector.crossings(dff, parameters.getDouble(ActivityValidationStage.NARROW) * frameRateHz,
                parameters.getDouble(ActivityValidationStage.WIDE) * frameRateHz,
                parameters.getDouble(ActivityValidationStage.THRESHOLD));
    }

    /** @return whether the crossings show activity under the stage's settings, and which rule decided */
    static EventDetector.Verdict verdict(EventDetector.Crossings crossings, Parameters parameters) {
        return crossings.verdict(parameters.getInt(ActivityValidationStage.MIN_EVENTS),
                parameters.getDouble(ActivityValidationStage.MIN_RISE_SHARE),
                parameters.getDouble(ActivityValidationStage.CLEAR_TRANSIENT),
                parameters.getDouble(ActivityValidationStage.MIN_PEAK));
    }

    /**
     * @param ids the ROI id of each row
     * @param crossings each ROI's crossings of the noise band
     * @param verdicts each ROI's {@link #verdict}
     * @return one row per ROI: id, rises, dips, share of rises (NaN without crossings), largest rise, deepest dip,
     *         kept, why
     */
    static Table table(int[] ids, EventDetector.Crossings[] crossings, EventDetector.Verdict[] verdicts) {
        List<List<Object>> rows = new ArrayList<>(ids.length);
        for (int r = 0; r < ids.length; r++) {
            int total = crossings[r].rises() + crossings[r].dips();
            rows.add(List.of(ids[r], crossings[r].rises(), crossings[r].dips(),
                    total == 0 ? Double.NaN : crossings[r].rises() / (double) total, crossings[r].largestRise(),
                    crossings[r].deepestDip(), verdicts[r].kept() ? "yes" : "no", verdicts[r].reason()));
        }
        return new Table(COLUMNS, rows, Map.of());
    }
}
