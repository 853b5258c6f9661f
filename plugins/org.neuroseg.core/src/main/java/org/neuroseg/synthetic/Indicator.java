package org.neuroseg.synthetic;

/**
 * Genetically encoded calcium indicators and their response to one action potential: rise and decay time
 * constants of a double-exponential kernel and the peak ΔF/F of one spike. Values from the project's science
 * notes (jGCaMP7/8 and jRGECO1a papers); GCaMP6f's ΔF/F per spike (0.19) is from Chen et al. 2013.
 */
public enum Indicator {
    /** GCaMP6f: 45 ms rise, 230 ms decay, ΔF/F 0.19 per spike. */
    GCAMP6F(0.045, 0.230, 0.19),
    /** jGCaMP7f: 25 ms rise, 182 ms decay, ΔF/F 0.21 per spike. */
    JGCAMP7F(0.025, 0.182, 0.21),
    /** jGCaMP8f: 7 ms rise, 67 ms decay, ΔF/F 0.41 per spike. */
    JGCAMP8F(0.007, 0.067, 0.41),
    /** jGCaMP8m: 7 ms rise, 118 ms decay, ΔF/F 0.76 per spike. */
    JGCAMP8M(0.007, 0.118, 0.76),
    /** jGCaMP8s: 10 ms rise, 307 ms decay, ΔF/F 1.11 per spike. */
    JGCAMP8S(0.010, 0.307, 1.11),
    /** jRGECO1a (red): 25 ms rise, 250 ms decay, ΔF/F 0.28 per spike. */
    JRGECO1A(0.025, 0.250, 0.28);

    private final double riseSeconds;
    private final double decaySeconds;
    private final double dffPerSpike;

    Indicator(double riseSeconds, double decaySeconds, double dffPerSpike) {
        this.riseSeconds = riseSeconds;
        this.decaySeconds = decaySeconds;
        this.dffPerSpike = dffPerSpike;
    }

    /** @return rise time constant in seconds */
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
