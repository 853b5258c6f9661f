package org.neuroseg.synthetic;

/**
 * Genetically encoded calcium indicators and their response to one action potential: rise and decay time
 * constants of a double-exponential kernel and the peak ΔF/F of one spike. Values from the project's science
 * notes (jGCaMP7/8 and jRGECO1a papers); GCaMP6f's ΔF/F per spike (0.19) is from Chen et al. 2013.
 */
public enum Indicator {
    /** GCaMP6f: 45 ms rise, 230 ms decay, ΔF/F 0.19 per spike. */
    GCAMP6F("GCaMP6f", 0.045, 0.230, 0.19),
    /** jGCaMP7f: 25 ms rise, 182 ms decay, ΔF/F 0.21 per spike. */
    JGCAMP7F("jGCaMP7f", 0.025, 0.182, 0.21),
    /** jGCaMP8f: 7 ms rise, 67 ms decay, ΔF/F 0.41 per spike. */
    JGCAMP8F("jGCaMP8f", 0.007, 0.067, 0.41),
    /** jGCaMP8m: 7 ms rise, 118 ms decay, ΔF/F 0.76 per spike. */
    JGCAMP8M("jGCaMP8m", 0.007, 0.118, 0.76),
    /** jGCaMP8s: 10 ms rise, 307 ms decay, ΔF/F 1.11 per spike. */
    JGCAMP8S("jGCaMP8s", 0.010, 0.307, 1.11),
    /** jRGECO1a (red): 25 ms rise, 250 ms decay, ΔF/F 0.28 per spike. */
    JRGECO1A("jRGECO1a", 0.025, 0.250, 0.28);

    private final String label;
    private final double riseSeconds;
    private final double decaySeconds;
    private final double dffPerSpike;

    Indicator(String label, double riseSeconds, double decaySeconds, double dffPerSpike) {
        this.label = label;
        this.riseSeconds = riseSeconds;
        this.decaySeconds = decaySeconds;
        this.dffPerSpike = dffPerSpike;
    }

    /** @return the indicator's usual name, e.g. "GCaMP6f" */
    public String label() {
        return label;
    }

    /**
     * @param label a name from {@link #label()}
     * @throws IllegalArgumentException naming the label and the known ones when it is unknown
     */
    public static Indicator fromLabel(String label) {
        for (Indicator indicator : values()) {
            if (indicator.label.equals(label)) {
                return indicator;
            }
        }
        throw new IllegalArgumentException("Unknown calcium indicator '" + label + "': known are "
                + java.util.Arrays.stream(values()).map(Indicator::label).toList());
    }

    /** @return the rise time constant in seconds */
    public double riseSeconds() {
        return riseSeconds;
    }

    /** @return decay time constant in seconds */
    public double decaySeconds() {
        return decaySeconds;
    }

    /** @return peak ΔF/F of one isolated spike (dimensionless) */
    public double dffPerSpike() {
        return dffPerSpike;
    }
}
