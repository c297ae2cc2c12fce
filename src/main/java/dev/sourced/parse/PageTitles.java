package dev.sourced.parse;

import dev.sourced.load.ArticleFile;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * The title of a page whose front-matter has none (a warning says so): its first heading, else its
 * file's name ({@code getting_started.md} is "Getting started"; a section's page takes its folder's
 * name). A first heading of level 1 that opens the body is taken out of it, since the page shows
 * its title above the body already: a Markdown file that starts with {@code # Title} reads the
 * same.
 */
final class PageTitles {
  private PageTitles() {}

  /** The text of the body's first heading, or null when it has none. */
  static String fromBody(Node tree) {
    for (Node n = tree.getFirstChild(); n != null; n = n.getNext()) {
      if (!(n instanceof Heading h)) continue;
      String text = text(h).strip();
      if (text.isEmpty()) return null;
      if (h.getLevel() == 1 && n == tree.getFirstChild()) h.unlink();
      return text;
    }
    return null;
  }

  /**
   * A title made from the file's (or, for a section's page, its folder's) name; null at the root.
   */
  static String fromFileName(ArticleFile file) {
    String path = file.path();
    String name = path.substring(path.lastIndexOf('/') + 1);
    name = name.substring(0, name.lastIndexOf('.'));
    if (name.equals("_index") || name.equals("index")) {
      String dir = path.substring(0, path.lastIndexOf('/'));
      if (!dir.contains("/")) return null;
      name = dir.substring(dir.lastIndexOf('/') + 1);
    }
    String words = name.replaceAll("[-_\\s]+", " ").strip();
    if (words.isEmpty()) return null;
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String text(Node node) {
    StringBuilder out = new StringBuilder();
    for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Text t) out.append(t.getLiteral());
      else if (c instanceof Code code) out.append(code.getLiteral());
      else out.append(text(c));
    }
    return out.toString();
  }
}
