package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Links;
import dev.sourced.testing.TestSite;
import dev.sourced.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture {@code sites/template-override}: templates/index.ftlh replaces the theme's home page
 * template and templates/assets/site.css adds a stylesheet; every other template is still the
 * default theme's.
 */
class TemplateOverrideFixtureTest {
  @TempDir Path dir;

  @Test
  void theSitesIndexTemplateReplacesTheThemes() {
    TestSite site = TestSite.fixture("template-override", dir);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    Document home = site.html("");
    assertThat(home.select("section.custom-home[data-template=site] h1").text())
        .isEqualTo("Custom front page of Overridden home");
    assertThat(home.select(".custom-list a").eachAttr("href")).containsExactly("/story/");
    assertThat(home.select("ol.article-list")).as("the theme's list is gone").isEmpty();
    assertThat(home.select("header.site-header nav a")).as("base.ftlh from the theme").isNotEmpty();
  }

  @Test
  void theSitesAssetsAreHashedAndLinkedBesideTheThemes() throws Exception {
    TestSite site = TestSite.fixture("template-override", dir);
    site.build();
    for (String page : new String[] {"", "story/", "facts/"}) {
      var sheets = site.html(page).select("link[rel=stylesheet]").eachAttr("href");
      assertThat(sheets).as(page).hasSize(2);
      assertThat(sheets.get(0)).matches("/assets/style\\.[0-9a-f]{8}\\.css");
      assertThat(sheets.get(1)).matches("/assets/site\\.[0-9a-f]{8}\\.css");
    }
    String siteCss = site.html("").select("link[rel=stylesheet]").get(1).attr("href");
    Path source = Trees.fixture("template-override").resolve("templates/assets/site.css");
    assertThat(Files.readAllBytes(site.output().resolve(siteCss.substring(1))))
        .isEqualTo(Files.readAllBytes(source));
    assertThat(Links.broken(site, "/")).isEmpty();
  }

  @Test
  void everyOtherPageIsExactlyWhatTheDefaultThemeMakes() {
    Path withIndex = dir.resolve("with-index");
    Trees.copy(Trees.fixture("template-override"), withIndex);
    Path plain = dir.resolve("plain");
    Trees.copy(Trees.fixture("template-override"), plain);
    Trees.delete(withIndex.resolve("templates/assets"));
    Trees.delete(plain.resolve("templates"));
    TestSite a = TestSite.at(withIndex, dir.resolve("out-a"));
    TestSite b = TestSite.at(plain, dir.resolve("out-b"));
    a.build();
    b.build();
    assertThat(a.diagnostics()).isEmpty();
    assertThat(b.diagnostics()).isEmpty();
    Map<String, String> fa = new TreeMap<>(Trees.fingerprint(a.output()));
    Map<String, String> fb = new TreeMap<>(Trees.fingerprint(b.output()));
    assertThat(fa.remove("index.html")).isNotEqualTo(fb.remove("index.html"));
    assertThat(fa).isEqualTo(fb);
  }
}
