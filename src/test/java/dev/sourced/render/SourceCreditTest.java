package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.JsonReader;
import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every place a fact is shown next to one source shows what that source gave, never the article's
 * figure: the source page, the box row, and the export. The site mirrors the example's "Sky ECC
 * messages": two sources give a firm figure and a vague one, a third only the vague one, and the
 * text uses the firm one. Also: one short name per source, and the box's rows.
 */
class SourceCreditTest {
  @TempDir static Path dir;
  static TestSite site;

  @BeforeAll
  static void build() {
    site =
        TestSite.of(
            dir,
            """
        -- sourced.yaml --
        title: T
        base_url: https://example.org/
        -- content/a.md --
        ---
        title: A
        date: 2021-03-09
        sources:
          police: {title: Thirty arrests in the Netherlands after decryption, publisher: "Unknown (English translation of a Dutch news report)", date: 2021-03-09}
          europol: {title: New major interventions, publisher: "Europol (press release, copy kept by Statewatch)", date: 2021-03-10}
          agency: {title: Summary of the release, short: Summary, publisher: Agency, date: 2021-03-12}
          times: {title: Report, publisher: NL Times, date: 2021-03-09}
          paper: {title: Another report, publisher: Paper, date: 2021-03-09}
        facts:
          messages:
            label: Messages read
            values:
              - {value: 80000000, qualifier: more-than, source: police, scope: relevant to the Dutch case}
              - {text: hundreds of millions, source: europol, scope: all traffic}
              - {text: hundreds of millions, source: police, scope: all messages}
            use: 0
            unit: messages
            format: compact
            status: disputed
            note: Different scopes.
          users:
            label: Users
            values:
              - {value: 70000, approx: true, source: europol, scope: monitored users}
              - {value: 70000, qualifier: more-than, source: agency, scope: accounts monitored}
              - {value: 70000, approx: true, source: times, scope: users worldwide}
              - {value: 70000, source: paper, scope: customers}
              - {value: 170000, approx: true, source: agency, scope: everyone using it}
            use: 0
            unit: users
            status: disputed
            note: Different scopes.
        ---
        Police read {{fact:messages}} messages [@europol] of {{fact:users}} users [@times].

        {{factbox:users}}
        """);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
  }

  @Test
  void aSourcePageShowsOnlyTheFiguresThatSourceGave() {
    Element europol = factItem(site.html("sources/europol/"), "messages");
    assertThat(europol.text())
        .isEqualTo("Messages read: hundreds of millions (all traffic)")
        .doesNotContain("80 million");
    Element police = factItem(site.html("sources/police/"), "messages");
    assertThat(police.text())
        .isEqualTo(
            "Messages read: more than 80 million messages (relevant to the Dutch case) (the figure"
                + " the text uses); hundreds of millions (all messages)");
    Element agency = factItem(site.html("sources/agency/"), "users");
    assertThat(agency.text())
        .isEqualTo(
            "Users: more than 70,000 users (accounts monitored); about 170,000 users (everyone"
                + " using it)");
  }

  @Test
  void sourcesJsonGivesEachSourceItsOwnValues() {
    Object json = site.json("sources.json");
    Map<String, Object> europol = byId(JsonReader.list(json, "sources"), "europol");
    assertThat(europol.get("short")).isEqualTo("Europol (2021)");
    List<Object> facts = JsonReader.list(europol, "facts");
    assertThat(JsonReader.pluck(europol, "id", "facts")).containsExactly("messages", "users");
    assertThat(JsonReader.list(facts.get(0), "values"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(JsonReader.at(v, "text")).isEqualTo("hundreds of millions");
              assertThat(JsonReader.at(v, "scope")).isEqualTo("all traffic");
            });
  }

  @Test
  void sourcesThatGiveTheSameFigureShareOneRowAndOneBar() {
    Element box = site.html("a/").getElementById("fact-users");
    // The row holding the text's figure is headed as the text shows it ("about 70,000"), never by
    // a bare 70,000 that drops the qualifier; a source worded otherwise shows its own wording.
    assertThat(box.select(".figure-row dt .figure").eachText())
        .containsExactly("about 70,000 users", "about 170,000 users");
    Element first = box.selectFirst(".figure-row");
    // Each source keeps its own wording: the row never lends "about" to one that did not say it.
    assertThat(first.select("li").eachText())
        .containsExactly(
            "[1] Europol (2021) — monitored users (used in the text)",
            "[2] NL Times (2021) — users worldwide",
            "[4] Summary: more than 70,000 — accounts monitored",
            "[5] Paper (2021): 70,000 — customers");
    assertThat(box.select(".value-chart rect")).hasSize(2);
    assertThat(box.select(".value-chart text.val").eachText())
        .containsExactly("about 70,000 · used in the text", "about 170,000");
  }

  @Test
  void eachSourceIsNamedOnceForEachFigureItGivesAndStaysLinked() {
    Element box = site.html("a/").getElementById("fact-users");
    List<String> named = new ArrayList<>();
    for (Element a : box.select("a:has(.ref-number)"))
      named.add(a.attr("href").replaceFirst(".*#ref-", ""));
    assertThat(named).containsExactlyInAnyOrder("europol", "times", "agency", "paper", "agency");
    for (Element a : box.select("a:has(.ref-number)")) {
      assertThat(a.attr("href")).startsWith("#ref-");
    }
    assertThat(box.select(".value-chart").text()).doesNotContain("Europol", "NL Times", "Paper");
  }

  @Test
  void aSourceHasOneShortNameAndItIsNeverUnknown() {
    Document page = site.html("a/");
    assertThat(page.select(".factbox a[href=#ref-police]").eachText())
        .containsOnly("[3] Thirty arrests in the Netherlands after decryption");
    assertThat(page.select(".factbox a[href=#ref-europol]").eachText())
        .containsOnly("[1] Europol (2021)");
    assertThat(page.select(".factbox a[href=#ref-agency]").eachText()).containsOnly("[4] Summary");
    // The reference list gives the full entry; every short form avoids "Unknown" and is whole.
    assertThat(page.select(".factbox").text()).doesNotContain("Unknown", "…");
  }

  private static Element factItem(Document sourcePage, String factId) {
    for (Element li : sourcePage.select("li")) {
      Element a = li.selectFirst("a[href$=#fact-" + factId + "]");
      if (a != null) return li;
    }
    throw new AssertionError("no item for fact " + factId);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> byId(List<Object> list, String id) {
    for (Object o : list)
      if (id.equals(((Map<String, Object>) o).get("id"))) return (Map<String, Object>) o;
    throw new AssertionError("no " + id);
  }
}
