package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fact and a claim declared once with their words per language: each language's pages show its
 * own words around the same figure; a text not translated yet is a positioned warning and shows,
 * marked with its language, with the page's own "not yet translated"; the exports list each fact
 * once with its words in every language.
 */
class DeclarationTextsFixtureTest {
  @TempDir static Path dir;
  static TestSite site;

  static final String SITE =
      """
      -- sourced.yaml --
      title: {nl: Sky ECC ontleed, en: Sky ECC decoded}
      base_url: https://example.org/
      languages: [nl, en]
      locale: {en: en-GB}
      -- content/users.nl.md --
      ---
      title: Gebruikers
      date: 2021-03-09
      sources:
        s1: {title: {nl: Persbericht, en: Press release}, publisher: Politie, date: 2021-03-09, url: "https://example.org/p", language: nl}
        s2: {title: {nl: Verslag}, publisher: OM, url: "https://example.org/v", language: nl}
      facts:
        users:
          label: {nl: Gebruikers van Sky ECC, en: Sky ECC users}
          value: 70000
          approx: true
          sources: [s1]
          note: {nl: Geteld door de politie.}
      claims:
        read:
          claim: {nl: De politie las alles mee., en: Police read everything.}
          claimant: Politie
          verdict: mostly-true
          sources: [s1]
      ---
      De politie las {{fact:users}} gebruikers [@s1; @s2].

      {{claim:read}}
      -- content/users.en.md --
      ---
      title: Users
      date: 2021-03-09
      ---
      Police read {{fact:users}} users [@s1; @s2].

      {{claim:read}}
      """;

  @BeforeAll
  static void build() {
    site = TestSite.of(dir, SITE);
    site.build();
  }

  @Test
  void aMissingTranslationIsAWarningAtTheField() {
    assertThat(site.diagnostics())
        .containsExactly(
            "content/users.nl.md:13:11: warning[missing-translation] `note` of fact \"users\" has"
                + " no text in \"en\"");
  }

  @Test
  void eachLanguageShowsItsOwnWordsAroundTheSameFigure() {
    Document nl = site.html("users/");
    Document en = site.html("en/users/");
    assertThat(nl.select("#fact-users .factbox-label").text())
        .isEqualTo("Feit Gebruikers van Sky ECC");
    assertThat(en.select("#fact-users .factbox-label").text()).isEqualTo("Fact Sky ECC users");
    assertThat(nl.select("a.fact").text()).isEqualTo("ongeveer 70.000");
    assertThat(en.select("a.fact").text()).isEqualTo("about 70,000");
    assertThat(nl.select("#claim-read-text").text()).isEqualTo("De politie las alles mee.");
    assertThat(en.select("#claim-read-text").text()).isEqualTo("Police read everything.");
    assertThat(en.select("#fact-users .untranslated")).hasSize(1);
    assertThat(nl.select(".untranslated")).isEmpty();
  }

  @Test
  void anUntranslatedTextIsMarkedWithItsLanguageAndSaysSoInThePagesLanguage() {
    Document en = site.html("en/users/");
    var note = en.select("#fact-users .factbox-note .untranslated").first();
    assertThat(note.attr("lang")).isEqualTo("nl");
    assertThat(note.text()).isEqualTo("Geteld door de politie.");
    assertThat(en.select("#fact-users .untranslated-note").text())
        .isEqualTo("(not yet translated)");
  }

  @Test
  void theFactsIndexAndSourcePagesMarkAnUntranslatedTextToo(@TempDir Path other) {
    TestSite two =
        TestSite.of(
            other,
            """
            -- sourced.yaml --
            title: {nl: Proef, en: Test}
            base_url: https://example.org/
            languages: [nl, en]
            -- content/a.md --
            ---
            title: Gebruikers
            date: 2021-03-09
            sources:
              s1: {title: Persbericht, publisher: Politie, date: 2021-03-09, url: "https://example.org/p"}
            facts:
              users:
                label: {nl: Gebruikers van de dienst}
                value: 70000
                sources: [s1]
            claims:
              read:
                claim: {nl: De politie las alles mee.}
                claimant: {nl: de politie}
                verdict: mostly-true
                sources: [s1]
            ---
            De politie las {{fact:users}} gebruikers [@s1].

            {{claim:read}}
            -- content/a.en.md --
            ---
            title: Users
            date: 2021-03-09
            ---
            Police read {{fact:users}} users [@s1].

            {{claim:read}}
            """);
    assertThat(two.build().written()).as(two.diagnostics().toString()).isTrue();
    for (String page : List.of("en/facts/", "en/sources/s1/")) {
      Document d = two.html(page);
      List<String> marked = d.select("main .untranslated").eachText();
      assertThat(marked).as(page).contains("Gebruikers van de dienst", "De politie las alles mee.");
      assertThat(d.select("main .untranslated").eachAttr("lang")).as(page).containsOnly("nl");
      assertThat(d.select("main .untranslated-note").eachText())
          .as(page)
          .contains("(not yet translated)");
    }
    assertThat(two.html("en/facts/").select("main td .untranslated").eachText())
        .contains("de politie");
    assertThat(two.html("facts/").select(".untranslated")).isEmpty();
    assertThat(two.html("sources/s1/").select(".untranslated")).isEmpty();
  }

  @Test
  void aSourceIsNamedByItsTranslatedTitleElseByTheTitleItWasPublishedUnder() {
    assertThat(site.html("en/users/").select("#ref-s1").text()).contains("Press release");
    assertThat(site.html("users/").select("#ref-s1").text()).contains("Persbericht");
    // Not translated: the title it has is its own, shown as it is, with no warning.
    assertThat(site.html("en/users/").select("#ref-s2").text()).contains("Verslag");
  }

  @Test
  void aSourcesPageIsInItsLanguageAndSoAreTheWordsAroundItsFigures() {
    assertThat(site.html("en/sources/s1/").selectFirst("h1").text()).isEqualTo("Press release");
    assertThat(site.html("sources/s1/").selectFirst("h1").text()).isEqualTo("Persbericht");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theExportsListEachFactOnceWithItsWordsInEveryLanguage() {
    var facts =
        (List<Map<String, Object>>) ((Map<String, Object>) site.json("facts.json")).get("facts");
    assertThat(facts).hasSize(1);
    Map<String, Object> users = facts.get(0);
    assertThat(users.get("label")).isEqualTo("Gebruikers van Sky ECC");
    assertThat(users.get("translations"))
        .isEqualTo(
            Map.of(
                "label", Map.of("en", "Sky ECC users", "nl", "Gebruikers van Sky ECC"),
                "note", Map.of("nl", "Geteld door de politie.")));
    var claims =
        (List<Map<String, Object>>) ((Map<String, Object>) site.json("claims.json")).get("claims");
    assertThat(claims.get(0).get("translations"))
        .isEqualTo(
            Map.of(
                "claim",
                Map.of("en", "Police read everything.", "nl", "De politie las alles mee.")));
  }

  @Test
  void sourcedFactsListsEachFactOnceWithItsLabelInEveryLanguage() {
    var out = new java.io.StringWriter();
    var cli = new picocli.CommandLine(new dev.sourced.cli.Main());
    cli.setOut(new java.io.PrintWriter(out));
    cli.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
    cli.execute("facts", "-s", site.root().toString());
    assertThat(out.toString())
        .startsWith(
            """
            users: Gebruikers van Sky ECC
              label.nl: Gebruikers van Sky ECC
              label.en: Sky ECC users
              note.nl: Geteld door de politie.
              note.en: (not translated)
            """)
        .endsWith("1 fact\n");
  }

  @Test
  void withStrictAMissingTranslationStopsTheBuild(@TempDir Path other) {
    TestSite s = TestSite.of(other, SITE);
    assertThat(s.buildStrict().failed()).isTrue();
    assertThat(s.diagnostics())
        .containsExactly(
            "content/users.nl.md:13:11: error[missing-translation] `note` of fact \"users\" has"
                + " no text in \"en\"");
  }

  @Test
  void aLanguageTheSiteDoesNotHaveIsAnError(@TempDir Path other) {
    TestSite s =
        TestSite.of(
            other,
            """
            -- sourced.yaml --
            title: T
            language: en
            -- content/a.md --
            ---
            title: A
            date: 2021-03-09
            sources:
              s1: {title: P, publisher: Politie, url: "https://example.org/p"}
            facts:
              f: {label: {en: Users, nl: Gebruikers}, value: 3, sources: [s1]}
            ---
            {{fact:f}} [@s1]
            """);
    s.build();
    assertThat(s.diagnostics())
        .containsExactly(
            "content/a.md:7:26: error[bad-value] `label` of fact \"f\" names \"nl\", which is not"
                + " one of the site's languages");
  }
}
