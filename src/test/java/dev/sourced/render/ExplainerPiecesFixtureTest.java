package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture {@code sites/explainer-pieces}: an article that places an "at a glance" summary, a
 * timeline, a comparison and a "what we do not know" note. Each is plain HTML (no script), made of
 * the site's facts and sources: figures link to their boxes, sources are this page's numbered
 * references, in the order the pieces show them.
 */
class ExplainerPiecesFixtureTest {
  @TempDir Path dir;

  private Document page() {
    TestSite site = TestSite.fixture("explainer-pieces", dir);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    return site.html("story/");
  }

  @Test
  void theGlanceIsADescriptionListOfSourcedRows() {
    Element glance = page().selectFirst(".article-body section.glance#glance-day");
    assertThat(glance.attr("aria-labelledby")).isEqualTo("glance-day-title");
    assertThat(glance.selectFirst("h2#glance-day-title").text()).isEqualTo("At a glance");
    assertThat(glance.select("dt").eachText()).containsExactly("Who", "What");
    assertThat(glance.select("dd").get(0).text())
        .isEqualTo("Police in the Netherlands and Belgium, with France.[1]");
    Element fact = glance.selectFirst("dd .glance-facts a.fact");
    assertThat(fact.attr("href")).isEqualTo("#fact-nl-arrests");
    assertThat(fact.parent().text())
        .isEqualTo("Arrests in the Netherlands on 9 March 2021: 30 arrests");
  }

  @Test
  void theTimelineIsAnOrderedListInDateOrderWithDatesAsPreciseAsTheSources() {
    Element timeline = page().selectFirst("section.timeline#timeline-story");
    assertThat(timeline.attr("aria-label")).isEqualTo("Timeline");
    Elements events = timeline.select("ol.timeline-events > li.timeline-event");
    assertThat(events.select(".timeline-date").eachText())
        .containsExactly("2 July 2020", "July 2020", "Mid-February 2021", "9 March 2021");
    assertThat(events.select(".timeline-date time").eachAttr("datetime"))
        .containsExactly("2020-07-02", "2020-07", "2021-02", "2021-03-09");
    // An event made of a fact takes its date from the fact and links to the fact's sources.
    Element fromFact = events.get(0);
    assertThat(fromFact.selectFirst("a.fact").attr("href")).isEqualTo("#fact-encrochat-users");
    assertThat(fromFact.select("sup.cite a").eachAttr("href")).containsExactly("#ref-dutchnews");
    assertThat(events.get(3).select("sup.cite a").eachAttr("href"))
        .containsExactly("#ref-europol", "#ref-seed");
  }

  @Test
  void theComparisonPutsEachMeasureSideBySideWithScopesAndSaysWhereSourcesAreSilent() {
    Element table = page().selectFirst("section.comparison#compare-services table");
    assertThat(table.select("thead th").eachText())
        .containsExactly("Measure", "EncroChat", "Sky ECC", "Comparable?");
    Elements rows = table.select("tbody tr");
    assertThat(rows.get(0).selectFirst("th[scope=row]").text()).isEqualTo("Users worldwide");
    assertThat(rows.get(0).select("td").get(1).select("li").eachText())
        .containsExactly(
            "about 70,000 users (users monitored from mid-February, 9 March 2021)[1]",
            "70,000 users (accounts worldwide, 9 March 2021)[2]");
    assertThat(rows.get(0).select("td").get(2).text()).isEqualTo("Roughly; the scopes differ.");
    // {fact: ID, values: [1]} shows only that value.
    assertThat(rows.get(1).select("td").get(0).text())
        .isEqualTo("more than 100 million messages (intercepted and decrypted, July 2020)[4]");
    assertThat(rows.get(1).select("td").get(1).text()).isEqualTo("Not in our sources");
  }

  @Test
  void theUnknownsNoteListsWhatTheSourcesDoNotSay() {
    Element note = page().selectFirst("section.unknowns#unknowns-gaps");
    assertThat(note.selectFirst("h2").text()).isEqualTo("What we do not know");
    assertThat(note.select("li").eachText())
        .containsExactly(
            "How either service was broken into.", "Where the Sky ECC server stood.[2]");
  }

  @Test
  void referencesAreNumberedInTheOrderThePiecesShowThem() {
    assertThat(page().select(".references li").eachAttr("id"))
        .containsExactly("ref-europol", "ref-seed", "ref-dutchnews", "ref-tv5monde");
  }
}
