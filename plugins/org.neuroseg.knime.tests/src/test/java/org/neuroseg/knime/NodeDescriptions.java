package org.neuroseg.knime;

import java.util.List;
import java.util.stream.Collectors;
import org.neuroseg.activity.ActivityEvidence;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.PortKind;
import org.neuroseg.stage.PortSpec;
import org.neuroseg.stage.Stage;
import org.neuroseg.table.Column;
import org.neuroseg.table.MetricsTables;
import org.neuroseg.table.RoiTables;
import org.neuroseg.table.ShiftsTables;

/**
 * Writes a node's description XML (schema http://knime.org/node/v4.1) from its stage descriptor: name, short
 * description, intro, one option per parameter named by its label, one port per stage port, its description
 * followed by what the port holds in KNIME (the port type, or a table's columns).
 */
final class NodeDescriptions {

    /** Namespace of the node description schema the generated files declare. */
    static final String NAMESPACE = "http://knime.org/node/v4.1";

    private NodeDescriptions() {
    }

    static String generate(Stage stage) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<!-- Generated from the descriptor of stage '").append(stage.id())
                .append("' by NodeDescriptions in org.neuroseg.knime.tests: do not edit, regenerate. -->\n");
        xml.append("<knimeNode icon=\"./").append(NodeNames.iconName(stage)).append("\" type=\"")
                .append(nodeType(stage)).append("\" xmlns=\"").append(NAMESPACE)
                .append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"")
                .append(NAMESPACE).append(' ').append(NAMESPACE).append(".xsd\">\n");
        xml.append("    <name>").append(escape(stage.name())).append("</name>\n");
        xml.append("    <shortDescription>").append(escape(stage.shortDescription())).append("</shortDescription>\n");
        xml.append("    <fullDescription>\n");
        xml.append("        <intro><p>").append(escape(stage.description())).append("</p></intro>\n");
        for (ParamSpec spec : stage.parameters()) {
            xml.append("        <option name=\"").append(escape(spec.label())).append("\">")
                    .append(escape(optionText(spec))).append(" Settings key: <tt>").append(spec.key())
                    .append("</tt>.</option>\n");
        }
        xml.append("    </fullDescription>\n");
        xml.append("    <ports>\n");
        ports(xml, "inPort", stage.inputs());
        ports(xml, "outPort", stage.outputs());
        xml.append("    </ports>\n");
        xml.append("</knimeNode>\n");
        return xml.toString();
    }

    private static String nodeType(Stage stage) {
        if (stage.inputs().isEmpty()) {
            return "Source";
        }
        return stage.outputs().isEmpty() ? "Sink" : "Manipulator";
    }

    private static String optionText(ParamSpec spec) {
        StringBuilder text = new StringBuilder(spec.description());
        Object value = spec.defaultValue();
        if (spec.cellScaling() != null) {
            text.append(" Default ").append(spec.autoDescription()).append(" A value of your own replaces it,");
            text.append(" starting from ").append(value).append('.');
        } else {
            text.append(" Default: ").append(value instanceof String s && s.isEmpty() ? "none" : value).append('.');
        }
        if (spec.min() != null || spec.max() != null) {
            text.append(" Allowed: ").append(bound(spec.min())).append(" to ").append(bound(spec.max())).append('.');
        }
        if (!spec.choices().isEmpty()) {
            text.append(" One of: ").append(String.join(", ", spec.choices())).append('.');
        }
        return text.toString();
    }

    private static String bound(Double bound) {
        if (bound == null) {
            return "unbounded";
        }
        return bound == Math.rint(bound) ? Long.toString(bound.longValue()) : bound.toString();
    }

    private static void ports(StringBuilder xml, String element, List<PortSpec<?>> ports) {
        for (int i = 0; i < ports.size(); i++) {
            PortSpec<?> port = ports.get(i);
            xml.append("        <").append(element).append(" index=\"").append(i).append("\" name=\"")
                    .append(escape(port.name())).append("\">").append(escape(port.description())).append(' ')
                    .append(escape(knimeForm(port.kind()))).append("</")
                    .append(element).append(">\n");
        }
    }

    /** @return what a port of {@code kind} holds in KNIME, for users reading the node description */
    static String knimeForm(PortKind kind) {
        return switch (kind) {
            case VIDEO -> "KNIME port: NeuroSeg video (frames stay in the node's file store).";
            case IMAGE -> "KNIME port: NeuroSeg video of one frame.";
            case ROI_TABLE -> "KNIME table, one row per ROI: " + names(RoiTables.COLUMNS) + ".";
            case RASTER_TABLE -> "KNIME table, one row per neuron: ROI id, then one 0/1 column per frame (frame 0, "
                    + "frame 1, ...).";
            case METRICS_TABLE -> "KNIME table: " + names(MetricsTables.COLUMNS) + ".";
            case SHIFTS_TABLE -> "KNIME table, one row per frame: " + names(ShiftsTables.COLUMNS) + ".";
            case TRACES_TABLE -> "KNIME table, one row per neuron: ROI id, then one number column per frame (frame 0, "
                    + "frame 1, ...).";
            case ACTIVITY_TABLE -> "KNIME table, one row per ROI: " + names(ActivityEvidence.COLUMNS) + ".";
            case PICTURE -> "KNIME image port holding a PNG.";
            case MODEL -> "KNIME port: NeuroSeg model (the file stays in the node's file store).";
        };
    }

    private static String names(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
