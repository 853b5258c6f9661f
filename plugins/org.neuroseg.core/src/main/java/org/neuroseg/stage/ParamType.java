package org.neuroseg.stage;

/** The kinds of value a stage parameter takes; each maps to one KNIME settings model and one dialog control. */
public enum ParamType {
    /** A whole number (Java int). */
    INTEGER,
    /** A long whole number, used for random seeds. */
    LONG,
    /** A real number (Java double). */
    DOUBLE,
    /** Yes or no. */
    BOOLEAN,
    /** Free text. */
    STRING,
    /** One of a fixed list of words. */
    CHOICE,
    /** A file or folder path. */
    PATH
}
