package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.facts.Json;
import dev.sourced.testing.TestSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index in parts: a word that only an article's body has is found, as are facts, claims
 * and sources by their words, each language in its own index; the lookup here is the theme's {@code
 * search.js}'s (the part a word falls in by the first words listed in {@code search.json}, then the
 * rows of the documents).
 */
class SearchPartsFixtureTest {
  @TempDir Path dir;

  static final String SITE =
      """
      -- sourced.yaml --
      title: {nl: Zoeken, en: Search}
      base_url: https://example.org/sub/
      languages: [en, nl]
      -- content/_data/sources.yaml --
      sources:
        europol: {title: Major interventions, publisher: Europol, date: 2021-03-10, url: "https://example.org/r"}
      -- content/a.en.md --
      ---
      title: Action day
      date: 2021-03-09
      summary: What police did.
      facts:
        raids:
          label: Searches carried out
          value: 275
          sources: [europol]
      claims:
        c1:
          claim: The network was unbreakable.
          claimant: A reseller
          verdict: false
          sources: [europol]
      ---
      Police searched premises in Antwerp and Rotterdam, {{fact:raids}} of them [@europol].

      {{claim:c1}}
      -- content/a.nl.md --
      ---
      title: Actiedag
      date: 2021-03-09
      ---
      De politie doorzocht panden in Antwerpen, {{fact:raids}} [@europol].
      """;

  @Test
  void findsWordsOfTheBodyFactsClaimsAndSourcesInEachLanguage() {
    TestSite site = TestSite.of(dir, SITE);
    site.buildStrict();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(find(site, "", "antwerp")).containsExactly("article /sub/a/");
    assertThat(find(site, "", "antw")).as("the start of a word").containsExactly("article /sub/a/");
    assertThat(find(site, "", "ROTTERDAM")).containsExactly("article /sub/a/");
    assertThat(find(site, "", "carried")).containsExactly("fact /sub/a/#fact-raids");
    assertThat(find(site, "", "unbreakable")).containsExactly("claim /sub/a/#claim-c1");
    assertThat(find(site, "", "reseller")).containsExactly("claim /sub/a/#claim-c1");
    assertThat(find(site, "", "interventions")).containsExactly("source /sub/sources/europol/");
    assertThat(find(site, "", "antwerpen")).as("the Dutch text is not in English").isEmpty();
    assertThat(find(site, "nl/", "antwerpen")).containsExactly("article /sub/nl/a/");
    assertThat(find(site, "nl/", "rotterdam")).isEmpty();
    assertThat(find(site, "nl/", "interventions"))
        .containsExactly("source /sub/nl/sources/europol/");
  }

  @Test
  void thePartsAreNamedByTheirBytesAndFoundFromTheContents() {
    TestSite site = TestSite.of(dir, SITE);
    site.buildStrict();
    Map<?, ?> contents = (Map<?, ?>) site.json("search.json");
    assertThat(((Number) contents.get("version")).intValue()).isEqualTo(4);
    assertThat(contents.get("wordPart")).isEqualTo("/sub/search/t/{n}.{hash}.json");
    assertThat(contents.get("rowPart")).isEqualTo("/sub/search/d/{n}.{hash}.json");
    List<String> urls = new ArrayList<>();
    int wordParts = ((List<?>) contents.get("words")).size();
    for (int i = 0; i < wordParts; i++) urls.add(wordUrl(contents, i));
    int rowParts = ((Number) contents.get("rows")).intValue();
    int documents = ((Number) contents.get("documents")).intValue();
    int per = ((Number) contents.get("perPart")).intValue();
    assertThat(rowParts).isEqualTo((documents + per - 1) / per);
    for (int k = 0; k < rowParts; k++) urls.add(rowUrl(contents, k));
    assertThat(urls).isNotEmpty();
    for (String u : urls) {
      assertThat(u).matches("/sub/search/[td]/[0-9]+\\.[0-9a-f]{8}\\.json");
      assertThat(site.exists(u.substring("/sub/".length()))).as(u).isTrue();
    }
    // Every part the build wrote is one of them: none is left out of the contents.
    List<String> written = new ArrayList<>();
    for (String kind : List.of("t", "d")) {
      try (var files = Files.list(site.output().resolve("search/" + kind))) {
        files.forEach(f -> written.add("/sub/search/" + kind + "/" + f.getFileName()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertThat(written).containsExactlyInAnyOrderElementsOf(urls);
  }

  @Test
  void eachWordPartIsTheJsonOfItsWordsAndTheirLists() {
    // Enough distinct words for several parts, some of them not ASCII.
    StringBuilder body = new StringBuilder("Ωμέγα in Zürich, naïve straße 東京 Москва.\n\n");
    for (int i = 0; i < 3 * SearchIndex.TERMS_PER_PART / 8; i++)
      body.append("w").append(i).append(' ');
    TestSite site =
        TestSite.of(
            dir,
            SITE
                + "-- content/words.en.md --\n---\ntitle: Words\ndate: 2020-01-01\n---\n"
                + body
                + "[@europol].\n");
    site.buildStrict();
    Map<?, ?> contents = (Map<?, ?>) site.json("search.json");
    int parts = ((List<?>) contents.get("words")).size();
    assertThat(parts).as("the word list is in several parts").isGreaterThan(2);
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < parts; i++) {
      String path = local(wordUrl(contents, i));
      String text = site.file(path);
      assertThat(text).as(path).isEqualTo(Json.write(site.json(path), false) + "\n");
      all.append(text);
    }
    assertThat(all.toString()).contains("\"ωμεγα\":", "\"zurich\":", "\"москва\":", "\"東京\":");
    assertThat(find(site, "", "MOSKVA")).isEmpty();
    assertThat(find(site, "", "москва")).containsExactly("article /sub/words/");
  }

  @Test
  void aChangedRowRenamesOnlyItsRowPartAndABodyEditOnlyItsWordParts() {
    // Enough articles for several row parts, so that "only its part" can fail.
    StringBuilder more = new StringBuilder();
    for (int i = 0; i < 2 * SearchIndex.DOCS_PER_PART; i++) {
      more.append(
          "-- content/more-%02d.en.md --\n---\ntitle: More %d\ndate: 2020-01-01\n---\nText [@europol].\n"
              .formatted(i, i));
    }
    TestSite site = TestSite.of(dir, SITE + more);
    site.buildStrict();
    Map<?, ?> before = (Map<?, ?>) site.json("search.json");
    site.write(SITE.replace("premises in Antwerp", "premises in Ghent") + more);
    site.buildStrict();
    Map<?, ?> body = (Map<?, ?>) site.json("search.json");
    assertThat(body.get("rowHashes"))
        .as("no row has a body's words")
        .isEqualTo(before.get("rowHashes"));
    assertThat(body.get("words")).isNotEqualTo(before.get("words"));
    site.write(SITE.replace("title: Action day", "title: The action day") + more);
    site.buildStrict();
    Map<?, ?> title = (Map<?, ?>) site.json("search.json");
    int parts = ((Number) title.get("rows")).intValue();
    assertThat(parts).as("the site has more than one row part").isGreaterThan(1);
    List<Integer> renamed = new ArrayList<>();
    for (int k = 0; k < parts; k++) {
      if (!rowUrl(title, k).equals(rowUrl(before, k))) renamed.add(k);
    }
    int row = rowIndex(site, "", "article /sub/a/");
    int per = ((Number) title.get("perPart")).intValue();
    assertThat(renamed).as("only the part with the title's row").containsExactly(row / per);
    assertThat(rows(site, "").get("article /sub/a/").get(1)).isEqualTo("The action day");
  }

  /** Where the row of "kind id" is among a language's rows. */
  private static int rowIndex(TestSite site, String prefix, String key) {
    return new ArrayList<>(rows(site, prefix).keySet()).indexOf(key);
  }

  @Test
  void aRowWhoseTextHasNoTranslationInItsLanguageGivesThatTextItsOwnLanguage(@TempDir Path other) {
    TestSite two = TestSite.fixture("untranslated-search", other);
    assertThat(two.build().written()).as(two.diagnostics().toString()).isTrue();
    Map<String, List<?>> nl = rows(two, "nl/");
    assertThat(nl.get("fact raids").get(1))
        .as("the English label, named as English")
        .isEqualTo(List.of("Searches carried out", "en"));
    assertThat(nl.get("fact arrests").get(1)).isEqualTo("Aangehouden mensen");
    assertThat(nl.get("claim c1").get(1)).isEqualTo("Het netwerk was onkraakbaar.");
    assertThat(nl.get("claim c1").get(5)).isEqualTo(List.of("A reseller", "en"));
    Map<String, List<?>> en = rows(two, "");
    assertThat(en.get("fact raids").get(1)).isEqualTo("Searches carried out");
    assertThat(en.get("claim c1").get(5)).isEqualTo("A reseller");
    // The words that say so are the page's, from the message files.
    assertThat(messages(two, "nl/search/").get("untranslated")).isEqualTo("(nog niet vertaald)");
    assertThat(messages(two, "search/").get("untranslated")).isEqualTo("(not yet translated)");
  }

  /** Every row of a language's index, by "kind id" (the id from the row's address). */
  static Map<String, List<?>> rows(TestSite site, String prefix) {
    Map<?, ?> contents = (Map<?, ?>) site.json(prefix + "search.json");
    Map<String, List<?>> out = new java.util.LinkedHashMap<>();
    for (int k = 0; k < ((Number) contents.get("rows")).intValue(); k++) {
      for (Object r : (List<?>) site.json(local(rowUrl(contents, k)))) {
        List<?> row = (List<?>) r;
        String url = (String) row.get(3);
        String id = url.substring(url.lastIndexOf('-') + 1);
        out.put(row.get(0) + " " + id, row);
      }
    }
    return out;
  }

  private static Map<?, ?> messages(TestSite site, String page) {
    String json = site.html(page).selectFirst("#search-form").attr("data-messages");
    return (Map<?, ?>) dev.sourced.testing.JsonReader.parse(json);
  }

  /** The documents with every word of the query, as "kind address", the way search.js looks. */
  static List<String> find(TestSite site, String prefix, String query) {
    Map<?, ?> contents = (Map<?, ?>) site.json(prefix + "search.json");
    TreeSet<Integer> found = null;
    Map<String, Integer> words = new java.util.LinkedHashMap<>();
    SearchTerms.add(query, 1, words);
    for (String t : words.keySet()) {
      List<?> parts = (List<?>) contents.get("words");
      int at = 0;
      for (int i = 0; i < parts.size(); i++) {
        if (((String) ((List<?>) parts.get(i)).get(0)).compareTo(t) <= 0) at = i;
      }
      Map<?, ?> part = (Map<?, ?>) site.json(local(wordUrl(contents, at)));
      TreeSet<Integer> docs = new TreeSet<>();
      for (var e : part.entrySet()) {
        if (!((String) e.getKey()).startsWith(t)) continue;
        int doc = -1;
        for (String v : ((String) e.getValue()).split(",")) {
          doc += Integer.parseInt(v, 36) >> 2;
          docs.add(doc);
        }
      }
      if (found == null) found = docs;
      else found.retainAll(docs);
    }
    List<String> out = new ArrayList<>();
    int per = ((Number) contents.get("perPart")).intValue();
    for (int d : found) {
      List<?> rows = (List<?>) site.json(local(rowUrl(contents, d / per)));
      List<?> row = (List<?>) rows.get(d % per);
      out.add(row.get(0) + " " + row.get(3));
    }
    return out;
  }

  /** The address of part {@code i} of the word list, as search.js makes it. */
  static String wordUrl(Map<?, ?> contents, int i) {
    String hash = (String) ((List<?>) ((List<?>) contents.get("words")).get(i)).get(1);
    return ((String) contents.get("wordPart")).replace("{n}", "" + i).replace("{hash}", hash);
  }

  /** The address of part {@code k} of the rows, as search.js makes it. */
  static String rowUrl(Map<?, ?> contents, int k) {
    String hash = ((String) contents.get("rowHashes")).substring(8 * k, 8 * k + 8);
    return ((String) contents.get("rowPart")).replace("{n}", "" + k).replace("{hash}", hash);
  }

  private static String local(Object url) {
    return ((String) url).substring("/sub/".length());
  }
}
