package dev.sourced.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks every internal link of a built site: each {@code href}/{@code src} that stays on the site
 * must name a file that was written, and its {@code #anchor} an element id on that page.
 */
public final class Links {
  private Links() {}

  /** Every internal address of every page, as "page: address" lines for broken ones. */
  public static List<String> broken(TestSite site, String basePath) {
    List<String> broken = new ArrayList<>();
    Map<String, Document> pages = site.allHtml();
    for (var e : pages.entrySet()) {
      for (Element el : e.getValue().select("a[href], link[href], img[src], script[src]")) {
        String ref = el.hasAttr("href") ? el.attr("href") : el.attr("src");
        String problem = check(site, pages, e.getKey(), ref, basePath);
        if (problem != null) broken.add(e.getKey() + ": " + ref + " (" + problem + ")");
      }
    }
    return broken;
  }

  /** The internal addresses (not http/https/mailto elsewhere) used on one page. */
  public static List<String> internal(Document page) {
    List<String> out = new ArrayList<>();
    for (Element el : page.select("a[href], link[href], img[src], script[src]")) {
      String ref = el.hasAttr("href") ? el.attr("href") : el.attr("src");
      if (!ref.matches("(?i)^[a-z][a-z0-9+.-]*:.*") && !ref.startsWith("//")) out.add(ref);
    }
    return out;
  }

  private static String check(
      TestSite site, Map<String, Document> pages, String page, String ref, String basePath) {
    if (ref.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || ref.startsWith("//")) return null;
    URI uri = URI.create("https://site.invalid" + basePath + page).resolve(ref);
    String path = uri.getPath();
    if (!path.startsWith(basePath)) return "outside the base path " + basePath;
    String rel = path.substring(basePath.length());
    if (rel.isEmpty() || rel.endsWith("/")) rel = rel + "index.html";
    Path file = site.output().resolve(rel);
    if (!Files.isRegularFile(file)) return "no file " + rel;
    String anchor = uri.getFragment();
    if (anchor == null || anchor.isEmpty()) return null;
    Document target = pages.get(rel);
    if (target == null) return "anchor into a non-page " + rel;
    return target.getElementById(anchor) == null ? "no id " + anchor + " in " + rel : null;
  }
}
