package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source's publisher is written once per language, as a fact's label is: a publisher with no text
 * in a page's language shows, wherever the source is listed, in its own language with "(not yet
 * translated)", never as if it were the page's language.
 */
class SourceTextsFixtureTest {
  @TempDir static Path dir;
  static TestSite site;

  static final String SITE =
      """
      -- sourced.yaml --
      title: {nl: Bronnen, en: Sources}
      base_url: https://example.org/
      languages: [nl, en]
      -- content/_data/sources.yaml --
      sources:
        s1: {title: Thirty arrests, publisher: {nl: Openbaar Ministerie}, date: 2021-03-09, url: "https://example.org/s"}
      -- content/day.en.md --
      ---
      title: The action day
      date: 2021-03-09
      ---
      Thirty people were arrested [@s1].
      -- content/day.nl.md --
      ---
      title: De actiedag
      date: 2021-03-09
      ---
      Dertig mensen werden aangehouden [@s1].
      """;

  @BeforeAll
  static void build() {
    site = TestSite.of(dir, SITE);
    site.build();
  }

  @Test
  void aPublisherWithoutThePagesLanguageIsMarkedWithItsOwn() {
    for (String page : new String[] {"en/day/", "en/sources/", "en/sources/s1/"}) {
      Element marked = site.html(page).selectFirst("main .untranslated");
      assertThat(marked).as(page).isNotNull();
      assertThat(marked.attr("lang")).as(page).isEqualTo("nl");
      assertThat(marked.text()).as(page).isEqualTo("Openbaar Ministerie");
      assertThat(marked.nextElementSibling().text()).as(page).isEqualTo("(not yet translated)");
    }
  }

  @Test
  void aPublisherWithoutALanguageIsAWarningAtTheField() {
    assertThat(site.diagnostics().toString()).contains("warning[missing-translation] `publisher`");
  }

  @Test
  void thePublishersOwnLanguageShowsItPlain() {
    assertThat(site.html("day/").select("main .untranslated")).isEmpty();
    assertThat(site.html("day/").select("main").text()).contains("Openbaar Ministerie");
  }
}
