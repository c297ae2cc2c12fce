package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The words of the theme come from the message file of the site's language: a fact box, a claim box
 * and the page frame of a Dutch or German site are Dutch or German, plurals follow the language,
 * and a site's {@code i18n/LANG.yaml} overrides any word.
 */
class ThemeWordsFixtureTest {
  private static final String ARTICLE =
      """
      -- content/a.md --
      ---
      title: A
      date: 2021-03-09
      sources:
        s1: {title: Report, publisher: Police, date: 2021-03-09, url: "https://example.org/r"}
        s2: {title: Letter, publisher: Court, date: 2021-03-10, url: "https://example.org/l"}
      facts:
        users:
          label: Users
          value: 70000
          qualifier: about
          as_of: 2021-03-09
          sources: [s1, s2]
      claims:
        c:
          claim: It was secure.
          claimant: Vendor
          date: 2021-03-10
          verdict: mostly-false
          sources: [s1]
      ---
      {{fact:users}} users [@s1].

      {{factbox:users}}

      {{claim:c}}
      """;

  private static TestSite site(Path dir, String language, String extra) {
    TestSite s =
        TestSite.of(
            dir,
            "-- sourced.yaml --\ntitle: T\nbase_url: https://example.org/\nlanguage: "
                + language
                + "\n"
                + ARTICLE
                + extra);
    s.build();
    return s;
  }

  @Test
  void aDutchSiteShowsDutchWordsEverywhere(@TempDir Path dir) {
    TestSite s = site(dir, "nl", "");
    assertThat(s.diagnostics()).isEmpty();
    Document a = s.html("a/");
    assertThat(a.select("#fact-users .factbox-kind").text()).isEqualTo("Feit");
    assertThat(a.select("#fact-users dt").eachText())
        .containsExactly("Peildatum", "Status", "Bronnen");
    assertThat(a.select("#fact-users .fact-status").text()).isEqualTo("Eensluidende bronnen");
    assertThat(a.select("#fact-users .factbox-value").text()).isEqualTo("ongeveer 70.000");
    assertThat(a.select(".claim-label").text()).isEqualTo("Bewering");
    assertThat(a.select(".claim-by").text()).isEqualTo("Bewering van Vendor, 10 maart 2021");
    assertThat(a.select(".verdict-label").text()).isEqualTo("Ons oordeel:");
    assertThat(a.select(".claim .verdict-tag").text()).isEqualTo("Grotendeels onwaar");
    assertThat(a.select(".verdict-scale").text()).isEqualTo("Hoe we beweringen beoordelen");
    assertThat(a.select(".article-header .meta").text()).startsWith("Gepubliceerd 9 maart 2021");
    assertThat(a.select(".skip-link").text()).isEqualTo("Naar de inhoud");
    assertThat(a.select("#references-heading").text()).isEqualTo("Bronnen");
    assertThat(s.html("sources/").select(".source-index li").eachText())
        .allMatch(t -> t.endsWith("(aangehaald in 1 artikel)"));
    assertThat(s.html("methodology/").select("h1").text())
        .isEqualTo("Hoe we beweringen beoordelen");
    assertThat(s.html("methodology/").select("#verdict-true").text())
        .isEqualTo("Waar (score 5 van 5)");
  }

  @Test
  void aGermanSiteNeedsNoCode(@TempDir Path dir) {
    TestSite s = site(dir, "de", "");
    assertThat(s.diagnostics()).isEmpty();
    Document a = s.html("a/");
    assertThat(a.selectFirst("html").attr("lang")).isEqualTo("de");
    assertThat(a.select("#fact-users .factbox-kind").text()).isEqualTo("Fakt");
    assertThat(a.select("#fact-users .factbox-value").text()).isEqualTo("etwa 70.000");
    assertThat(a.select("#fact-users time").text()).isEqualTo("9. März 2021");
    assertThat(a.select(".claim .verdict-tag").text()).isEqualTo("Überwiegend falsch");
  }

  @Test
  void englishPluralsAndTheSearchScriptsWords(@TempDir Path dir) {
    TestSite s = site(dir, "en", "");
    assertThat(s.html("sources/").select(".source-index li").eachText())
        .allMatch(t -> t.endsWith("(cited in 1 article)"));
    String messages = s.html("search/").selectFirst("#search-form").attr("data-messages");
    assertThat(messages).contains("\"results\":{\"one\":\"# result\",\"other\":\"# results\"}");
  }

  @Test
  void aSiteFileOverridesAnyWord(@TempDir Path dir) {
    TestSite s =
        site(
            dir,
            "nl",
            """
            -- i18n/nl.yaml --
            factbox.kind: Cijfer
            claim.verdict: "Ons eindoordeel:"
            sources.cited_in: "({count, plural, one {één artikel} other {# artikelen}})"
            """);
    assertThat(s.diagnostics()).isEmpty();
    Document a = s.html("a/");
    assertThat(a.select("#fact-users .factbox-kind").text()).isEqualTo("Cijfer");
    assertThat(a.select(".verdict-label").text()).isEqualTo("Ons eindoordeel:");
    assertThat(a.select("#fact-users dt").first().text()).isEqualTo("Peildatum");
    assertThat(s.html("sources/").select(".source-index li").eachText())
        .allMatch(t -> t.endsWith("(één artikel)"));
  }

  @Test
  void aMistakeInTheSitesFileIsReportedWhereItIs(@TempDir Path dir) {
    TestSite s = site(dir, "nl", "-- i18n/nl.yaml --\nfactbox.knd: Cijfer\n");
    assertThat(s.diagnostics())
        .containsExactly(
            "i18n/nl.yaml:1:1: warning[unknown-message] the theme has no message \"factbox.knd\";"
                + " this text is never shown");
  }
}
