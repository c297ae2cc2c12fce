package dev.sourced.facts.internal;

import dev.sourced.facts.BodyHtml;
import dev.sourced.facts.Citation;
import dev.sourced.facts.ClaimBox;
import dev.sourced.facts.Directive;
import dev.sourced.facts.ExplainerBlock;
import dev.sourced.facts.FactBox;
import dev.sourced.facts.FactReference;
import dev.sourced.facts.Figure;
import dev.sourced.facts.UnsourcedFigure;
import dev.sourced.images.ImageNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Document;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders the fact syntax in a body before the site is resolved: everything that depends on the
 * rest of the site becomes a {@link BodyHtml#MARK marker} and a {@link BodyHtml.Part part}, filled
 * in later by {@link FactsHtml}. What depends on the page alone is written here: which facts stand
 * inside a link, how often each source has been cited so far, images' alternative text, which
 * images stand alone (figures) and which may be on the first screen. commonmark-java creates node
 * renderers per render call, so the per-page state lives here.
 */
public final class FactsHtmlNodeRenderer implements NodeRenderer {
  private static final String MARK = String.valueOf(BodyHtml.MARK);
  private final HtmlWriter html;
  private final HtmlNodeRendererContext context;
  private final List<BodyHtml.Part> parts;
  private final Map<String, Integer> citeCount = new HashMap<>();
  private int imagesSeen;

  /**
   * @param parts receives one part per marker written, in order
   */
  public FactsHtmlNodeRenderer(HtmlNodeRendererContext context, List<BodyHtml.Part> parts) {
    this.context = context;
    this.html = context.getWriter();
    this.parts = parts;
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(
        FactReference.class,
        FactBox.class,
        ClaimBox.class,
        ExplainerBlock.class,
        Citation.class,
        Directive.class,
        UnsourcedFigure.class,
        Image.class,
        Figure.class);
  }

  @Override
  public void render(Node node) {
    if (node instanceof FactReference r) mark(new BodyHtml.FactPart(r.getId(), insideLink(r)));
    else if (node instanceof Citation c) renderCitation(c.getSourceIds());
    else if (node instanceof FactBox b) block(new BodyHtml.FactBoxPart(b.getId()));
    else if (node instanceof ClaimBox c) block(new BodyHtml.ClaimPart(c.getId()));
    else if (node instanceof ExplainerBlock e) {
      block(new BodyHtml.ExplainerPart(e.getKind(), e.getId()));
    } else if (node instanceof Directive d) html.text(d.literal());
    else if (node instanceof UnsourcedFigure u) html.text(u.getText());
    else if (node instanceof Image i) renderImage(i, false);
    else if (node instanceof Figure f) renderFigure(f);
  }

  /**
   * An image alone in its paragraph: a figure. One of the bundle's images becomes a block marker,
   * written when the page is rendered; any other (an address elsewhere) is written here, with its
   * title as caption.
   */
  private void renderFigure(Figure figure) {
    Image image = (Image) figure.getFirstChild();
    html.line();
    if (ImageNames.local(image.getDestination()) != null) {
      renderImage(image, true);
      html.raw("\n");
      return;
    }
    html.tag("figure", Map.of("class", "figure"));
    renderImage(image, true);
    if (image.getTitle() != null && !image.getTitle().isBlank()) {
      html.tag("figcaption");
      html.text(image.getTitle());
      html.tag("/figcaption");
    }
    html.tag("/figure");
    html.line();
  }

  /**
   * Whether an image may be on the first screen: the body's first image, within its first three
   * blocks. Every other image is loaded lazily.
   */
  private boolean firstScreen(Node image) {
    if (imagesSeen++ > 0) return false;
    Node block = image;
    while (block.getParent() != null && !(block.getParent() instanceof Document)) {
      block = block.getParent();
    }
    int before = 0;
    for (Node n = block.getPrevious(); n != null; n = n.getPrevious()) before++;
    return before < 3;
  }

  private void mark(BodyHtml.Part part) {
    parts.add(part);
    html.raw(MARK);
  }

  /**
   * A block's marker takes a line of its own. (Not {@code line()} after the marker: the writer
   * takes U+0000 for "nothing written yet".)
   */
  private void block(BodyHtml.Part part) {
    html.line();
    parts.add(part);
    html.raw(MARK + "\n");
  }

  /** A fact inside a link is written as plain text: a link in a link is invalid HTML. */
  private static boolean insideLink(Node node) {
    for (Node n = node.getParent(); n != null; n = n.getParent()) {
      if (n instanceof Link) return true;
    }
    return false;
  }

  private void renderCitation(List<String> ids) {
    List<Integer> occurrences = new ArrayList<>(ids.size());
    for (String id : ids) occurrences.add(citeCount.merge(id, 1, Integer::sum));
    mark(new BodyHtml.CitationPart(ids, occurrences));
  }

  /**
   * An image, as CommonMark renders it, but with facts in its description written out: the
   * alternative text is all a screen reader gets, so "{{fact:x}} users" must read "about 70,000
   * users" there too. Each fact is a plain marker inside the attribute; the attribute's escaping
   * leaves the marker alone, and the fact's text is escaped when it is filled in.
   */
  private void renderImage(Image image, boolean figure) {
    String url = image.getDestination();
    String local = ImageNames.local(url);
    boolean eager = firstScreen(image);
    List<BodyHtml.Part> target = local != null ? new ArrayList<>() : parts;
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
          public void visit(SoftLineBreak b) {
            alt.append('\n');
          }

          @Override
          public void visit(HardLineBreak b) {
            alt.append('\n');
          }

          @Override
          public void visit(CustomNode node) {
            if (node instanceof FactReference r) {
              target.add(new BodyHtml.FactPart(r.getId(), true));
              alt.append(MARK);
            } else if (node instanceof UnsourcedFigure u) {
              alt.append(u.getText());
            } else if (node instanceof Directive d) {
              alt.append(d.literal());
            } else {
              visitChildren(node);
            }
          }
        });
    if (context.shouldSanitizeUrls()) url = context.urlSanitizer().sanitizeImageUrl(url);
    if (local != null) {
      List<BodyHtml.FactPart> facts = new ArrayList<>();
      for (BodyHtml.Part p : target) facts.add((BodyHtml.FactPart) p);
      mark(
          new BodyHtml.ImagePart(
              local,
              context.encodeUrl(url),
              alt.toString(),
              List.copyOf(facts),
              image.getTitle(),
              figure,
              eager));
      return;
    }
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("src", context.encodeUrl(url));
    attrs.put("alt", alt.toString());
    if (image.getTitle() != null) attrs.put("title", image.getTitle());
    html.tag("img", context.extendAttributes(image, "img", attrs), true);
  }
}
