package dev.sourced.render;

import dev.sourced.facts.FactsExtension;
import dev.sourced.facts.FactsRenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns a Markdown tree into HTML: raw HTML escaped unless the site opts in, every link and image
 * address sanitised to http, https, mailto or a relative address ({@code javascript:} and {@code
 * data:} are blanked), addresses percent-encoded as the CommonMark spec does, heading anchors,
 * and the fact syntax rendered through the page's {@link FactsRenderContext}. External links get
 * {@code rel="nofollow noopener"}; internal ones get none.
 */
public final class BodyRenderer {
  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), StrikethroughExtension.create(),
          FootnotesExtension.create(), AutolinkExtension.create(), HeadingAnchorExtension.create());
  private static final DefaultUrlSanitizer SANITIZER =
      new DefaultUrlSanitizer(List.of("http", "https", "mailto"));

  private final boolean rawHtml;

  public BodyRenderer(boolean rawHtml) {
    this.rawHtml = rawHtml;
  }

  public String render(Node body, FactsRenderContext context) {
    List<Extension> ext = new ArrayList<>(EXTENSIONS);
    ext.add(FactsExtension.rendering(context));
    HtmlRenderer renderer = HtmlRenderer.builder()
        .extensions(ext)
        .escapeHtml(!rawHtml)
        .sanitizeUrls(true)
        .urlSanitizer(SANITIZER)
        .percentEncodeUrls(true)
        .attributeProviderFactory(c -> LINKS)
        .build();
    return renderer.render(body);
  }

  private static final AttributeProvider LINKS = (Node node, String tag, Map<String, String> a) -> {
    if (node instanceof Link && "a".equals(tag)) {
      String href = a.getOrDefault("href", "");
      boolean external = href.startsWith("http:") || href.startsWith("https:") || href.startsWith("//");
      if (external) a.put("rel", "nofollow noopener");
      else a.remove("rel");
    }
  };
}
