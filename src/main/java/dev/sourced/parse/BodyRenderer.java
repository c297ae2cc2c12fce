package dev.sourced.parse;

import dev.sourced.facts.BodyHtml;
import dev.sourced.facts.FactsExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns a Markdown tree into HTML right after parsing, so that the tree can be dropped: raw HTML
 * escaped unless the site opts in, every link and image address sanitised to http, https, mailto or
 * a relative address ({@code javascript:} and {@code data:} are blanked), addresses percent-encoded
 * as the CommonMark spec does, heading anchors. What depends on the resolved site (fact values,
 * reference numbers, boxes) is left as markers for the render stage to fill (see {@link BodyHtml}).
 * External links get {@code rel="nofollow noopener"}; internal ones get none. A link to another
 * Markdown file ({@link MarkdownFileLinks}) becomes a marker, filled with that file's page address.
 * One renderer per setting, built once; rendering is thread-safe.
 */
public final class BodyRenderer {
  private static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(),
          StrikethroughExtension.create(),
          FootnotesExtension.create(),
          AutolinkExtension.builder()
              .linkTypes(AutolinkType.URL, AutolinkType.EMAIL, AutolinkType.WWW)
              .build(),
          TaskListItemsExtension.create(),
          HeadingAnchorExtension.create());
  private static final DefaultUrlSanitizer SANITIZER =
      new DefaultUrlSanitizer(List.of("http", "https", "mailto"));

  /** The parts of the body being rendered on this thread. */
  private static final ThreadLocal<List<BodyHtml.Part>> PARTS = new ThreadLocal<>();

  private static final BodyRenderer ESCAPING = new BodyRenderer(false);
  private static final BodyRenderer RAW_HTML = new BodyRenderer(true);

  private final HtmlRenderer renderer;

  private BodyRenderer(boolean rawHtml) {
    List<Extension> ext = new ArrayList<>(EXTENSIONS);
    ext.add(FactsExtension.rendering(PARTS::get));
    this.renderer =
        HtmlRenderer.builder()
            .extensions(ext)
            .escapeHtml(!rawHtml)
            .sanitizeUrls(true)
            .urlSanitizer(SANITIZER)
            .percentEncodeUrls(true)
            .attributeProviderFactory(c -> LINKS)
            .build();
  }

  /**
   * @param rawHtml whether the site lets raw HTML in Markdown through ({@code raw_html})
   */
  public static BodyRenderer of(boolean rawHtml) {
    return rawHtml ? RAW_HTML : ESCAPING;
  }

  /** The body's HTML, kept in {@code store}, or in memory when that is null. */
  public BodyHtml render(Node body, BodyHtml.Store store) {
    List<BodyHtml.Part> parts = new ArrayList<>();
    PARTS.set(parts);
    String html;
    try {
      html = renderer.render(body);
    } finally {
      PARTS.remove();
    }
    return store == null ? BodyHtml.of(html, parts) : BodyHtml.stored(html, parts, store);
  }

  private static final AttributeProvider LINKS =
      (Node node, String tag, Map<String, String> a) -> {
        if (node instanceof Link link && "a".equals(tag)) {
          String href = a.getOrDefault("href", "");
          List<BodyHtml.Part> parts = PARTS.get();
          if (parts != null && MarkdownFileLinks.isFileLink(link.getDestination())) {
            // The page's address is known once the site is resolved: a marker until then.
            parts.add(new BodyHtml.PageLinkPart(link.getDestination(), href));
            a.put("href", String.valueOf(BodyHtml.MARK));
            a.remove("rel");
            return;
          }
          boolean external =
              href.startsWith("http:") || href.startsWith("https:") || href.startsWith("//");
          if (external) a.put("rel", "nofollow noopener");
          else a.remove("rel");
        }
      };
}
