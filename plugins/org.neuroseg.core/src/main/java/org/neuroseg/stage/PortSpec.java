package org.neuroseg.stage;

import org.neuroseg.metrics.SegmentationScore;
import org.neuroseg.roi.RoiSet;
import org.neuroseg.table.Table;
import org.neuroseg.video.Video;

/**
 * One input or output of a stage, typed by the Java type of its values, so that code chaining stages reads and
 * writes {@link PortValues} without casts. Create ports with the factories, one per {@link PortKind}.
 *
 * @param <T> the Java type of the values, {@link PortKind#javaType()}
 * @param name short name shown on the KNIME port and in node descriptions
 * @param kind what flows through it
 * @param description one or two sentences for the node description
 */
public record PortSpec<T>(String name, PortKind kind, String description) {

    /** @return a video port, axis order (T, Y, X) */
    public static PortSpec<Video> video(String name, String description) {
        return new PortSpec<>(name, PortKind.VIDEO, description);
    }

    /** @return a port of one image (projection, mask, label image), carried as a one-frame video */
    public static PortSpec<Video> image(String name, String description) {
        return new PortSpec<>(name, PortKind.IMAGE, description);
    }

    /** @return a port of regions of interest */
    public static PortSpec<RoiSet> rois(String name, String description) {
        return new PortSpec<>(name, PortKind.ROI_TABLE, description);
    }

    /** @return a port of activity, neurons x frames */
    public static PortSpec<Raster> raster(String name, String description) {
        return new PortSpec<>(name, PortKind.RASTER_TABLE, description);
    }

    /** @return a port of segmentation scores */
    public static PortSpec<SegmentationScore> metrics(String name, String description) {
        return new PortSpec<>(name, PortKind.METRICS_TABLE, description);
    }

    /** @return a port of per-frame motion estimates */
    public static PortSpec<MotionShifts> shifts(String name, String description) {
        return new PortSpec<>(name, PortKind.SHIFTS_TABLE, description);
    }

    /** @return a port of fluorescence traces, neurons x frames */
    public static PortSpec<Traces> traces(String name, String description) {
        return new PortSpec<>(name, PortKind.TRACES_TABLE, description);
    }

    /** @return a port of Activity Validation's evidence, one row per ROI */
    public static PortSpec<Table> activity(String name, String description) {
        return new PortSpec<>(name, PortKind.ACTIVITY_TABLE, description);
    }

    /** @return a port of a picture for people */
    public static PortSpec<Picture> picture(String name, String description) {
        return new PortSpec<>(name, PortKind.PICTURE, description);
    }

    /** @return a port of a trained network */
    public static PortSpec<ModelFile> model(String name, String description) {
        return new PortSpec<>(name, PortKind.MODEL, description);
    }

    /**
     * @return {@code value} as this port's type
     * @throws IllegalArgumentException naming the port when the value is null or of another type
     */
    @SuppressWarnings("unchecked")
    public T cast(Object value) {
        if (!kind.javaType().isInstance(value)) {
            throw new IllegalArgumentException("port '" + name + "' carries " + kind.javaType().getSimpleName()
                    + ", not " + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return (T) value;
    }
}
