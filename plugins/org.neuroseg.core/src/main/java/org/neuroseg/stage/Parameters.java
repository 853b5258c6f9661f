package org.neuroseg.stage;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neuroseg.video.RecordingInfo;

/**
 * Checked values for a stage's parameters: every spec has a value, every value is valid. Immutable. A parameter that
 * derives from the cell diameter ({@link ParamSpec#cellScaling()}) may hold {@link ParamSpec#AUTO} instead of a
 * number; {@link #resolved(double)} turns such values into numbers before a stage reads them.
 */
public final class Parameters {

    private final Map<String, ParamSpec> specs;
    private final Map<String, Object> values;

    private Parameters(Map<String, ParamSpec> specs, Map<String, Object> values) {
        this.specs = specs;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * @return every parameter at its initial value ({@link ParamSpec#initialValue()}: the default, or
     *         {@link ParamSpec#AUTO} for a parameter that derives from the cell diameter)
     * @throws IllegalArgumentException when two parameters share a settings key
     */
    public static Parameters defaults(List<ParamSpec> specs) {
        Map<String, ParamSpec> byKey = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> settingsKeys = new HashSet<>();
        for (ParamSpec spec : specs) {
            byKey.put(spec.key(), spec);
            if (!settingsKeys.add(spec.key()) || (spec.cellScaling() != null && !settingsKeys.add(spec.autoKey()))) {
                throw new IllegalArgumentException("parameter key '" + spec.key() + "' appears twice");
            }
            values.put(spec.key(), spec.initialValue());
        }
        return new Parameters(byKey, values);
    }

    /** @return whether {@code spec} holds {@link ParamSpec#AUTO}, to be derived from the cell diameter */
    public boolean isAuto(ParamSpec spec) {
        return ParamSpec.AUTO.equals(get(spec));
    }

    /**
     * Derives every {@link ParamSpec#AUTO} value from the cell diameter ({@link ParamSpec.CellScaling}), rounding for
     * whole-number parameters.
     *
     * @param cellDiameterPx the cell diameter in pixels (the recording's, or a stage's own setting); 0 when unknown
     * @return a copy without {@link ParamSpec#AUTO} values; this when there are none
     * @throws IllegalArgumentException naming the parameter when a value is auto but the diameter is unknown, or the
     *         derived value is out of the parameter's range
     */
    public Parameters resolved(double cellDiameterPx) {
        Parameters resolved = this;
        for (ParamSpec spec : specs.values()) {
            if (!isAuto(spec)) {
                continue;
            }
            if (!(cellDiameterPx > 0) || Double.isInfinite(cellDiameterPx)) {
                throw new IllegalArgumentException("Parameter '" + spec.label() + "' (" + spec.key() + ") is auto ("
                        + spec.cellScaling() + ") but the cell diameter is unknown: give the recording's cell"
                        + " diameter or a value of the parameter's own");
            }
            double derived = spec.cellScaling().apply(cellDiameterPx);
            Object value = spec.type() == ParamType.INTEGER ? (Object) (int) Math.min(Integer.MAX_VALUE,
                    Math.round(derived)) : (Object) derived;
            try {
                resolved = resolved.with(spec.key(), value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " (derived as " + spec.cellScaling()
                        + " for a cell diameter of " + cellDiameterPx + " px)", e);
            }
        }
        return resolved;
    }

    /**
     * Derives every {@link ParamSpec#AUTO} value from the cell diameter of the recording a stage processes: its
     * recorded diameter, or {@link RecordingInfo#DEFAULT_CELL_DIAMETER_PX} when it records none. Stages call this on
     * the recording of their input before reading a size parameter; values a user gave stay as they are.
     *
     * @param recording what is known of the recording (of the input video or image)
     * @return a copy without {@link ParamSpec#AUTO} values; this when there are none
     * @throws IllegalArgumentException naming the parameter when a derived value is out of its range
     */
    public Parameters resolvedFor(RecordingInfo recording) {
        return resolved(recording.cellDiameterPxOrDefault());
    }

    /**
     * @return a copy with {@code key} set to {@code value}
     * @throws IllegalArgumentException when the key is unknown or the value invalid (the message names both)
     */
    public Parameters with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, spec(key).check(value));
        return new Parameters(specs, copy);
    }

    /** @return a copy with {@code key} set from user-typed text (see {@link ParamSpec#parse(String)}) */
    public Parameters withText(String key, String text) {
        return with(key, spec(key).parse(text));
    }

    /** @return the spec of {@code key} */
    public ParamSpec spec(String key) {
        ParamSpec spec = specs.get(key);
        if (spec == null) {
            throw new IllegalArgumentException("unknown parameter '" + key + "'; known: " + specs.keySet());
        }
        return spec;
    }

    /** @return the specs in declaration order */
    public List<ParamSpec> specs() {
        return List.copyOf(specs.values());
    }

    /** @return the value of {@code spec}, boxed in its canonical type, or {@link ParamSpec#AUTO} */
    public Object get(ParamSpec spec) {
        return values.get(spec(spec.key()).key());
    }

    /**
     * @return the value of an {@link ParamType#INTEGER} parameter
     * @throws IllegalStateException when it is {@link ParamSpec#AUTO}: call {@link #resolved(double)} first
     */
    public int getInt(ParamSpec spec) {
        return (Integer) number(spec);
    }

    /** @return the value of a {@link ParamType#LONG} parameter */
    public long getLong(ParamSpec spec) {
        return (Long) get(spec);
    }

    /**
     * @return the value of a {@link ParamType#DOUBLE} parameter
     * @throws IllegalStateException when it is {@link ParamSpec#AUTO}: call {@link #resolved(double)} first
     */
    public double getDouble(ParamSpec spec) {
        return (Double) number(spec);
    }

    private Object number(ParamSpec spec) {
        Object value = get(spec);
        if (ParamSpec.AUTO.equals(value)) {
            throw new IllegalStateException("parameter '" + spec.key() + "' is auto: resolve the parameters against"
                    + " the cell diameter before reading it");
        }
        return value;
    }

    /** @return the value of a {@link ParamType#BOOLEAN} parameter */
    public boolean getBoolean(ParamSpec spec) {
        return (Boolean) get(spec);
    }

    /** @return the value of a text, choice or path parameter */
    public String getString(ParamSpec spec) {
        return (String) get(spec);
    }

    /** @return the value of a {@link ParamType#PATH} parameter, or null when it is empty */
    public Path getPath(ParamSpec spec) {
        String text = getString(spec);
        return text.isBlank() ? null : Path.of(text);
    }

    /** @return key to value, in declaration order */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Parameters parameters && parameters.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
