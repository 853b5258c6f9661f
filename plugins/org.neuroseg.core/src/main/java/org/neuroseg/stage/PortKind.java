package org.neuroseg.stage;

import org.neuroseg.metrics.SegmentationScore;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.table.Table;
import org.neuroseg.video.Video;

/** What flows between stages, with the Java type that carries it. */
public enum PortKind {
    /** A video, axis order (T, Y, X): a {@link Video}. */
    VIDEO(Video.class),
    /** A single image (projection, mask, label image): a one-frame {@link Video}. */
    IMAGE(Video.class),
    /** Regions of interest, one row per neuron: a {@link RoiSet}. */
    ROI_TABLE(RoiSet.class),
    /** Activity, one row per neuron and one column per frame: a {@link Raster}. */
    RASTER_TABLE(Raster.class),
    /** Segmentation scores against a reference: a {@link SegmentationScore}. */
    METRICS_TABLE(SegmentationScore.class),
    /** Per-frame motion estimates: {@link MotionShifts}. */
    SHIFTS_TABLE(MotionShifts.class),
    /** Fluorescence traces, one row per neuron and one column per frame: {@link Traces}. */
    TRACES_TABLE(Traces.class),
    /** Activity Validation's evidence, one row per ROI ({@code ActivityEvidence}): a {@link Table}. */
    ACTIVITY_TABLE(Table.class),
    /** A picture for people (overlay, plot): a {@link Picture}. */
    PICTURE(Picture.class),
    /** A trained network: a {@link ModelFile}. */
    MODEL(ModelFile.class);

    private final Class<?> javaType;

    PortKind(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** @return the class every value on such a port is an instance of */
    public Class<?> javaType() {
        return javaType;
    }
}
