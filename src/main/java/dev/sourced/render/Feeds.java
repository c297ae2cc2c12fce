package dev.sourced.render;

import dev.sourced.config.SiteConfig;
import dev.sourced.i18n.Messages;
import dev.sourced.resolve.OutputKind;
import dev.sourced.resolve.ResolvedPage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The XML files: an Atom feed of articles, an Atom feed of corrections, and {@code sitemap.xml}
 * (past the protocol's limits a sitemap index, with its parts). The feeds carry what they are
 * given: the renderer passes the newest entries, as many as {@code feed.entries} says. Dates come
 * from the content (never the clock), so two builds give the same bytes.
 */
final class Feeds {
  private Feeds() {}

  static String atom(SiteConfig config, List<ResolvedPage> pages) {
    StringBuilder x = header(config, config.title(), "feed.xml");
    LocalDate newest = null;
    for (ResolvedPage p : pages) {
      LocalDate d = lastChange(p);
      if (newest == null || d.isAfter(newest)) newest = d;
    }
    updated(x, newest);
    for (ResolvedPage p : pages) {
      var fm = p.frontMatter();
      x.append("  <entry>\n");
      element(x, "    ", "title", fm.title());
      x.append("    <link href=\"").append(esc(config.permalink(p.url()))).append("\"/>\n");
      element(x, "    ", "id", config.permalink(p.url()));
      element(x, "    ", "published", fm.date() + "T00:00:00Z");
      element(x, "    ", "updated", lastChange(p) + "T00:00:00Z");
      for (String a : fm.authors()) {
        x.append("    <author>");
        element(x, "", "name", a);
        x.setLength(x.length() - 1);
        x.append("</author>\n");
      }
      if (fm.summary() != null) element(x, "    ", "summary", fm.summary());
      for (String t : fm.tags()) {
        x.append("    <category term=\"").append(esc(t)).append("\"/>\n");
      }
      x.append("  </entry>\n");
    }
    return x.append("</feed>\n").toString();
  }

  static String corrections(
      SiteConfig config, Messages messages, List<Map<String, Object>> corrections) {
    StringBuilder x =
        header(
            config, messages.format("feed.corrections", "site", config.title()), "corrections.xml");
    updated(
        x, corrections.isEmpty() ? null : LocalDate.parse((String) corrections.get(0).get("date")));
    for (Map<String, Object> c : corrections) {
      @SuppressWarnings("unchecked")
      Map<String, Object> article = (Map<String, Object>) c.get("article");
      String link = (String) c.get("articlePermalink");
      x.append("  <entry>\n");
      element(
          x, "    ", "title", messages.format("feed.correction", "title", article.get("title")));
      x.append("    <link href=\"").append(esc(link)).append("\"/>\n");
      element(x, "    ", "id", (String) c.get("feedId"));
      element(x, "    ", "updated", c.get("date") + "T00:00:00Z");
      element(x, "    ", "summary", (String) c.get("text"));
      x.append("  </entry>\n");
    }
    return x.append("</feed>\n").toString();
  }

  /**
   * One address of the sitemap.
   *
   * @param url relative to the site's root
   * @param lastChange the article's last change; null for the site's own pages
   * @param alternates the page in each language, relative to the root (empty in one language)
   */
  record SitemapEntry(String url, LocalDate lastChange, Map<String, String> alternates) {}

  /** {@code sitemap.xml}; in several languages each address lists its versions with hreflang. */
  static String sitemap(SiteConfig config, List<SitemapEntry> entries) {
    StringBuilder x = new StringBuilder(4096);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"");
    if (config.multilingual()) x.append(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
    x.append(">\n");
    for (SitemapEntry e : entries) {
      x.append("  <url><loc>").append(esc(config.permalink(e.url()))).append("</loc>");
      if (e.lastChange() != null) x.append("<lastmod>").append(e.lastChange()).append("</lastmod>");
      for (Map.Entry<String, String> a : e.alternates().entrySet()) {
        x.append("<xhtml:link rel=\"alternate\" hreflang=\"")
            .append(esc(a.getKey()))
            .append("\" href=\"")
            .append(esc(config.permalink(a.getValue())))
            .append("\"/>");
      }
      x.append("</url>\n");
    }
    return x.append("</urlset>\n").toString();
  }

  /**
   * {@code sitemap.xml} as a sitemap index, for a sitemap past one file's limits: it names {@code
   * sitemap-1.xml} to {@code sitemap-N.xml}, each a list of addresses within the limits.
   */
  static String sitemapIndex(SiteConfig config, int parts) {
    StringBuilder x = new StringBuilder(128 + parts * 80);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (int i = 1; i <= parts; i++) {
      x.append("  <sitemap><loc>")
          .append(esc(config.permalink(OutputKind.SITEMAP_PART.path(String.valueOf(i)))))
          .append("</loc></sitemap>\n");
    }
    return x.append("</sitemapindex>\n").toString();
  }

  private static StringBuilder header(SiteConfig config, String title, String self) {
    StringBuilder x = new StringBuilder(8192);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
        .append(esc(config.language()))
        .append("\">\n");
    element(x, "  ", "title", title);
    if (!config.description().isEmpty()) element(x, "  ", "subtitle", config.description());
    String lang = config.prefix(config.language());
    x.append("  <link href=\"").append(esc(config.permalink(lang))).append("\"/>\n");
    x.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"")
        .append(esc(config.permalink(lang + self)))
        .append("\"/>\n");
    element(x, "  ", "id", config.permalink(lang + self));
    x.append("  <author>");
    element(x, "", "name", config.author() != null ? config.author() : config.title());
    x.setLength(x.length() - 1);
    x.append("</author>\n");
    return x;
  }

  private static void updated(StringBuilder x, LocalDate d) {
    element(x, "  ", "updated", (d == null ? LocalDate.of(1970, 1, 1) : d) + "T00:00:00Z");
  }

  private static LocalDate lastChange(ResolvedPage p) {
    var fm = p.frontMatter();
    return fm.updated() != null ? fm.updated() : fm.date();
  }

  private static void element(StringBuilder x, String indent, String name, String text) {
    x.append(indent)
        .append('<')
        .append(name)
        .append('>')
        .append(esc(text))
        .append("</")
        .append(name)
        .append(">\n");
  }

  /** XML text and attribute escaping; characters XML 1.0 forbids are dropped. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            if (c != '\uFFFE' && c != '\uFFFF') b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
