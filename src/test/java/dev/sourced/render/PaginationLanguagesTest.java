package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each language's lists are cut into pages of their own: Dutch (the default) has three articles,
 * two to a page, English one. The navigation speaks the page's language, and a second page names as
 * its versions only the languages that have a second page.
 */
class PaginationLanguagesTest {
  @TempDir static Path dir;
  static TestSite site;

  @BeforeAll
  static void build() {
    site =
        TestSite.of(
            dir,
            """
            -- sourced.yaml --
            title: {nl: Ontleed, en: Decoded}
            base_url: https://example.org/
            languages: [nl, en]
            paginate: {articles: 2}
            -- content/_data/s.yaml --
            sources:
              s0: {title: Report, publisher: Agency, date: 2021-01-01, url: "https://example.org/s0"}
            -- content/a.nl.md --
            ---
            title: Eerste
            date: 2021-03-01
            ---
            Tekst [@s0].
            -- content/a.en.md --
            ---
            title: First
            date: 2021-03-01
            ---
            Text [@s0].
            -- content/b.nl.md --
            ---
            title: Tweede
            date: 2021-03-02
            ---
            Tekst [@s0].
            -- content/c.nl.md --
            ---
            title: Derde
            date: 2021-03-03
            ---
            Tekst [@s0].
            """);
    site.buildStrict();
    assertThat(site.diagnostics()).isEmpty();
  }

  @Test
  void eachLanguageHasItsOwnPages() {
    assertThat(site.exists("page/2/index.html")).isTrue();
    assertThat(site.exists("page/3/index.html")).isFalse();
    assertThat(site.exists("en/index.html")).isTrue();
    assertThat(site.exists("en/page/2/index.html")).isFalse();
    assertThat(site.html("en/").select("nav.pagination")).isEmpty();
  }

  @Test
  void theNavigationSpeaksThePagesLanguage() {
    Document d = site.html("page/2/");
    Element nav = d.selectFirst("nav.pagination");
    assertThat(nav.attr("aria-label")).isEqualTo("Pagina's");
    assertThat(nav.select("a[rel=prev]").text()).isEqualTo("Vorige pagina");
    assertThat(nav.selectFirst("a[aria-current=page]").attr("aria-label")).isEqualTo("Pagina 2");
    assertThat(d.title()).isEqualTo("Ontleed, pagina 2 van 2");
    assertThat(d.select(".article-list h2 a").eachText()).containsExactly("Eerste");
  }

  @Test
  void aSecondPageNamesOnlyTheVersionsThatExist() {
    assertThat(site.html("page/2/").select("link[rel=alternate][hreflang]").eachAttr("hreflang"))
        .isEmpty();
    assertThat(site.html("").select("link[rel=alternate][hreflang]").eachAttr("href"))
        .containsExactly("https://example.org/", "https://example.org/en/");
    String sitemap = site.file("sitemap.xml");
    assertThat(sitemap).contains("<url><loc>https://example.org/page/2/</loc></url>");
    assertThat(sitemap).doesNotContain("https://example.org/en/page/2/");
  }
}
