package org.neuroseg.stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroseg.NeurosegException;

/**
 * The values on a stage's ports, read and written by their typed {@link PortSpec}: a stage's inputs and its
 * results. Immutable; {@link #with} returns a copy.
 */
public final class PortValues {

    private static final PortValues EMPTY = new PortValues(Map.of());

    private final Map<PortSpec<?>, Object> values;

    private PortValues(Map<PortSpec<?>, Object> values) {
        this.values = values;
    }

    /** @return no values: the inputs of a stage without input ports */
    public static PortValues none() {
        return EMPTY;
    }

    /** @return one value */
    public static <A> PortValues of(PortSpec<A> port, A value) {
        return EMPTY.with(port, value);
    }

    /** @return two values */
    public static <A, B> PortValues of(PortSpec<A> first, A firstValue, PortSpec<B> second, B secondValue) {
        return of(first, firstValue).with(second, secondValue);
    }

    /**
     * @return the values given in port order, e.g. by the KNIME adapter
     * @throws IllegalArgumentException when the counts differ or a value is not of its port's type (naming it)
     */
    public static PortValues inPortOrder(List<? extends PortSpec<?>> ports, List<?> values) {
        if (ports.size() != values.size()) {
            throw new IllegalArgumentException(ports.size() + " ports but " + values.size() + " values");
        }
        Map<PortSpec<?>, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < ports.size(); i++) {
            map.put(ports.get(i), ports.get(i).cast(values.get(i)));
        }
        return new PortValues(map);
    }

    /**
     * @return a copy with {@code value} on {@code port} (replacing any value there)
     * @throws IllegalArgumentException when the value is null or not of the port's type
     */
    public <T> PortValues with(PortSpec<T> port, T value) {
        Map<PortSpec<?>, Object> copy = new LinkedHashMap<>(values);
        copy.put(port, port.cast(value));
        return new PortValues(copy);
    }

    /**
     * @return the value on {@code port}
     * @throws IllegalArgumentException naming the port when it has no value
     */
    public <T> T get(PortSpec<T> port) {
        Object value = values.get(port);
        if (value == null) {
            throw new IllegalArgumentException("no value on port '" + port.name() + "'; ports with values: "
                    + values.keySet().stream().map(PortSpec::name).toList());
        }
        return port.cast(value);
    }

    /**
     * @return the values of {@code ports}, in their order
     * @throws IllegalArgumentException naming the first port without a value
     */
    public List<Object> inPortOrder(List<? extends PortSpec<?>> ports) {
        List<Object> list = new ArrayList<>(ports.size());
        for (PortSpec<?> port : ports) {
            list.add(get(port));
        }
        return list;
    }

    /** @return every value, in the order they were added */
    public List<Object> all() {
        return List.copyOf(values.values());
    }

    /**
     * Closes every value that holds a resource (the videos), e.g. outputs that were only written for their files.
     *
     * @throws NeurosegException naming the first value that could not be closed, after trying all
     */
    public void closeAll() throws NeurosegException {
        StageRuns.closeAll(values.values());
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
