package dev.sourced.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reading parsed feeds and sitemaps: child elements in the parent's namespace. */
public final class Xml {
  public static final String ATOM = "http://www.w3.org/2005/Atom";
  public static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

  private Xml() {}

  /** The text of the one child {@code name} (asserting there is exactly one). */
  public static String text(Element parent, String name) {
    List<Element> c = children(parent, name);
    assertThat(c).as("<" + name + "> in <" + parent.getLocalName() + ">").hasSize(1);
    return c.get(0).getTextContent();
  }

  /** The direct children named {@code name} in the parent's namespace, in document order. */
  public static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e
          && name.equals(e.getLocalName())
          && parent.getNamespaceURI().equals(e.getNamespaceURI())) {
        out.add(e);
      }
    }
    return out;
  }
}
