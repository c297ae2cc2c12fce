package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle translated by file name, as Hugo translates a leaf bundle: {@code index.nl.md} and
 * {@code index.en.md} in one folder are one article in two languages, at the folder's address in
 * each language, with the folder's files beside both; a link to the other language's file leads to
 * its page, and an explainer piece declared in one translation shows in both. A suffix that is not
 * a language keeps the folder a section, as before.
 */
class MultilingualBundleFixtureTest {
  @TempDir static Path dir;
  static TestSite site;

  @BeforeAll
  static void build() {
    site =
        TestSite.of(
            dir,
            """
            -- sourced.yaml --
            title: {nl: Tijdlijn, en: Timeline}
            base_url: https://example.org/
            languages: [nl, en]
            -- content/_data/sources.yaml --
            sources:
              s1: {title: Persbericht, publisher: Politie, date: 2021-03-09, url: "https://example.org/p"}
            -- content/tijdlijn/index.nl.md --
            ---
            title: Een tijdlijn
            date: 2021-03-09
            slug: een-tijdlijn
            ---
            {{glance:day}}

            De actiedag [@s1].

            [Engels](index.en.md)
            -- content/tijdlijn/index.en.md --
            ---
            title: A timeline
            date: 2021-03-09
            glances:
              day:
                rows:
                  - {term: When, text: On 9 March., sources: [s1]}
            ---
            {{glance:day}}

            The action day [@s1].
            -- content/tijdlijn/notes.txt --
            notes
            -- content/versies/index.md --
            ---
            title: Versies
            date: 2021-03-10
            ---
            Zie [@s1].
            -- content/versies/index.v2.md --
            ---
            title: Versie 2
            date: 2021-03-11
            ---
            Zie [@s1].
            """);
    site.build();
  }

  @Test
  void buildsCleanly() {
    assertThat(site.diagnostics()).isEmpty();
  }

  @Test
  void eachTranslationOfABundleIsAtItsAddressInItsLanguage() {
    assertThat(site.exists("een-tijdlijn/index.html")).isTrue();
    assertThat(site.exists("en/tijdlijn/index.html")).isTrue();
    assertThat(site.exists("tijdlijn/index.en/index.html")).isFalse();
    assertThat(site.exists("en/tijdlijn/index/index.html")).isFalse();
    assertThat(site.file("een-tijdlijn/notes.txt")).isEqualTo("notes\n");
    assertThat(site.file("en/tijdlijn/notes.txt")).isEqualTo("notes\n");
  }

  @Test
  void theTranslationsOfABundleKnowEachOther() {
    Document nl = site.html("een-tijdlijn/");
    Document en = site.html("en/tijdlijn/");
    assertThat(nl.selectFirst("html").attr("lang")).isEqualTo("nl");
    assertThat(en.selectFirst("html").attr("lang")).isEqualTo("en");
    for (Document d : new Document[] {nl, en}) {
      assertThat(d.select("link[rel=alternate][hreflang]").eachAttr("abs:href"))
          .containsExactly("https://example.org/een-tijdlijn/", "https://example.org/en/tijdlijn/");
    }
    assertThat(nl.select(".language-switcher a").eachAttr("href")).containsExactly("/en/tijdlijn/");
    assertThat(en.select(".language-switcher a").eachAttr("href"))
        .containsExactly("/een-tijdlijn/");
    assertThat(nl.select(".article-body a").eachAttr("href")).contains("/en/tijdlijn/");
  }

  @Test
  void anExplainerPieceDeclaredInOneTranslationShowsInEach() {
    assertThat(site.html("een-tijdlijn/").select(".glance").text()).contains("On 9 March.");
    assertThat(site.html("en/tijdlijn/").select(".glance").text()).contains("On 9 March.");
  }

  @Test
  void aSuffixThatIsNotALanguageKeepsTheFolderASection() {
    assertThat(site.exists("versies/index.html")).isTrue();
    assertThat(site.exists("versies/index.v2/index.html")).isTrue();
  }
}
