package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corrections page is cut into pages like the other lists that grow with the site ({@code
 * paginate.entries}): a site generated here with 24 corrections in English (two on each of 12
 * articles) and 3 in Dutch, 10 to a page, so the English list has three pages and the Dutch one.
 */
class CorrectionsPaginationTest {
  @TempDir static Path dir;
  static TestSite site;

  static final int ARTICLES = 12;

  static String spec() {
    StringBuilder b =
        new StringBuilder(
            """
            -- sourced.yaml --
            title: {en: Corrected, nl: Verbeterd}
            base_url: https://example.org/
            languages: [en, nl]
            paginate: {entries: 10}
            -- content/_data/shared.yaml --
            sources:
              s0: {title: Report, publisher: Agency, date: 2021-01-01, url: "https://example.org/s0"}
            """);
    for (int i = 1; i <= ARTICLES; i++) {
      String n = String.format("%02d", i);
      LocalDate day = LocalDate.of(2021, 1, 1).plusDays(i);
      b.append("-- content/a").append(n).append(".en.md --\n---\n");
      b.append("title: Article ").append(n).append("\ndate: ").append(day).append('\n');
      b.append("corrections:\n");
      for (int c = 1; c <= 2; c++) {
        b.append("  - date: ").append(day.plusMonths(c)).append('\n');
        b.append("    text: Correction ").append(c).append(" of article ").append(n).append(".\n");
      }
      b.append("---\nText ").append(n).append(" [@s0].\n");
      if (i <= 3) {
        b.append("-- content/a").append(n).append(".nl.md --\n---\n");
        b.append("title: Artikel ").append(n).append("\ndate: ").append(day).append('\n');
        b.append("corrections:\n  - date: ").append(day.plusMonths(1)).append('\n');
        b.append("    text: Verbetering van artikel ").append(n).append(".\n");
        b.append("---\nTekst ").append(n).append(" [@s0].\n");
      }
    }
    return b.toString();
  }

  @BeforeAll
  static void build() {
    site = TestSite.of(dir, spec());
    site.buildStrict();
    assertThat(site.diagnostics()).isEmpty();
  }

  @Test
  void everyCorrectionIsOnExactlyOnePageNewestFirst() {
    assertThat(site.exists("corrections/page/1/index.html")).isFalse();
    assertThat(site.exists("corrections/page/3/index.html")).isTrue();
    assertThat(site.exists("corrections/page/4/index.html")).isFalse();
    List<String> all = new ArrayList<>();
    List<String> dates = new ArrayList<>();
    for (int p = 1; p <= 3; p++) {
      Document d = site.html(p == 1 ? "corrections/" : "corrections/page/" + p + "/");
      List<String> here = d.select("ul.corrections-list > li").eachText();
      assertThat(here).as("page " + p).hasSize(p < 3 ? 10 : 4);
      all.addAll(here);
      dates.addAll(d.select("ul.corrections-list time").eachAttr("datetime"));
    }
    assertThat(all).hasSize(2 * ARTICLES).doesNotHaveDuplicates();
    List<String> newestFirst = new ArrayList<>(dates);
    newestFirst.sort(java.util.Comparator.reverseOrder());
    assertThat(dates).isEqualTo(newestFirst);
    assertThat(all.get(0)).contains("Correction 2 of article 12.");
    assertThat(all.get(all.size() - 1)).contains("Correction 1 of article 01.");
  }

  @Test
  void eachPageIsAListPageWithItsNeighboursAndItsOwnAddress() {
    Document first = site.html("corrections/");
    assertThat(first.selectFirst("link[rel=canonical]").attr("href"))
        .isEqualTo("https://example.org/corrections/");
    assertThat(first.selectFirst("link[rel=next]").attr("href")).isEqualTo("/corrections/page/2/");
    assertThat(PaginationTest.nav(first))
        .containsExactly(
            "/corrections/ (current)",
            "/corrections/page/2/",
            "/corrections/page/3/",
            "/corrections/page/2/");
    assertThat(first.select("link[rel=stylesheet][href*=pagination]")).hasSize(1);
    Document last = site.html("corrections/page/3/");
    assertThat(last.selectFirst("link[rel=canonical]").attr("href"))
        .isEqualTo("https://example.org/corrections/page/3/");
    assertThat(last.selectFirst("link[rel=prev]").attr("href")).isEqualTo("/corrections/page/2/");
    assertThat(last.select("link[rel=next]")).isEmpty();
    assertThat(last.title()).isEqualTo("Corrections, page 3 of 3 · Corrected");
    assertThat(site.file("sitemap.xml")).contains("https://example.org/corrections/page/3/");
  }

  @Test
  void eachLanguageCountsItsOwnCorrections() {
    Document nl = site.html("nl/corrections/");
    assertThat(nl.select("ul.corrections-list > li")).hasSize(3);
    assertThat(nl.select("nav.pagination")).isEmpty();
    assertThat(nl.select("link[rel=stylesheet][href*=pagination]")).isEmpty();
    assertThat(site.exists("nl/corrections/page/2/index.html")).isFalse();
  }
}
