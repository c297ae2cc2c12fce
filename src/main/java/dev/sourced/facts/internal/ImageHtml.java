package dev.sourced.facts.internal;

import dev.sourced.facts.BodyHtml;
import dev.sourced.facts.FactsRenderContext;
import dev.sourced.images.PublishedImage;
import dev.sourced.model.Fact;
import dev.sourced.model.ImageCredit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Writes one of an article's own images when its page is rendered: an {@code <img>} with width and
 * height (so the page does not jump as it loads), {@code srcset} and {@code sizes} (so a phone
 * downloads a phone-sized copy), lazy loading below the first screen, asynchronous decoding, and a
 * {@code <picture>} offering WebP where copies were made. An image alone in its paragraph is a
 * {@code <figure>} whose caption ends with the credit: who made it, when, linked to the source page
 * or the address it comes from, and the licence as written.
 */
public final class ImageHtml {
  private final HtmlWriter html;
  private final FactsRenderContext site;

  public ImageHtml(HtmlWriter html, FactsRenderContext site) {
    this.html = html;
    this.site = site;
  }

  public void image(BodyHtml.ImagePart part) {
    PublishedImage p = site.image(part.name());
    ImageCredit c = site.imageCredit(part.name());
    String caption = part.title() != null && !part.title().isBlank() ? part.title() : null;
    if (caption == null && c != null) caption = c.caption();
    if (part.figure()) html.tag("figure", attrs("class", "figure"));
    boolean picture = p != null && !p.webp().isEmpty();
    String sizes = site.imageSizes();
    if (picture) {
      html.tag("picture");
      html.tag(
          "source", attrs("type", "image/webp", "srcset", srcset(p.webp()), "sizes", sizes), true);
    }
    Map<String, String> a = new LinkedHashMap<>();
    a.put("src", p != null ? p.src() : part.src());
    if (p != null && !p.renditions().isEmpty()) {
      a.put("srcset", srcset(p.renditions()));
      a.put("sizes", sizes);
    }
    if (p != null && p.width() > 0) {
      a.put("width", Integer.toString(p.width()));
      a.put("height", Integer.toString(p.height()));
    }
    a.put("alt", c != null && c.decorative() ? "" : alt(part, c));
    if (!part.figure() && part.title() != null) a.put("title", part.title());
    if (!part.eager()) a.put("loading", "lazy");
    a.put("decoding", "async");
    html.tag("img", a, true);
    if (picture) html.tag("/picture");
    if (part.figure()) {
      if (caption != null || c != null) {
        html.tag("figcaption");
        if (caption != null) html.text(caption);
        if (c != null) credit(c, caption != null);
        html.tag("/figcaption");
      }
      html.tag("/figure");
      html.line();
    }
  }

  /** The use's own alternative text, or the entry's when the use gives none. */
  private String alt(BodyHtml.ImagePart part, ImageCredit c) {
    StringBuilder out = new StringBuilder();
    String alt = part.alt();
    int next = 0;
    for (int i = 0; i < alt.length(); i++) {
      char ch = alt.charAt(i);
      if (ch == BodyHtml.MARK && next < part.altFacts().size()) {
        Fact f = site.fact(part.altFacts().get(next++).id());
        if (f != null) out.append(site.formatter().inline(f));
      } else {
        out.append(ch);
      }
    }
    String text = out.toString();
    if (text.isBlank() && c != null && c.alt() != null) return c.alt();
    return text;
  }

  /** "Image: Credit, date, licence" in the page's language, the credit linked to its source. */
  private void credit(ImageCredit c, boolean afterCaption) {
    if (afterCaption) html.text(" ");
    html.tag("span", attrs("class", "image-credit"));
    html.text(site.formatter().messages().text("image.credit") + " ");
    String href =
        c.sourceId() != null && site.source(c.sourceId()) != null
            ? site.sourcePageHref(c.sourceId())
            : c.url();
    if (href != null) {
      html.tag(
          "a",
          c.sourceId() != null && href.equals(site.sourcePageHref(c.sourceId()))
              ? attrs("href", href)
              : attrs("href", href, "rel", "nofollow noopener"));
    }
    html.text(c.credit() == null ? "" : c.credit());
    if (href != null) html.tag("/a");
    if (c.date() != null) {
      html.text(", ");
      html.tag("time", attrs("datetime", c.date().toString()));
      html.text(site.formatter().date(c.date()));
      html.tag("/time");
    }
    if (c.licence() != null) {
      html.text(", ");
      if (c.licenceUrl() != null) {
        html.tag("a", attrs("href", c.licenceUrl(), "rel", "license nofollow noopener"));
      }
      html.text(c.licence());
      if (c.licenceUrl() != null) html.tag("/a");
    }
    html.tag("/span");
  }

  private static String srcset(List<PublishedImage.Rendition> rs) {
    StringBuilder out = new StringBuilder();
    for (PublishedImage.Rendition r : rs) {
      if (out.length() > 0) out.append(", ");
      out.append(r.file()).append(' ').append(r.width()).append('w');
    }
    return out.toString();
  }

  private static Map<String, String> attrs(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }
}
