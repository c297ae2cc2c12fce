package dev.sourced.resolve;

import dev.sourced.diag.SourcePosition;
import dev.sourced.facts.Citation;
import dev.sourced.facts.ClaimBox;
import dev.sourced.facts.Directive;
import dev.sourced.facts.FactBox;
import dev.sourced.facts.FactReference;
import dev.sourced.parse.ParsedPage;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * Every use of an ID in one article's body, in document order, with its file position. One walk
 * of the tree; the resolver checks and counts from this list.
 */
final class BodyReferences {
  enum Kind { FACT, FACTBOX, CLAIM, CITATION, DIRECTIVE }

  record Use(Kind kind, String id, String directiveKind, SourcePosition at) {}

  private BodyReferences() {}

  static List<Use> of(ParsedPage page) {
    List<Use> uses = new ArrayList<>();
    page.body().accept(new AbstractVisitor() {
      @Override
      public void visit(CustomNode node) {
        if (node instanceof FactReference r) add(Kind.FACT, r.getId(), null, node);
        else if (node instanceof Directive d) add(Kind.DIRECTIVE, d.getId(), d.getKind(), node);
        else if (node instanceof Citation c) {
          for (String id : c.getSourceIds()) add(Kind.CITATION, id, null, node);
        }
        visitChildren(node);
      }

      @Override
      public void visit(CustomBlock node) {
        if (node instanceof FactBox b) add(Kind.FACTBOX, b.getId(), null, node);
        else if (node instanceof ClaimBox c) add(Kind.CLAIM, c.getId(), null, node);
        visitChildren(node);
      }

      private void add(Kind kind, String id, String directiveKind, Node node) {
        uses.add(new Use(kind, id, directiveKind, position(page, node)));
      }
    });
    return uses;
  }

  static SourcePosition position(ParsedPage page, Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    if (spans == null || spans.isEmpty()) return new SourcePosition(page.path(), 0, 0);
    SourceSpan s = spans.get(0);
    return new SourcePosition(page.path(), page.fileLine(s.getLineIndex()), s.getColumnIndex() + 1);
  }
}
