package org.neuroseg.knime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.neuroseg.stage.ParamSpec;
import org.neuroseg.stage.Stage;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks one node description XML against the schema of the namespace it declares and against its stage: the right
 * number of input and output ports, exactly one option per parameter, named by the parameter's label.
 */
final class NodeDescriptionCheck {

    private NodeDescriptionCheck() {
    }

    /** @return what is wrong with {@code xml} as the description of {@code stage}; empty when nothing */
    static List<String> problems(Path xml, Stage stage) {
        List<String> problems = new ArrayList<>();
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            document = factory.newDocumentBuilder().parse(xml.toFile());
        } catch (Exception e) {
            return List.of(xml + ": not readable XML: " + e.getMessage());
        }
        Element root = document.getDocumentElement();
        if (!NodeDescriptions.NAMESPACE.equals(root.getNamespaceURI())) {
            return List.of(xml + ": declares namespace " + root.getNamespaceURI() + ", expected "
                    + NodeDescriptions.NAMESPACE);
        }
        try {
            Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(NodeDescriptionCheck.class.getResource("node-description-v4.1.xsd")).newValidator();
            validator.validate(new DOMSource(document));
        } catch (SAXException | IOException e) {
            problems.add(xml + ": not valid against " + NodeDescriptions.NAMESPACE + ": " + e.getMessage());
        }
        count(problems, xml, root, "inPort", stage.inputs().size());
        count(problems, xml, root, "outPort", stage.outputs().size());
        Set<String> options = new LinkedHashSet<>();
        NodeList optionNodes = root.getElementsByTagNameNS(NodeDescriptions.NAMESPACE, "option");
        for (int i = 0; i < optionNodes.getLength(); i++) {
            options.add(((Element) optionNodes.item(i)).getAttribute("name"));
        }
        Set<String> labels = new LinkedHashSet<>();
        for (ParamSpec spec : stage.parameters()) {
            labels.add(spec.label());
            if (!options.contains(spec.label())) {
                problems.add(xml + ": no option '" + spec.label() + "' for parameter " + spec.key());
            }
        }
        for (String option : options) {
            if (!labels.contains(option)) {
                problems.add(xml + ": option '" + option + "' is no parameter of stage " + stage.id());
            }
        }
        return problems;
    }

    private static void count(List<String> problems, Path xml, Element root, String element, int expected) {
        int found = root.getElementsByTagNameNS(NodeDescriptions.NAMESPACE, element).getLength();
        if (found != expected) {
            problems.add(xml + ": " + found + " " + element + " elements, the node has " + expected);
        }
    }
}
