package org.neuroseg.knime;

/**
 * Writes KNIME's config XML (namespace http://www.knime.org/2008/09/XMLConfig), the format of workflow.knime and
 * settings.xml: nested {@code config} elements holding typed {@code entry} elements.
 */
final class ConfigXml {

    private final StringBuilder xml = new StringBuilder();
    private int depth = 1;

    ConfigXml(String rootKey) {
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<config xmlns=\"http://www.knime.org/2008/09/XMLConfig\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.knime.org/"
                + "2008/09/XMLConfig http://www.knime.org/XMLConfig_2008_09.xsd\" key=\"").append(rootKey)
                .append("\">\n");
    }

    ConfigXml open(String key) {
        indent().append("<config key=\"").append(NodeDescriptions.escape(key)).append("\">\n");
        depth++;
        return this;
    }

    ConfigXml close() {
        depth--;
        indent().append("</config>\n");
        return this;
    }

    ConfigXml empty(String key) {
        indent().append("<config key=\"").append(NodeDescriptions.escape(key)).append("\"/>\n");
        return this;
    }

    /** Adds an entry; {@code type} is xint, xlong, xdouble, xboolean or xstring; a null string is written isnull. */
    ConfigXml entry(String key, String type, Object value) {
        indent().append("<entry key=\"").append(NodeDescriptions.escape(key)).append("\" type=\"").append(type)
                .append('"');
        if (value == null) {
            xml.append(" isnull=\"true\" value=\"\"");
        } else {
            xml.append(" value=\"").append(NodeDescriptions.escape(value.toString())).append('"');
        }
        xml.append("/>\n");
        return this;
    }

    ConfigXml string(String key, String value) {
        return entry(key, "xstring", value);
    }

    ConfigXml integer(String key, int value) {
        return entry(key, "xint", value);
    }

    ConfigXml bool(String key, boolean value) {
        return entry(key, "xboolean", value);
    }

    String finish() {
        return xml.append("</config>\n").toString();
    }

    private StringBuilder indent() {
        return xml.append("    ".repeat(depth));
    }
}
