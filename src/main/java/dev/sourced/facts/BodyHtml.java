package dev.sourced.facts;

import dev.sourced.facts.internal.FactsHtml;
import dev.sourced.facts.internal.ImageHtml;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * An article body rendered to HTML once, right after parsing, so that its Markdown tree can be
 * dropped at once: memory then holds one string per page, not one tree. What the body shows of the
 * rest of the site (fact values and their links, reference numbers, boxes with "also cited in") is
 * not known until the site is resolved, so each such place holds a marker, a U+0000 character
 * (which CommonMark never writes: it replaces the character in its input), and {@link #fill} writes
 * them in when the page is rendered.
 *
 * <p>A one-shot build keeps the HTML itself out of memory too, in a {@link Store} (a temporary
 * file), so that memory holds the site's index and not the text of every page.
 */
public final class BodyHtml {
  /** The marker character. */
  public static final char MARK = '\u0000';

  private final String html;
  private final Store store;
  private final long offset;
  private final int length;
  private final List<Part> parts;

  private BodyHtml(String html, Store store, long offset, int length, List<Part> parts) {
    this.html = html;
    this.store = store;
    this.offset = offset;
    this.length = length;
    this.parts = List.copyOf(parts);
  }

  /**
   * A body kept in memory.
   *
   * @param html the body, with one marker per part, in document order
   * @param parts what each marker stands for
   */
  public static BodyHtml of(String html, List<Part> parts) {
    return new BodyHtml(html, null, 0, 0, parts);
  }

  /** A body kept in {@code store}; its HTML is read back when the page is rendered. */
  public static BodyHtml stored(String html, List<Part> parts, Store store) {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    return new BodyHtml(null, store, store.write(bytes), bytes.length, parts);
  }

  /**
   * A body already kept in {@code store} at {@code offset} (a body the build cache kept from an
   * earlier build).
   */
  public static BodyHtml at(Store store, long offset, int length, List<Part> parts) {
    return new BodyHtml(null, store, offset, length, parts);
  }

  /** Where a body is kept: its store and place, or null for a body held in memory. */
  public record Location(Store store, long offset, int length) {}

  public Location location() {
    return store == null ? null : new Location(store, offset, length);
  }

  /** Where bodies wait for rendering; writes and reads may come from several threads. */
  public interface Store {
    /** Keeps the bytes; returns where they are. */
    long write(byte[] bytes);

    /** The bytes kept at {@code offset}, as UTF-8 text. */
    String read(long offset, int length);
  }

  /** The body, with one marker per part, in document order. */
  public String html() {
    return html != null ? html : store.read(offset, length);
  }

  /** What each marker stands for. */
  public List<Part> parts() {
    return parts;
  }

  /** What a marker stands for. */
  public sealed interface Part {}

  /** {@code {{fact:ID}}}: the value, linked to its box unless {@code plain}. */
  public record FactPart(String id, boolean plain) implements Part {}

  /** {@code [@A; @B]}, with how many times the page had cited each source when it got here. */
  public record CitationPart(List<String> ids, List<Integer> occurrences) implements Part {}

  /** {@code {{factbox:ID}}}, a block: its marker is followed by a line break. */
  public record FactBoxPart(String id) implements Part {}

  /** {@code {{claim:ID}}}, a block like a fact box. */
  public record ClaimPart(String id) implements Part {}

  /**
   * An image of the article's bundle: written when the page is rendered, with its published sizes
   * ({@code srcset}, width and height) and, as a figure, its caption and credit.
   *
   * @param name the bundle file's name, e.g. {@code photos/port.jpg}
   * @param src the address as written (percent-encoded), for an image the build did not process
   * @param alt the alternative text, with a marker for each fact in it
   * @param altFacts what each of those markers stands for
   * @param title the Markdown title ({@code "caption"}), or null
   * @param figure whether the image stands alone in its paragraph (a block: a line break follows)
   * @param eager whether it may be on the first screen (not loaded lazily)
   */
  public record ImagePart(
      String name,
      String src,
      String alt,
      List<FactPart> altFacts,
      String title,
      boolean figure,
      boolean eager)
      implements Part {}

  /**
   * A link to another Markdown file ({@code [x](../b.md#part)}), written with the address of that
   * file's page; a marker in its {@code href} attribute.
   *
   * @param destination the link as written
   * @param href the address as written, sanitised and percent-encoded: kept when no page matches
   */
  public record PageLinkPart(String destination, String href) implements Part {}

  /** {@code {{timeline:ID}}} and the other explainer pieces, blocks the theme writes. */
  public record ExplainerPart(String kind, String id) implements Part {}

  /** The body with every marker written out for one page of the resolved site. */
  public String fill(FactsRenderContext context) {
    String html = html();
    if (parts.isEmpty()) return html;
    StringBuilder out = new StringBuilder(html.length() + parts.size() * 120);
    HtmlWriter writer = new HtmlWriter(out);
    FactsHtml facts = new FactsHtml(writer, context);
    int from = 0;
    int next = 0;
    for (int i = html.indexOf(MARK); i >= 0; i = html.indexOf(MARK, from)) {
      writer.raw(html.substring(from, i));
      from = i + 1;
      Part part = parts.get(next++);
      if (part instanceof FactPart f) {
        facts.fact(f.id(), f.plain());
      } else if (part instanceof ImagePart img) {
        new ImageHtml(writer, context).image(img);
        if (img.figure()) from++;
      } else if (part instanceof PageLinkPart l) {
        writer.text(context.pageFileHref(l.destination(), l.href()));
      } else if (part instanceof CitationPart c) {
        int[] n = new int[c.occurrences().size()];
        for (int k = 0; k < n.length; k++) n[k] = c.occurrences().get(k);
        facts.citation(c.ids(), n);
      } else {
        // The marker stands at the start of a line, and its line break is the block's own last.
        if (part instanceof FactBoxPart b) facts.factBox(b.id());
        else if (part instanceof ClaimPart c) facts.claim(c.id());
        else if (part instanceof ExplainerPart e) writer.raw(context.explainer(e.kind(), e.id()));
        from++;
      }
    }
    out.append(html, from, html.length());
    return out.toString();
  }
}
