package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.JsonReader;
import dev.sourced.testing.TestSite;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture {@code sites/locale-nl}: {@code locale: nl} writes 70.000 (dot grouping, comma decimals),
 * Dutch qualifiers and scale words, and Dutch dates; the page language is nl.
 */
class LocaleNlFixtureTest {
  @TempDir static Path dir;
  static TestSite site;
  static Document page;

  @BeforeAll
  static void build() {
    site = TestSite.fixture("locale-nl", dir);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    page = site.html("getallen/");
  }

  private static String inline(String id) {
    return page.selectFirst(".article-body a.fact[data-fact=" + id + "]").wholeText();
  }

  private static String boxed(String id) {
    return page.select("#fact-" + id + " .factbox-value").text();
  }

  @Test
  void numbersUseDotsForThousands() {
    assertThat(inline("gebruikers")).isEqualTo("70.000");
    assertThat(boxed("gebruikers")).isEqualTo("70.000 gebruikers");
  }

  @Test
  void qualifiersAndScaleWordsAreDutch() {
    assertThat(inline("ongeveer")).isEqualTo("ongeveer 70.000");
    assertThat(inline("berichten")).isEqualTo("meer dan 80 miljoen");
  }

  @Test
  void decimalsUseAComma() {
    assertThat(inline("aandeel")).isEqualTo("20,5%");
  }

  @Test
  void moneyKeepsItsCents() {
    // 1250000.50 euros is "€ 1.250.000,50": an amount of money with cents has two decimals.
    assertThat(inline("kosten")).isEqualTo("€\u00a01.250.000,50");
  }

  @Test
  void datesAndThePageLanguageAreDutch() {
    assertThat(page.selectFirst("html").attr("lang")).isEqualTo("nl");
    assertThat(page.select(".article-header time").first().text()).isEqualTo("9 maart 2021");
    assertThat(page.select("#fact-gebruikers time").text()).isEqualTo("9 maart 2021");
    assertThat(site.html("facts/").select("table.index-table tbody tr td:eq(1)").eachText())
        .contains("70.000 gebruikers", "meer dan 80 miljoen");
  }

  @Test
  void machineReadableNumbersStayPlain() {
    var f = site.json("facts.json");
    assertThat(JsonReader.at(f, "facts", 0, "values", 0, "value"))
        .isEqualTo(new BigDecimal("70000"));
    assertThat(JsonReader.at(f, "facts", 0, "shown")).isEqualTo("70.000 gebruikers");
  }
}
