package dev.sourced.render;

import dev.sourced.config.SiteConfig;
import dev.sourced.i18n.Messages;
import dev.sourced.resolve.ResolvedPage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The Atom feeds: one of articles, one of corrections (the sitemap is {@link Sitemaps}'s). They
 * carry what they are given: the renderer passes the newest entries, as many as {@code
 * feed.entries} says. Dates come from the content (never the clock), so two builds give the same
 * bytes.
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
