package cn.henan.skills.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Reads a model file sent for deployment (from anyone with deployment rights: no DTDs, no external entities). */
final class Xml {
  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  private Xml() {
  }

  static Document parse(byte[] content) throws SAXException, IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every descendant element in a namespace with this local name ("*" for any). */
  static List<Element> all(Element root, String namespace, String localName) {
    List<Element> found = new ArrayList<>();
    var list = root.getElementsByTagNameNS(namespace, localName);
    for (int i = 0; i < list.getLength(); i++) {
      found.add((Element) list.item(i));
    }
    return found;
  }

  static List<Element> children(Element parent) {
    List<Element> found = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element) {
        found.add(element);
      }
    }
    return found;
  }

  /** The attribute's value, or null when it is absent or empty. */
  static String attribute(Element element, String namespace, String name) {
    String value = namespace == null ? element.getAttribute(name) : element.getAttributeNS(namespace, name);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
