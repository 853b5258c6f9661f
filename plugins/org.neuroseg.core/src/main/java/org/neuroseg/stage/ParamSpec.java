package org.neuroseg.stage;

import java.util.List;
import java.util.Locale;
import org.neuroseg.video.RecordingInfo;

/**
 * One parameter of a stage: its stable key (saved in users' workflows and command lines: never rename), the label a
 * user reads, its type, default, bounds or choices and a one-line description. The KNIME dialog, the KNIME settings,
 * the node description, the command-line options and the parameter documentation all come from these.
 *
 * @param key lowerCamelCase settings key, unique within its stage
 * @param label words shown in dialogs and node descriptions
 * @param type the kind of value
 * @param defaultValue Integer, Long, Double, Boolean or String matching {@code type}
 * @param min smallest allowed value for numbers, or null for no bound
 * @param max largest allowed value for numbers, or null for no bound
 * @param choices allowed values for {@link ParamType#CHOICE}, empty otherwise
 * @param description one line for the user, with units
 * @param pathKind what a {@link ParamType#PATH} names (how a dialog lets the user choose it); null for other types
 * @param cellScaling for a size that by default derives from the cell diameter (see {@link CellScaling}); null for
 *        a parameter that always takes a value of its own
 */
public record ParamSpec(String key, String label, ParamType type, Object defaultValue, Double min, Double max,
        List<String> choices, String description, PathKind pathKind, CellScaling cellScaling) {

    /**
     * The value of a parameter with a {@link CellScaling} that derives from the cell diameter rather than being given;
     * users type it as {@code auto}. {@link Parameters#resolved(double)} replaces it with the derived number.
     */
    public static final String AUTO = "auto";

    /** Suffix of the settings key that says whether a cell-scaled parameter is {@link #AUTO} ({@link #autoKey()}). */
    public static final String AUTO_KEY_SUFFIX = "Auto";

    /**
     * How a size parameter derives from the cell diameter d (in pixels) when its value is {@link #AUTO}: the value
     * is {@code factor * d^power}, rounded for whole-number parameters (e.g. a minimum area of 0.25 d^2 px, a
     * neuropil ring of 1.5 d px).
     *
     * @param factor positive multiplier
     * @param power 1 for lengths, 2 for areas; 1 to 3
     */
    public record CellScaling(double factor, int power) {

        /** Checks the factor and the power. */
        public CellScaling {
            if (!(factor > 0) || Double.isInfinite(factor) || power < 1 || power > 3) {
                throw new IllegalArgumentException("cell scaling needs a positive factor and a power of 1 to 3, got "
                        + factor + " x d^" + power);
            }
        }

        /** @return {@code factor * cellDiameterPx^power} */
        public double apply(double cellDiameterPx) {
            return factor * Math.pow(cellDiameterPx, power);
        }

        @Override
        public String toString() {
            return factor + " x cell diameter" + (power == 1 ? "" : "^" + power);
        }
    }

    /** What a path parameter names. */
    public enum PathKind {
        /** An existing file to read (or a folder of TIFF files, typed in). */
        FILE_TO_READ(false, false),
        /** An existing folder to read. */
        FOLDER_TO_READ(false, true),
        /** A file to write, created or replaced. */
        FILE_TO_WRITE(true, false),
        /** A folder to write into, created when missing. */
        FOLDER_TO_WRITE(true, true);

        private final boolean written;
        private final boolean folder;

        PathKind(boolean written, boolean folder) {
            this.written = written;
            this.folder = folder;
        }

        /** @return whether the path is written rather than read */
        public boolean written() {
            return written;
        }

        /** @return whether the path names a folder */
        public boolean folder() {
            return folder;
        }
    }

    /** Checks that the key is lowerCamelCase and the default is valid. */
    public ParamSpec {
        if (!key.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("parameter key must be lowerCamelCase: '" + key + "'");
        }
        choices = List.copyOf(choices);
        if (type == ParamType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + key + "' needs choices");
        }
        if ((type == ParamType.PATH) != (pathKind != null)) {
            throw new IllegalArgumentException("parameter '" + key + "' needs a path kind exactly when it is a path");
        }
        if (label.isBlank() || description.isBlank()) {
            throw new IllegalArgumentException("parameter '" + key + "' needs a label and a description");
        }
        if (cellScaling != null && type != ParamType.INTEGER && type != ParamType.DOUBLE) {
            throw new IllegalArgumentException("parameter '" + key + "' derives from the cell diameter, so it must be"
                    + " a number");
        }
        checkValue(key, label, type, min, max, choices, defaultValue);
    }

    /**
     * @param scaling how the value derives from the cell diameter
     * @return this parameter with its value by default {@link #AUTO}, derived from the cell diameter; its
     *         {@link #defaultValue()} stays the number a user starts from when giving a value of their own
     */
    public ParamSpec derivedFromCellDiameter(CellScaling scaling) {
        return new ParamSpec(key, label, type, defaultValue, min, max, choices, description, pathKind, scaling);
    }

    /** @return the settings key that says whether the value is {@link #AUTO}; only for cell-scaled parameters */
    public String autoKey() {
        if (cellScaling == null) {
            throw new IllegalStateException("parameter '" + key + "' does not derive from the cell diameter");
        }
        return key + AUTO_KEY_SUFFIX;
    }

    /**
     * @return for a cell-scaled parameter, the sentence that tells users what {@link #AUTO} means, with the value at
     *         {@link RecordingInfo#DEFAULT_CELL_DIAMETER_PX}, e.g. "auto: derived from the cell diameter (0.125 x the
     *         diameter; 1 at 8 px cells)."; empty for other parameters
     */
    public String autoDescription() {
        if (cellScaling == null) {
            return "";
        }
        double atDefault = cellScaling.apply(RecordingInfo.DEFAULT_CELL_DIAMETER_PX);
        return AUTO + ": derived from the cell diameter (" + number(cellScaling.factor()) + " x the diameter"
                + switch (cellScaling.power()) {
                    case 1 -> "";
                    case 2 -> " squared";
                    default -> " cubed";
                } + "; " + number(type == ParamType.INTEGER ? Math.round(atDefault) : atDefault) + " at "
                + number(RecordingInfo.DEFAULT_CELL_DIAMETER_PX) + " px cells).";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** @return the value a stage starts with: {@link #AUTO} for a cell-scaled parameter, else the default */
    public Object initialValue() {
        return cellScaling == null ? defaultValue : AUTO;
    }

    /** @return a whole-number parameter within [min, max] */
    public static ParamSpec integer(String key, String label, int defaultValue, int min, int max, String doc) {
        return new ParamSpec(key, label, ParamType.INTEGER, defaultValue, (double) min, (double) max, List.of(), doc,
                null, null);
    }

    /** @return a long parameter (random seeds), any value allowed */
    public static ParamSpec seed(String key, String label, long defaultValue, String doc) {
        return new ParamSpec(key, label, ParamType.LONG, defaultValue, null, null, List.of(), doc, null, null);
    }

    /** @return a real-number parameter within [min, max] */
    public static ParamSpec decimal(String key, String label, double defaultValue, double min, double max,
            String doc) {
        return new ParamSpec(key, label, ParamType.DOUBLE, defaultValue, min, max, List.of(), doc, null, null);
    }

    /** @return a yes/no parameter */
    public static ParamSpec bool(String key, String label, boolean defaultValue, String doc) {
        return new ParamSpec(key, label, ParamType.BOOLEAN, defaultValue, null, null, List.of(), doc, null, null);
    }

    /** @return a parameter taking one of {@code choices}; the default must be one of them */
    public static ParamSpec choice(String key, String label, String defaultValue, List<String> choices,
            String doc) {
        return new ParamSpec(key, label, ParamType.CHOICE, defaultValue, null, null, choices, doc, null, null);
    }

    /** @return a free-text parameter */
    public static ParamSpec text(String key, String label, String defaultValue, String doc) {
        return new ParamSpec(key, label, ParamType.STRING, defaultValue, null, null, List.of(), doc, null, null);
    }

    /** @return a file or folder path parameter; an empty default means "not set" */
    public static ParamSpec path(String key, String label, String defaultValue, PathKind kind, String doc) {
        return new ParamSpec(key, label, ParamType.PATH, defaultValue, null, null, List.of(), doc, kind, null);
    }

    /**
     * Checks a value for this parameter and returns it in its canonical Java type (Integer, Long, Double, Boolean,
     * String). Numbers of another boxed type are converted when exact. A cell-scaled parameter also takes
     * {@link #AUTO}.
     *
     * @throws IllegalArgumentException with a message naming the parameter, the value and what is allowed
     */
    public Object check(Object value) {
        if (cellScaling != null && AUTO.equals(value)) {
            return AUTO;
        }
        return checkValue(key, label, type, min, max, choices, value);
    }

    private static Object checkValue(String key, String label, ParamType type, Double min, Double max,
            List<String> choices, Object value) {
        if (value == null) {
            throw invalid(key, label, null, "a value is required");
        }
        return switch (type) {
            case INTEGER -> {
                if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                        || Math.abs(number.doubleValue()) > Integer.MAX_VALUE) {
                    throw invalid(key, label, value, "expected a whole number");
                }
                yield checkBounds(key, label, min, max, number.intValue());
            }
            case LONG -> {
                if (!(value instanceof Long || value instanceof Integer)) {
                    throw invalid(key, label, value, "expected a whole number");
                }
                yield ((Number) value).longValue();
            }
            case DOUBLE -> {
                if (!(value instanceof Number number) || Double.isNaN(number.doubleValue())) {
                    throw invalid(key, label, value, "expected a number");
                }
                yield checkBounds(key, label, min, max, number.doubleValue());
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    throw invalid(key, label, value, "expected true or false");
                }
                yield value;
            }
            case CHOICE -> {
                if (!choices.contains(value)) {
                    throw invalid(key, label, value, "expected one of " + String.join(", ", choices));
                }
                yield value;
            }
            case STRING, PATH -> {
                if (!(value instanceof String)) {
                    throw invalid(key, label, value, "expected text");
                }
                yield value;
            }
        };
    }

    /**
     * Parses a value typed by a user (command line, flow variable) and checks it; {@code auto} for a cell-scaled
     * parameter is {@link #AUTO}.
     *
     * @throws IllegalArgumentException naming the parameter when the text is not a valid value
     */
    public Object parse(String text) {
        String trimmed = text.trim();
        if (cellScaling != null && AUTO.equalsIgnoreCase(trimmed)) {
            return AUTO;
        }
        try {
            return check(switch (type) {
                case INTEGER -> Integer.valueOf(trimmed);
                case LONG -> Long.valueOf(trimmed);
                case DOUBLE -> Double.valueOf(trimmed);
                case BOOLEAN -> switch (trimmed.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "1" -> Boolean.TRUE;
                    case "false", "no", "0" -> Boolean.FALSE;
                    default -> throw invalid(key, label, text, "expected true or false");
                };
                case STRING, PATH, CHOICE -> text;
            });
        } catch (NumberFormatException e) {
            throw invalid(key, label, text,
                    type == ParamType.DOUBLE ? "expected a number" : "expected a whole number");
        }
    }

    private static <N extends Number> N checkBounds(String key, String label, Double min, Double max, N number) {
        double value = number.doubleValue();
        if ((min != null && value < min) || (max != null && value > max)) {
            throw invalid(key, label, number, "allowed range is " + format(min) + " to " + format(max));
        }
        return number;
    }

    private static IllegalArgumentException invalid(String key, String label, Object value, String expected) {
        return new IllegalArgumentException(
                "Parameter '" + label + "' (" + key + "): invalid value '" + value + "', " + expected);
    }

    private static String format(Double bound) {
        if (bound == null) {
            return "unbounded";
        }
        return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? Long.toString(bound.longValue())
                : bound.toString();
    }

    /**
     * Checks that a numeric parameter does not exceed another, as a minimum and its maximum. When either is
     * {@link #AUTO} the order is only known once they are {@linkplain Parameters#resolved(double) resolved}, so
     * nothing is checked: a stage checks again after resolving them.
     *
     * @throws IllegalArgumentException naming both parameters and their values when {@code lower} exceeds
     *         {@code upper}
     */
    public static void checkOrder(Parameters parameters, ParamSpec lower, ParamSpec upper) {
        if (parameters.isAuto(lower) || parameters.isAuto(upper)) {
            return;
        }
        double low = ((Number) parameters.get(lower)).doubleValue();
        double high = ((Number) parameters.get(upper)).doubleValue();
        if (low > high) {
            throw new IllegalArgumentException("'" + lower.label() + "' (" + parameters.get(lower)
                    + ") must not exceed '" + upper.label() + "' (" + parameters.get(upper) + ")");
        }
    }
}
