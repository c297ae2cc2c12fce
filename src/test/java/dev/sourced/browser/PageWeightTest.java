package dev.sourced.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The page-weight budget, measured on the built example site: each page's HTML plus the CSS and
 * JavaScript it loads, uncompressed and before images, stays under 60 KB (60,000 bytes). Also: no
 * web fonts, nothing loaded from another host, every asset content-hashed so it can be cached
 * forever.
 */
class PageWeightTest {
  static final int BUDGET = 60_000;

  @Test
  void everyPageWithItsCssAndJsIsUnderTheBudget() throws IOException {
    Path site = ExampleSite.subPath();
    List<String> over = new ArrayList<>();
    StringBuilder report =
        new StringBuilder(
            String.format("%-48s %7s %7s %7s %7s%n", "page", "html", "css", "js", "total"));
    for (String page : ExampleSite.pages(site)) {
      Path file = site.resolve(page);
      long html = Files.size(file);
      Document doc = Jsoup.parse(file.toFile(), "UTF-8");
      long css = 0;
      long js = 0;
      for (String href : attrs(doc, "link[rel=stylesheet]", "href"))
        css += Files.size(asset(site, href));
      for (String src : attrs(doc, "script[src]", "src")) js += Files.size(asset(site, src));
      long total = html + css + js;
      report.append(String.format("%-48s %7d %7d %7d %7d%n", page, html, css, js, total));
      if (total >= BUDGET) over.add(page + ": " + total + " bytes");
    }
    System.out.print("Page weight (bytes, uncompressed, before images):\n" + report);
    assertThat(over).as("pages over the %d-byte budget", BUDGET).isEmpty();
  }

  @Test
  void noWebFontsNoThirdPartyResourcesAndHashedAssets() throws IOException {
    Path site = ExampleSite.subPath();
    for (String f : ExampleSite.files(site)) {
      if (f.startsWith("assets/")) {
        assertThat(f)
            .as("content-hashed asset name")
            .matches("assets/(.+/)?[^/]+\\.[0-9a-f]{8}(\\.[a-z0-9]+)?");
      }
      if (f.endsWith(".css")) {
        String css = Files.readString(site.resolve(f), StandardCharsets.UTF_8);
        assertThat(css).as(f + " loads no web font").doesNotContain("@font-face");
        assertThat(css).as(f + " imports nothing").doesNotContain("@import");
        assertThat(css)
            .as(f + " loads nothing from another host")
            .doesNotContainPattern("url\\(\\s*['\"]?(https?:)?//");
      }
    }
    for (String page : ExampleSite.pages(site)) {
      Document doc = Jsoup.parse(site.resolve(page).toFile(), "UTF-8");
      for (Element e :
          doc.select(
              "script[src], link[href]:not([rel=alternate]):not([rel=canonical]),"
                  + " img[src], iframe[src], video[src], audio[src], source[src], embed[src], object[data]")) {
        String url =
            e.hasAttr("src") ? e.attr("src") : e.hasAttr("href") ? e.attr("href") : e.attr("data");
        assertThat(url)
            .as(page + ": " + e.outerHtml() + " is loaded from this site")
            .startsWith(ExampleSite.SUB_PATH)
            .doesNotStartWith("//");
      }
    }
  }

  private static Set<String> attrs(Document doc, String css, String attr) {
    Set<String> out = new LinkedHashSet<>();
    for (Element e : doc.select(css)) out.add(e.attr(attr));
    return out;
  }

  private static Path asset(Path site, String url) {
    assertThat(url).as("asset address under the base path").startsWith(ExampleSite.SUB_PATH);
    Path p = site.resolve(url.substring(ExampleSite.SUB_PATH.length()));
    assertThat(p).as("asset " + url + " exists in the built site").isRegularFile();
    return p;
  }
}
