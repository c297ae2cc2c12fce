package dev.sourced.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A section's page ({@code _index.md}) and a bundle's page ({@code index.md}) are translated by
 * file name like any other page: {@code _index.en.md} is the section's English page at its folder's
 * address, and a bundle whose page has translations stays one bundle, its files shared by both.
 */
class TranslatedSectionsAndBundlesTest {
  @TempDir static Path dir;
  static TestSite site;

  @BeforeAll
  static void build() {
    site =
        TestSite.of(
            dir,
            """
            -- sourced.yaml --
            title: {nl: Proef, en: Test}
            base_url: https://example.org/
            languages: [nl, en]
            -- content/gidsen/_index.md --
            ---
            title: Gidsen
            ---
            Alle gidsen.
            -- content/gidsen/_index.en.md --
            ---
            title: Guides
            ---
            All guides.
            -- content/gidsen/een.md --
            ---
            title: Eerste gids
            ---
            Tekst.
            -- content/tijdlijn/index.nl.md --
            ---
            title: Tijdlijn
            ---
            Zie [de gegevens](data.csv).
            -- content/tijdlijn/index.en.md --
            ---
            title: Timeline
            ---
            See [the data](data.csv).
            -- content/tijdlijn/data.csv --
            jaar,aantal
            """);
    site.build();
  }

  @Test
  void anArticleFoundAloneIsFoundAsTheWholeLoadFindsIt() throws Exception {
    var all = ContentLoader.load(site.root(), new dev.sourced.diag.Diagnostics()).articles();
    assertThat(all).hasSize(5);
    for (ArticleFile a : all) {
      assertThat(
              ContentLoader.loadArticles(
                  site.root(), java.util.List.of(a.path()), java.util.List.of("nl", "en")))
          .as(a.path())
          .containsExactly(a);
    }
    assertThat(
            ContentLoader.loadArticles(
                site.root(),
                all.stream().map(ArticleFile::path).toList(),
                java.util.List.of("nl", "en")))
        .isEqualTo(all);
  }

  @Test
  void buildsCleanly() {
    assertThat(site.diagnostics()).isEmpty();
  }

  @Test
  void aTranslatedSectionPageIsAtItsFoldersAddressInEachLanguage() {
    assertThat(site.exists("gidsen/index.html")).isTrue();
    assertThat(site.exists("en/gidsen/index.html")).isTrue();
    assertThat(site.exists("en/gidsen/_index/index.html")).isFalse();
    Document en = site.html("en/gidsen/");
    assertThat(en.selectFirst("h1").text()).isEqualTo("Guides");
    assertThat(en.select("link[rel=alternate][hreflang]").eachAttr("abs:href"))
        .containsExactly("https://example.org/gidsen/", "https://example.org/en/gidsen/");
  }

  @Test
  void aBundleWithATranslatedPageStaysOneBundleWithItsFilesInEachLanguage() {
    assertThat(site.exists("tijdlijn/index.html")).isTrue();
    assertThat(site.exists("en/tijdlijn/index.html")).isTrue();
    assertThat(site.exists("tijdlijn/data.csv")).isTrue();
    assertThat(site.exists("en/tijdlijn/data.csv")).isTrue();
    Document nl = site.html("tijdlijn/");
    assertThat(nl.selectFirst("html").attr("lang")).isEqualTo("nl");
    assertThat(nl.select(".language-switcher a").eachAttr("href")).containsExactly("/en/tijdlijn/");
  }
}
