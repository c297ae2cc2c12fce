package dev.sourced.facts.internal;

import dev.sourced.facts.ClaimBox;
import dev.sourced.facts.Directive;
import dev.sourced.facts.ExplainerBlock;
import dev.sourced.facts.FactBox;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;

/**
 * Turns a paragraph that holds nothing but {@code {{factbox:ID}}} or {@code {{claim:ID}}}
 * (surrounding whitespace allowed) into a {@link FactBox} or {@link ClaimBox} block, and one that
 * holds an explainer piece ({@code {{timeline:ID}}} ...) into an {@link
 * dev.sourced.facts.ExplainerBlock}. A box directive anywhere else stays a {@link Directive} and is
 * reported by the resolve stage.
 */
public final class BoxPostProcessor implements PostProcessor {

  @Override
  public Node process(Node document) {
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Paragraph paragraph) {
            Directive only = soleDirective(paragraph);
            if (only == null) return;
            Block box =
                switch (only.getKind()) {
                  case "factbox" -> new FactBox(only.getId());
                  case "claim" -> new ClaimBox(only.getId());
                  case "glance", "timeline", "compare", "unknowns" ->
                      new ExplainerBlock(only.getKind(), only.getId());
                  default -> null;
                };
            if (box == null) return;
            box.setSourceSpans(only.getSourceSpans());
            paragraph.insertBefore(box);
            paragraph.unlink();
          }

          @Override
          public void visit(CustomNode node) {
            // Directives have no children worth visiting.
          }
        });
    return document;
  }

  private static Directive soleDirective(Paragraph p) {
    Directive found = null;
    for (Node n = p.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Directive d && found == null) {
        found = d;
      } else if (!(n instanceof Text t && t.getLiteral().isBlank())) {
        return null;
      }
    }
    return found;
  }
}
