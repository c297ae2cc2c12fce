package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.JsonReader;
import dev.sourced.testing.TestSite;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture {@code sites/json-exports}: facts (single, disputed with a figure in words, shared from
 * content/_data/), sources with every field, and a claim used on two pages. facts.json,
 * sources.json and claims.json are parsed strictly and checked against what the pages show.
 */
class JsonExportsFixtureTest {
  static final String BASE = "https://example.org/";
  @TempDir static Path dir;
  static TestSite site;
  static Map<String, Document> pages;

  @BeforeAll
  static void build() {
    site = TestSite.fixture("json-exports", dir);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    pages = site.allHtml();
  }

  @Test
  void everyExportIsVersionedAndNamesTheSite() {
    for (String f : List.of("facts.json", "sources.json", "claims.json")) {
      Object json = site.json(f);
      assertThat(JsonReader.at(json, "version")).as(f).isEqualTo(BigDecimal.ONE);
      assertThat(JsonReader.at(json, "site")).as(f).isEqualTo(BASE);
    }
  }

  @Test
  void factsJsonHasEveryFactTheFactsPageLists() {
    Object json = site.json("facts.json");
    assertThat(JsonReader.pluck(json, "id", "facts"))
        .containsExactly("population", "users", "users-worldwide");
    List<String> labels =
        site.html("facts/")
            .select("table.index-table")
            .get(0)
            .select("tbody tr td:eq(0) a")
            .eachText();
    assertThat(JsonReader.pluck(json, "label", "facts")).containsExactlyElementsOf(labels);
  }

  @Test
  void eachFactMatchesItsBoxAtItsUrl() {
    for (Object f : JsonReader.list(site.json("facts.json"), "facts")) {
      String id = (String) JsonReader.at(f, "id");
      Element box = element((String) JsonReader.at(f, "url"));
      assertThat(box).as(id).isNotNull();
      assertThat(box.is("aside.factbox")).as(id).isTrue();
      assertThat(box.select(".factbox-label").text())
          .isEqualTo("Fact " + JsonReader.at(f, "label"));
      assertThat(box.select(".fact-status").text())
          .isEqualToIgnoringCase((String) JsonReader.at(f, "status"));
      List<Object> values = JsonReader.list(f, "values");
      String shown = (String) JsonReader.at(f, "shown");
      if (values.size() == 1) {
        assertThat(box.select(".factbox-value").text()).as(id).isEqualTo(shown);
      } else {
        // One row per distinct figure, in order of first declaration; every value's sources
        // are named in its figure's row, with the value's scope.
        var rows = box.select(".figure-row");
        List<Object> figures = new java.util.ArrayList<>();
        for (Object v : values) {
          Object n = JsonReader.at(v, "value");
          Object key = n == null ? JsonReader.at(v, "text") : ((BigDecimal) n).stripTrailingZeros();
          if (!figures.contains(key)) figures.add(key);
        }
        assertThat(rows).as(id).hasSize(figures.size());
        int use = ((BigDecimal) JsonReader.at(f, "use")).intValueExact();
        for (int i = 0; i < values.size(); i++) {
          Object v = values.get(i);
          Object n = JsonReader.at(v, "value");
          var row =
              rows.get(
                  figures.indexOf(
                      n == null
                          ? JsonReader.at(v, "text")
                          : ((BigDecimal) n).stripTrailingZeros()));
          assertThat(refs(row.select("a:has(.ref-number)")))
              .as(id)
              .containsAll(JsonReader.list(v, "sources").stream().map(String::valueOf).toList());
          if (JsonReader.at(v, "scope") != null) {
            assertThat(row.text()).contains((String) JsonReader.at(v, "scope"));
          }
          if (i == use) assertThat(row.hasClass("fact-used")).as(id).isTrue();
        }
        assertThat(box.select(".factbox-note").text())
            .isEqualTo("Editor's note: " + JsonReader.at(f, "note"));
      }
    }
  }

  @Test
  void eachFactIsUsedInExactlyThePagesThatShowIt() {
    for (Object f : JsonReader.list(site.json("facts.json"), "facts")) {
      String id = (String) JsonReader.at(f, "id");
      List<String> showing = articlesMatching("a.fact[data-fact=" + id + "], aside#fact-" + id);
      assertThat(new TreeSet<>(JsonReader.list(f, "used_in")))
          .as(id)
          .isEqualTo(new TreeSet<>(showing));
    }
  }

  @Test
  void aDisputedFactKeepsEveryFigureWithScopeAndDate() {
    Object f = JsonReader.list(site.json("facts.json"), "facts").get(2);
    assertThat(JsonReader.at(f, "status")).isEqualTo("disputed");
    assertThat(JsonReader.at(f, "values", 0, "value")).isEqualTo(new BigDecimal("170000"));
    assertThat(JsonReader.at(f, "values", 0, "qualifier")).isEqualTo("about");
    assertThat(JsonReader.at(f, "values", 0, "scope")).isEqualTo("all users worldwide");
    assertThat(JsonReader.at(f, "values", 0, "as_of")).isEqualTo("2021-03-12");
    assertThat(JsonReader.at(f, "values", 2, "text")).isEqualTo("hundreds of thousands");
    assertThat(JsonReader.at(f, "values", 2, "value")).isNull();
    assertThat(JsonReader.at(f, "values", 2, "qualifier"))
        .as("a figure in words is not called exact")
        .isNull();
  }

  @Test
  void sourcesJsonMatchesTheSourcePagesAndReferenceLists() {
    Object json = site.json("sources.json");
    assertThat(JsonReader.pluck(json, "id", "sources"))
        .containsExactly("census", "europol", "summary-site");
    for (Object s : JsonReader.list(json, "sources")) {
      String id = (String) JsonReader.at(s, "id");
      Document page = page((String) JsonReader.at(s, "page"));
      assertThat(page.selectFirst("main h1").text()).isEqualTo(JsonReader.at(s, "title"));
      if (JsonReader.at(s, "url") != null) {
        assertThat(page.select(".source-meta a").eachAttr("href"))
            .contains((String) JsonReader.at(s, "url"));
      }
      List<String> citing = articlesMatching("section.references li#ref-" + id);
      assertThat(new TreeSet<>(JsonReader.list(s, "cited_in")))
          .as(id)
          .isEqualTo(new TreeSet<>(citing));
    }
    Object census = JsonReader.list(json, "sources").get(0);
    assertThat(census)
        .isEqualTo(
            Map.ofEntries(
                Map.entry("id", "census"),
                Map.entry("title", "Census 2020"),
                Map.entry("short", "Statistics Office (2020)"),
                Map.entry("publisher", "Statistics Office"),
                Map.entry("date", "2020-12-01"),
                Map.entry("url", "https://example.org/census"),
                Map.entry("accessed", "2026-11-01"),
                Map.entry("archive", "https://archive.example.org/census"),
                Map.entry("archived", "2026-11-02"),
                Map.entry("language", "nl"),
                Map.entry("page", BASE + "sources/census/"),
                Map.entry("cited_in", List.of(BASE + "uses/")),
                Map.entry(
                    "facts",
                    List.of(
                        Map.of(
                            "id",
                            "population",
                            "label",
                            "Population",
                            "values",
                            List.of(
                                Map.of(
                                    "value",
                                    new BigDecimal("17500000"),
                                    "qualifier",
                                    "more-than",
                                    "formatted",
                                    "more than 17.5 million")))))));
  }

  @Test
  void claimsJsonMatchesTheClaimBoxes() {
    Object json = site.json("claims.json");
    assertThat(JsonReader.pluck(json, "id", "claims")).containsExactly("uncrackable");
    Object c = JsonReader.list(json, "claims").get(0);
    Element box = element((String) JsonReader.at(c, "url"));
    assertThat(box).isNotNull();
    assertThat(box.select("blockquote.claim-text").text()).isEqualTo(JsonReader.at(c, "claim"));
    assertThat(box.select(".claim-by").text())
        .startsWith("Claimed by " + JsonReader.at(c, "claimant"));
    assertThat(box.select(".verdict").hasClass("verdict-" + JsonReader.at(c, "verdict"))).isTrue();
    assertThat(JsonReader.at(c, "rating")).isEqualTo(BigDecimal.ONE);
    assertThat(refs(box.select(".claim-sources a"))).isEqualTo(JsonReader.at(c, "sources"));
    assertThat(new TreeSet<>(JsonReader.list(c, "used_in")))
        .isEqualTo(new TreeSet<>(articlesMatching("section.claim#claim-uncrackable")));
  }

  /** Permalinks of the article pages where the selector matches inside the article. */
  private static List<String> articlesMatching(String css) {
    List<String> out = new ArrayList<>();
    for (var e : pages.entrySet()) {
      if (!e.getValue().select("article.article").select(css).isEmpty()) {
        out.add(BASE + e.getKey().replaceFirst("index\\.html$", ""));
      }
    }
    return out;
  }

  private static Document page(String permalink) {
    assertThat(permalink).startsWith(BASE);
    String rel = permalink.substring(BASE.length()).replaceFirst("#.*", "");
    Document d = pages.get(rel.isEmpty() || rel.endsWith("/") ? rel + "index.html" : rel);
    assertThat(d).as(permalink).isNotNull();
    return d;
  }

  private static Element element(String permalink) {
    return page(permalink).getElementById(permalink.substring(permalink.indexOf('#') + 1));
  }

  /** The source IDs that reference links lead to ({@code #ref-ID}, on this page or another). */
  private static List<String> refs(Elements links) {
    return links.stream().map(a -> a.attr("href").replaceFirst(".*#ref-", "")).toList();
  }
}
