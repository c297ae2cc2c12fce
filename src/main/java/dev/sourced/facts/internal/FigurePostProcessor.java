package dev.sourced.facts.internal;

import dev.sourced.facts.Figure;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;

/**
 * Turns a paragraph that holds one image and nothing else (surrounding whitespace allowed) into a
 * {@link Figure} block holding that image. An image among words stays inline.
 */
public final class FigurePostProcessor implements PostProcessor {

  @Override
  public Node process(Node document) {
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Paragraph paragraph) {
            Image only = soleImage(paragraph);
            if (only == null) return;
            Figure figure = new Figure();
            figure.setSourceSpans(paragraph.getSourceSpans());
            only.unlink();
            figure.appendChild(only);
            paragraph.insertBefore(figure);
            paragraph.unlink();
          }
        });
    return document;
  }

  private static Image soleImage(Paragraph p) {
    Image found = null;
    for (Node n = p.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Image i && found == null) {
        found = i;
      } else if (!(n instanceof Text t && t.getLiteral().isBlank())
          && !(n instanceof SoftLineBreak)) {
        return null;
      }
    }
    return found;
  }
}
