package dev.sourced.render;

import dev.sourced.resolve.Aliases;
import dev.sourced.resolve.ResolvedPage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The redirect pages written at a page's old addresses ({@code aliases:}): {@code redirect.ftlh}
 * gives each a canonical link and a meta refresh to the page, so old links keep working without
 * JavaScript, and search engines index the page at its new address only.
 */
final class Redirects {
  private Redirects() {}

  /** The output file of an alias (checked by the resolve stage), or null. */
  static String output(String alias) {
    return Aliases.output(alias);
  }

  static Map<String, Object> model(Models models, ResolvedPage target, String path) {
    String url = path.endsWith("index.html") ? path.substring(0, path.length() - 10) : path;
    var config = models.config();
    Map<String, Object> m = models.base("redirect", target.title(), null, url);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("title", target.title());
    r.put("url", config.url(target.url()));
    r.put("permalink", config.permalink(target.url()));
    m.put("redirect", r);
    return m;
  }
}
