package dev.sourced.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.JsonReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The search index of the example site built under a sub-path: every article, fact, claim and
 * source is in its parts with an address under the base path that exists, and the search page works
 * without JavaScript as far as it can (a GET form, a message, no results).
 */
class SearchIndexTest {

  @Test
  void theIndexListsArticlesFactsClaimsAndSourcesAtAddressesThatExist() throws Exception {
    Path site = ExampleSite.subPath();
    String contents = Files.readString(site.resolve("search.json"), StandardCharsets.UTF_8);
    assertThat(contents).startsWith("{\"version\":4,");
    Map<?, ?> index = (Map<?, ?>) JsonReader.parse(contents);
    String rowPart = ((String) index.get("rowPart")).substring(ExampleSite.SUB_PATH.length());
    StringBuilder rows = new StringBuilder();
    for (int k = 0; k < ((Number) index.get("rows")).intValue(); k++) {
      rows.append(
          Files.readString(
              site.resolve(
                  rowPart.replace("{n}", String.valueOf(k)).replace("{hash}", rowHash(index, k))),
              StandardCharsets.UTF_8));
    }
    for (String kind : new String[] {"article", "fact", "claim", "source"}) {
      assertThat(rows).contains("[\"" + kind + "\",");
    }
    String facts = Files.readString(site.resolve("facts.json"), StandardCharsets.UTF_8);
    // Each fact once (its words in other languages are under `translations`, not more facts).
    assertThat(count(rows.toString(), "[\"fact\","))
        .as("every fact is searchable")
        .isEqualTo(JsonReader.list(JsonReader.parse(facts), "facts").size());
    Matcher url =
        Pattern.compile("\"(" + Pattern.quote(ExampleSite.SUB_PATH) + "[^\"]*/(?:#[^\"]*)?)\"")
            .matcher(rows);
    int n = 0;
    while (url.find()) {
      String u = url.group(1);
      String path = u.substring(ExampleSite.SUB_PATH.length());
      String page = path.contains("#") ? path.substring(0, path.indexOf('#')) : path;
      Path file = site.resolve(page + "index.html");
      assertThat(file).as(u).isRegularFile();
      if (path.contains("#")) {
        Document doc = Jsoup.parse(file.toFile(), "UTF-8");
        assertThat(doc.getElementById(path.substring(path.indexOf('#') + 1))).as(u).isNotNull();
      }
      n++;
    }
    assertThat(n).isGreaterThan(10);
  }

  @Test
  void theSearchPageIsAPlainFormWithoutJavaScript() throws Exception {
    Path site = ExampleSite.subPath();
    Document search = Jsoup.parse(site.resolve("search/index.html").toFile(), "UTF-8");
    assertThat(search.selectFirst("form#search-form").attr("action"))
        .isEqualTo("/explainers/search/");
    assertThat(search.selectFirst("form#search-form").attr("method")).isEqualTo("get");
    assertThat(search.selectFirst("form#search-form").attr("data-index"))
        .isEqualTo("/explainers/search.json");
    assertThat(search.selectFirst("#search-q").attr("name")).isEqualTo("q");
    assertThat(search.selectFirst("label[for=search-q]")).isNotNull();
    assertThat(search.getElementById("search-status").text()).contains("vraagt JavaScript");
    Document en = Jsoup.parse(site.resolve("en/search/index.html").toFile(), "UTF-8");
    assertThat(en.selectFirst("form#search-form").attr("action"))
        .isEqualTo("/explainers/en/search/");
    assertThat(en.selectFirst("form#search-form").attr("data-index"))
        .isEqualTo("/explainers/en/search.json");
    assertThat(en.getElementById("search-status").text()).contains("needs JavaScript");
    assertThat(search.select("script[src]").eachAttr("src"))
        .anyMatch(s -> s.matches("/explainers/assets/search\\.[0-9a-f]{8}\\.js"));
    // The search script is loaded where search is used, and nowhere else.
    for (String page : ExampleSite.pages(site)) {
      if (page.equals("search/index.html") || page.equals("en/search/index.html")) continue;
      Document doc = Jsoup.parse(site.resolve(page).toFile(), "UTF-8");
      // An old address's redirect page (aliases:) has no header and no search form.
      if (!doc.select("meta[http-equiv=refresh]").isEmpty()) continue;
      assertThat(doc.select("script[src*=search.]")).as(page).isEmpty();
      // Each language's pages search in that language (its 404 page too).
      assertThat(doc.selectFirst("form.site-search").attr("action"))
          .as(page)
          .isEqualTo(page.startsWith("en/") ? "/explainers/en/search/" : "/explainers/search/");
    }
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
    return n;
  }

  /** The hash in the name of row part {@code k}, as search.js reads it. */
  static String rowHash(Map<?, ?> index, int k) {
    return ((String) index.get("rowHashes")).substring(8 * k, 8 * k + 8);
  }
}
