package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Browsers ask every site for {@code /favicon.ico}: the build writes the theme's icon there and
 * links it (and an SVG one) from every page, unless the site has its own.
 */
class FaviconTest {
  @TempDir Path dir;

  static final String SITE =
      """
      -- sourced.yaml --
      title: Icons
      base_url: https://example.org/
      -- content/_data/sources.yaml --
      sources:
        europol: {title: Report, publisher: Europol, date: 2021-03-10, url: "https://example.org/r"}
      -- content/a.md --
      ---
      title: A
      date: 2021-03-09
      ---
      Text [@europol], and [the icon](/favicon.ico).
      """;

  @Test
  void theThemesIconIsWrittenAndLinkedFromEveryPage() throws Exception {
    TestSite site = TestSite.of(dir, SITE);
    site.buildStrict();
    assertThat(site.diagnostics()).isEmpty();
    byte[] ico = Files.readAllBytes(site.output().resolve("favicon.ico"));
    // An ICO file: reserved 0, type 1 (icon), then the count of images.
    assertThat(new byte[] {ico[0], ico[1], ico[2], ico[3]}).containsExactly(0, 0, 1, 0);
    assertThat(ico).isEqualTo(Theme.read("favicon.ico"));
    for (String page : new String[] {"a/index.html", "index.html", "facts/index.html"}) {
      Document d = site.html(page);
      // Browsers that do not take the SVG ask for /favicon.ico by themselves.
      assertThat(d.select("link[rel=icon]").eachAttr("href"))
          .as(page)
          .singleElement()
          .matches(h -> h.matches("/assets/favicon\\.[0-9a-f]{8}\\.svg"));
    }
    String svgHref = site.html("index.html").select("link[type=image/svg+xml]").attr("href");
    assertThat(site.file(svgHref.substring(1))).startsWith("<svg");
  }

  @Test
  void aSitesStaticIconTakesThePlaceOfTheThemesWithoutAClash() throws Exception {
    TestSite site = TestSite.of(dir, SITE);
    Files.createDirectories(site.root().resolve("static"));
    Files.write(site.root().resolve("static/favicon.ico"), new byte[] {1, 2, 3});
    site.buildStrict();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(Files.readAllBytes(site.output().resolve("favicon.ico"))).containsExactly(1, 2, 3);
  }

  @Test
  void aSitesTemplatesIconTakesThePlaceOfTheThemes() throws Exception {
    TestSite site = TestSite.of(dir, SITE);
    Files.createDirectories(site.root().resolve("templates/assets"));
    Files.write(site.root().resolve("templates/favicon.ico"), new byte[] {4, 5});
    Files.writeString(site.root().resolve("templates/assets/favicon.svg"), "<svg id=\"own\"/>");
    site.buildStrict();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(Files.readAllBytes(site.output().resolve("favicon.ico"))).containsExactly(4, 5);
    String svgHref = site.html("index.html").select("link[type=image/svg+xml]").attr("href");
    assertThat(site.file(svgHref.substring(1))).isEqualTo("<svg id=\"own\"/>");
  }
}
