package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture {@code sites/source-caveats}: what a source says about its own figure travels with the
 * figure. "Almost" stays "almost" (not "about"), a caveat ("according to the Daily Mail") follows
 * the figure in the sentence, the box and the exports, a source without a title says so instead of
 * showing one made from its address, and dates known only to the month or the year are shown that
 * way.
 */
class SourceCaveatsFixtureTest {
  @TempDir Path dir;

  private TestSite built() {
    TestSite site = TestSite.fixture("source-caveats", dir);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    return site;
  }

  @Test
  void almostIsShownAsAlmostInTheSentenceAndTheBox() {
    Document page = built().html("encrochat/");
    assertThat(page.select(".article-body a.fact").get(0).text())
        .isEqualTo("almost 20 million euros");
    assertThat(page.selectFirst("#fact-cash .factbox-value").text())
        .isEqualTo("almost 20 million euros");
  }

  @Test
  void aCaveatFollowsTheFigureInTheSentenceOutsideItsLinkAndInTheBox() {
    Document page = built().html("encrochat/");
    Element p = page.select(".article-body p").get(0);
    assertThat(p.text())
        .contains(
            "In Britain, arrests reached 746 (according to the Daily Mail, as cited by"
                + " DutchNews).");
    Element link = p.select("a.fact").get(1);
    assertThat(link.text()).isEqualTo("746");
    assertThat(link.nextElementSibling().hasClass("fact-caveat")).isTrue();
    assertThat(page.selectFirst("#fact-uk-arrests .factbox-value").text())
        .isEqualTo("746 people (according to the Daily Mail, as cited by DutchNews)");
    assertThat(page.selectFirst("#fact-messages .figure-row.fact-used .figure").text())
        .isEqualTo("more than 100 million messages (a French figure)");
  }

  @Test
  void aCaveatIsInTheExports() {
    TestSite site = built();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> facts =
        (List<Map<String, Object>>) ((Map<String, Object>) site.json("facts.json")).get("facts");
    Map<String, Object> uk =
        facts.stream().filter(f -> f.get("id").equals("uk-arrests")).findFirst().orElseThrow();
    assertThat(uk.get("shown"))
        .isEqualTo("746 people (according to the Daily Mail, as cited by DutchNews)");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> values = (List<Map<String, Object>>) uk.get("values");
    assertThat(values.get(0).get("caveat"))
        .isEqualTo("according to the Daily Mail, as cited by DutchNews");
  }

  @Test
  void anUntitledSourceSaysSoAndIsNamedByItsPublisher() {
    TestSite site = built();
    Document page = site.html("encrochat/");
    assertThat(page.selectFirst("#ref-nltimes").text())
        .startsWith("title not in our copy, NL Times, 9 March 2021.");
    assertThat(page.selectFirst("#ref-nltimes a").text()).isEqualTo("title not in our copy");
    Document source = site.html("sources/nltimes/");
    assertThat(source.selectFirst("h1").text())
        .isEqualTo("Title not in our copy, NL Times, 9 March 2021");
    assertThat(source.title()).startsWith("NL Times, 9 March 2021 ·");
    assertThat(site.html("sources/").text())
        .contains("title not in our copy, NL Times, 9 March 2021");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sources =
        (List<Map<String, Object>>)
            ((Map<String, Object>) site.json("sources.json")).get("sources");
    Map<String, Object> nl =
        sources.stream().filter(s -> s.get("id").equals("nltimes")).findFirst().orElseThrow();
    assertThat(nl.get("title")).isNull();
    assertThat(nl.get("untitled")).isEqualTo(true);
  }

  @Test
  void datesKnownToTheMonthOrYearAreShownThatWay() {
    TestSite site = built();
    Document page = site.html("encrochat/");
    Element tv5 = page.selectFirst("#ref-tv5monde time");
    assertThat(tv5.attr("datetime")).isEqualTo("2020-07");
    assertThat(tv5.text()).isEqualTo("July 2020");
    Element year = page.selectFirst("#ref-yearbook time");
    assertThat(year.attr("datetime")).isEqualTo("2021");
    assertThat(year.text()).isEqualTo("2021");
    Element asOf = page.selectFirst("#fact-cash .factbox-meta time");
    assertThat(asOf.attr("datetime")).isEqualTo("2020-07");
    assertThat(asOf.text()).isEqualTo("July 2020");
    assertThat(page.selectFirst("#fact-messages .factbox-meta time").text()).isEqualTo("2020");
    assertThat(page.selectFirst("#fact-messages .figure-row.fact-used .figure-scope").text())
        .endsWith("intercepted and decrypted, as of July 2020");
    assertThat(page.select("#fact-messages .source-links").text()).contains("TV5Monde (2020)");
  }
}
