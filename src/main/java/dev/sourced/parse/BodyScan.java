package dev.sourced.parse;

import dev.sourced.diag.Diagnostics;
import dev.sourced.diag.SourcePosition;
import dev.sourced.facts.Citation;
import dev.sourced.facts.ClaimBox;
import dev.sourced.facts.Directive;
import dev.sourced.facts.ExplainerBlock;
import dev.sourced.facts.FactBox;
import dev.sourced.facts.FactReference;
import dev.sourced.images.ImageNames;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;

/**
 * One walk over an article's Markdown tree that collects what later stages need, so no later stage
 * walks a body again: every use of an ID (facts, boxes, claims, citations, misplaced directives) in
 * document order, every link, the heading ids the renderer will give (same generator, same order as
 * the heading-anchor extension), the images shown, the "figure without a fact" warnings of {@link
 * FigureScanner}, and the warnings for other generators' template tags left in the text ({@link
 * TemplateTags}). Positions are file positions.
 */
final class BodyScan extends AbstractVisitor {
  private final String path;
  private final int bodyLine;
  private String[] lines;
  private String body = "";
  private final Diagnostics diagnostics;
  final List<BodyUse> uses = new ArrayList<>();
  final List<BodyLink> links = new ArrayList<>();
  final List<String> headingIds = new ArrayList<>();
  final List<BodyImage> images = new ArrayList<>();
  private final IdGenerator ids = IdGenerator.builder().build();
  private StringBuilder headingText;

  private BodyScan(String path, int bodyLine, Diagnostics diagnostics) {
    this.path = path;
    this.bodyLine = bodyLine;
    this.diagnostics = diagnostics;
  }

  static BodyScan of(Node body, String path, int bodyLine, Diagnostics diagnostics) {
    return of(body, "", path, bodyLine, diagnostics);
  }

  /**
   * @param source the body's Markdown, for telling a template tag written with a backslash before
   *     it ({@code \{{< x >}}}, shown as text on purpose) from one left by mistake
   */
  static BodyScan of(Node body, String source, String path, int bodyLine, Diagnostics diagnostics) {
    BodyScan scan = new BodyScan(path, bodyLine, diagnostics);
    scan.body = source;
    body.accept(scan);
    return scan;
  }

  @Override
  public void visit(CustomNode node) {
    if (node instanceof FactReference r) add(BodyUse.Kind.FACT, r.getId(), null, node);
    else if (node instanceof Directive d) add(BodyUse.Kind.DIRECTIVE, d.getId(), d.getKind(), node);
    else if (node instanceof Citation c) {
      for (String id : c.getSourceIds()) add(BodyUse.Kind.CITATION, id, null, node);
    }
    visitChildren(node);
  }

  @Override
  public void visit(CustomBlock node) {
    if (node instanceof FactBox b) add(BodyUse.Kind.FACTBOX, b.getId(), null, node);
    else if (node instanceof ClaimBox c) add(BodyUse.Kind.CLAIM, c.getId(), null, node);
    else if (node instanceof ExplainerBlock e) {
      add(BodyUse.Kind.EXPLAINER, e.getId(), e.getKind(), node);
    }
    visitChildren(node);
  }

  @Override
  public void visit(Heading heading) {
    headingText = new StringBuilder();
    visitChildren(heading);
    headingIds.add(ids.generateId(headingText.toString()));
    headingText = null;
  }

  @Override
  public void visit(Code code) {
    if (headingText != null) headingText.append(code.getLiteral());
  }

  @Override
  public void visit(Text text) {
    if (headingText != null) headingText.append(text.getLiteral());
    FigureScanner.scan(text, this, diagnostics);
    TemplateTags.scan(text, this, diagnostics);
  }

  @Override
  public void visit(Link link) {
    links.add(new BodyLink(link.getDestination(), position(link)));
    if (FigureScanner.isBareUrl(link)) {
      if (headingText != null) headingText.append(((Text) link.getFirstChild()).getLiteral());
      return;
    }
    visitChildren(link);
  }

  @Override
  public void visit(Image image) {
    StringBuilder alt = new StringBuilder();
    image.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            alt.append(text.getLiteral());
          }

          @Override
          public void visit(Code code) {
            alt.append(code.getLiteral());
          }

          @Override
          public void visit(CustomNode node) {
            alt.append('x');
          }
        });
    images.add(
        new BodyImage(
            ImageNames.local(image.getDestination()), !alt.toString().isBlank(), position(image)));
    visitChildren(image);
  }

  @Override
  public void visit(FencedCodeBlock block) {}

  @Override
  public void visit(IndentedCodeBlock block) {}

  @Override
  public void visit(HtmlBlock block) {}

  @Override
  public void visit(HtmlInline html) {}

  private void add(BodyUse.Kind kind, String id, String directiveKind, Node node) {
    uses.add(new BodyUse(kind, id, directiveKind, position(node)));
  }

  SourcePosition position(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    if (spans == null || spans.isEmpty()) return new SourcePosition(path, 0, 0);
    SourceSpan s = spans.get(0);
    return new SourcePosition(path, bodyLine + s.getLineIndex(), s.getColumnIndex() + 1);
  }

  /**
   * Whether the template tag whose text position is {@code at} (found by {@link #position(Text,
   * int)}) has a backslash before it in the source: an escaped brace, which the text no longer
   * holds, so the text's offsets fall short of the source's by one per escape before it.
   */
  boolean escaped(SourcePosition at) {
    if (body.isEmpty() || at.line() < bodyLine) return false;
    if (lines == null) lines = body.split("\n", -1);
    int n = at.line() - bodyLine;
    if (n >= lines.length) return false;
    String line = lines[n];
    // Escapes earlier on the line put the tag a little right of the position its text gives: the
    // tag is the first brace pair from there on.
    for (int i = line.indexOf('{', Math.max(0, at.column() - 1));
        i >= 0 && i + 1 < line.length();
        i = line.indexOf('{', i + 1)) {
      char next = line.charAt(i + 1);
      if (next == '{' || next == '%') return i > 0 && line.charAt(i - 1) == '\\';
    }
    return false;
  }

  /** The file position of a character of a text node (spans are per source line). */
  SourcePosition position(Text text, int offset) {
    List<SourceSpan> spans = text.getSourceSpans();
    if (spans.isEmpty()) return new SourcePosition(path, 0, 0);
    int rest = offset;
    for (SourceSpan span : spans) {
      if (rest < span.getLength() || span == spans.get(spans.size() - 1)) {
        return new SourcePosition(
            path,
            bodyLine + span.getLineIndex(),
            span.getColumnIndex() + Math.min(rest, Math.max(0, span.getLength() - 1)) + 1);
      }
      rest -= span.getLength() + 1;
    }
    return new SourcePosition(path, 0, 0);
  }
}
