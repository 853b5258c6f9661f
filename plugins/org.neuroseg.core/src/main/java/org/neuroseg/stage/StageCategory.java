package org.neuroseg.stage;

/** Where a stage's node appears in KNIME's node repository, under "NeuroSeg". */
public enum StageCategory {
    /** Reading, generating and writing data. */
    IO("io", "I/O"),
    /** Equalization and motion correction. */
    PREPROCESSING("preprocessing", "Preprocessing"),
    /** Finding cells: labelers, networks, refinement. */
    SEGMENTATION("segmentation", "Segmentation"),
    /** Traces, activity and rasters. */
    ANALYSIS("analysis", "Analysis"),
    /** Scoring against a reference. */
    EVALUATION("evaluation", "Evaluation");

    private final String pathSegment;
    private final String label;

    StageCategory(String pathSegment, String label) {
        this.pathSegment = pathSegment;
        this.label = label;
    }

    /** @return the category's path segment in KNIME's node repository */
    public String pathSegment() {
        return pathSegment;
    }

    /** @return the name users see */
    public String label() {
        return label;
    }
}
