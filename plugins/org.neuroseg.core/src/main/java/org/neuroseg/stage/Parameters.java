package org.neuroseg.stage;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checked values for a stage's parameters: every spec has a value, every value is valid. Immutable.
 */
public final class Parameters {

    private final Map<String, ParamSpec> specs;
    private final Map<String, Object> values;

    private Parameters(Map<String, ParamSpec> specs, Map<String, Object> values) {
        this.specs = specs;
        this.values = Collections.unmodifiableMap(values);
    }

    /** @return every parameter at its default */
    public static Parameters defaults(List<ParamSpec> specs) {
        Map<String, ParamSpec> byKey = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            if (byKey.put(spec.key(), spec) != null) {
                throw new IllegalArgumentException("parameter key '" + spec.key() + "' appears twice");
            }
            values.put(spec.key(), spec.defaultValue());
        }
        return new Parameters(byKey, values);
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

    /** @return the value of {@code spec}, boxed in its canonical type */
    public Object get(ParamSpec spec) {
        return values.get(spec(spec.key()).key());
    }

    /** @return the value of an {@link ParamType#INTEGER} parameter */
    public int getInt(ParamSpec spec) {
        return (Integer) get(spec);
    }

    /** @return the value of a {@link ParamType#LONG} parameter */
    public long getLong(ParamSpec spec) {
        return (Long) get(spec);
    }

    /** @return the value of a {@link ParamType#DOUBLE} parameter */
    public double getDouble(ParamSpec spec) {
        return (Double) get(spec);
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
