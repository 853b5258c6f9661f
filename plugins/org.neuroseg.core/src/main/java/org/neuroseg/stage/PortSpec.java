package org.neuroseg.stage;

/**
 * One input or output of a stage.
 *
 * @param name short name shown on the KNIME port and in node descriptions
 * @param kind what flows through it
 * @param description one or two sentences for the node description
 */
public record PortSpec(String name, PortKind kind, String description) {
}
