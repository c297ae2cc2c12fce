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
 * The words of explainer pieces (a glance row's term and text, a timeline event's "when" and text,
 * a comparison's title, measures and notes, an unknown) and of corrections are written once per
 * language, as a fact's label is: the English page shows the English words, and a text with no
 * English yet is a positioned warning and shows, marked with its language, with "(not yet
 * translated)".
 */
class PieceTextsFixtureTest {
  @TempDir static Path dir;
  static TestSite site;

  static final String SITE =
      """
      -- sourced.yaml --
      title: {nl: Sky ECC ontleed, en: Sky ECC decoded}
      base_url: https://example.org/
      languages: [nl, en]
      locale: {en: en-GB}
      -- content/day.en.md --
      ---
      title: The action day
      date: 2021-03-09
      sources:
        s1: {title: Thirty arrests, short: Thirty arrests, publisher: {nl: Onbekend (vertaling), en: Unknown (translation)}, date: 2021-03-09, url: "https://example.org/s"}
      facts:
        arrests: {label: {nl: Aanhoudingen, en: Arrests}, value: 30, sources: [s1], as_of: 2021-03-09}
        searches: {label: {nl: Doorzoekingen, en: Searches}, value: 75, sources: [s1]}
        messages:
          label: {nl: Berichten, en: Messages}
          values:
            - {value: 80000000, source: s1, scope: {nl: deze keer gelezen, en: read this time}}
            - {text: {nl: honderden miljoenen, en: hundreds of millions}, source: s1, scope: {nl: alle, en: all}}
          use: 0
          status: disputed
          note: {nl: Andere reikwijdte., en: Different scopes.}
      corrections:
        - {date: 2021-03-10, text: {nl: Het aantal is verbeterd., en: The count was corrected.}}
        - {date: 2021-03-11, text: {nl: De datum is verbeterd.}}
      glances:
        day:
          title: {nl: In het kort, en: In short}
          rows:
            - {term: {nl: Wie, en: Who}, text: {nl: De politie., en: The police.}, sources: [s1]}
            - {term: {nl: Wat, en: What}, text: {nl: Invallen.}, sources: [s1]}
      timelines:
        days:
          events:
            - {date: 2021-02, when: {nl: Half februari, en: Mid-February}, text: {nl: Meelezen begint., en: Reading begins.}, sources: [s1]}
      comparisons:
        both:
          title: {nl: Naast elkaar, en: Side by side}
          columns: [A, B]
          rows:
            - {measure: {nl: Aantal, en: Count}, cells: [arrests, searches], note: {nl: Niet vergelijkbaar., en: Not comparable.}}
      unknowns:
        open:
          items:
            - {text: {nl: Waar de server stond., en: Where the server stood.}}
      ---
      {{glance:day}}

      Police arrested {{fact:arrests}} people and searched {{fact:searches}} homes [@s1].

      Police read {{fact:messages}} messages [@s1].

      {{factbox:messages}}

      {{timeline:days}}

      {{compare:both}}

      {{unknowns:open}}
      """;

  @BeforeAll
  static void build() {
    site = TestSite.of(dir, SITE);
    site.build();
  }

  @Test
  void aPieceOrCorrectionWithoutTheLanguageIsAWarningAtTheField() {
    assertThat(site.diagnostics())
        .containsExactly(
            "content/day.en.md:19:30: warning[missing-translation] `text` of a correction has no"
                + " text in \"en\"",
            "content/day.en.md:25:43: warning[missing-translation] `text` of a row of glance"
                + " \"day\" has no text in \"en\"");
  }

  @Test
  void thePageShowsThePiecesWordsInItsLanguage() {
    Document en = site.html("en/day/");
    assertThat(en.select("#glance-day h2").text()).isEqualTo("In short");
    assertThat(en.select("#glance-day dt").eachText()).containsExactly("Who", "What");
    assertThat(en.select("#glance-day dd").first().text()).startsWith("The police.");
    assertThat(en.select("#timeline-days .timeline-date").text()).isEqualTo("Mid-February");
    assertThat(en.select("#timeline-days .timeline-text").text()).startsWith("Reading begins.");
    assertThat(en.select("#compare-both h2").text()).isEqualTo("Side by side");
    assertThat(en.select("#compare-both tbody th").text()).isEqualTo("Count");
    assertThat(en.select("#compare-both .comparison-note").text()).isEqualTo("Not comparable.");
    assertThat(en.select("#unknowns-open li").text()).isEqualTo("Where the server stood.");
    // The publisher as we describe it, in the page's language (the default, nl, says otherwise).
    assertThat(en.select("#ref-s1").text()).contains("Unknown (translation)");
    // A figure in words is a text of its own: the English box says it in English.
    assertThat(en.select("#fact-messages .figure").eachText())
        .containsExactly("80,000,000", "hundreds of millions");
    assertThat(en.select(".corrections-notice li").eachText())
        .contains("10 March 2021: The count was corrected.");
  }

  @Test
  void anUntranslatedPieceTextOrCorrectionIsMarkedWithItsLanguage() {
    Document en = site.html("en/day/");
    Element row = en.select("#glance-day dd").get(1).selectFirst(".untranslated");
    assertThat(row.attr("lang")).isEqualTo("nl");
    assertThat(row.text()).isEqualTo("Invallen.");
    assertThat(en.select("#glance-day .untranslated-note").text())
        .isEqualTo("(not yet translated)");
    Element correction = en.selectFirst(".corrections-notice .untranslated");
    assertThat(correction.attr("lang")).isEqualTo("nl");
    assertThat(correction.text()).isEqualTo("De datum is verbeterd.");
    Element listed = site.html("en/corrections/").selectFirst(".untranslated");
    assertThat(listed.attr("lang")).isEqualTo("nl");
  }
}
