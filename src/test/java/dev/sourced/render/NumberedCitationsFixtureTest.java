package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Links;
import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture {@code sites/numbered-citations}: the body cites src-b, then [@src-a; @src-c], then src-b
 * again, then uses a fact sourced to src-d. Numbers follow first use; a repeated source keeps its
 * number; the reference list is in the same order with every field of a source.
 */
class NumberedCitationsFixtureTest {
  @TempDir static Path dir;
  static TestSite site;
  static Document page;

  @BeforeAll
  static void build() {
    site = TestSite.fixture("numbered-citations", dir);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    page = site.html("citing/");
  }

  @Test
  void citationsAreNumberedByFirstUse() {
    Elements cites = page.select(".article-body sup.cite");
    assertThat(cites.eachText()).containsExactly("[1]", "[2, 3]", "[1]", "[2]");
    assertThat(cites.select("a").eachAttr("href"))
        .containsExactly("#ref-src-b", "#ref-src-a", "#ref-src-c", "#ref-src-b", "#ref-src-a");
  }

  @Test
  void eachCitationHasItsOwnAnchor() {
    assertThat(page.select(".article-body sup.cite a").eachAttr("id"))
        .containsExactly(
            "cite-src-b-1", "cite-src-a-1", "cite-src-c-1", "cite-src-b-2", "cite-src-a-2")
        .doesNotHaveDuplicates();
  }

  @Test
  void theReferenceListFollowsTheNumbers() {
    Elements refs = page.select("section.references ol > li");
    assertThat(refs.eachAttr("id"))
        .containsExactly("ref-src-b", "ref-src-a", "ref-src-c", "ref-src-d");
    Element b = refs.get(0);
    assertThat(b.selectFirst("a").attr("href")).isEqualTo("https://example.org/b");
    assertThat(b.selectFirst("a").text()).isEqualTo("Report B");
    assertThat(b.text()).contains("Publisher B", "1 February 2021", "Accessed 20 November 2026");
    assertThat(b.select("time").eachAttr("datetime")).containsExactly("2021-02-01", "2026-11-20");
    assertThat(b.select("a").eachAttr("href"))
        .contains("https://archive.example.org/b", "/sources/src-b/");
    Element c = refs.get(2);
    assertThat(c.select("a").eachAttr("href")).containsExactly("/sources/src-c/");
    assertThat(c.text()).startsWith("Report C");
  }

  @Test
  void aFactsSourcesJoinTheListWhereTheFactIsFirstUsed() {
    Element box = page.getElementById("fact-deaths");
    assertThat(box.select(".source-links a").eachText()).containsExactly("[4] Publisher D");
    assertThat(box.select(".source-links a").attr("href")).isEqualTo("#ref-src-d");
  }

  @Test
  void textThatOnlyLooksLikeACitationStaysText() {
    Element p = page.select(".article-body p").get(2);
    assertThat(p.select("sup.cite")).isEmpty();
    assertThat(p.text()).contains("[@ mention]");
    assertThat(p.select("code").text()).isEqualTo("[@src-c]");
    assertThat(p.select("a[href^=mailto:]").text()).isEqualTo("someone@example.org");
  }

  @Test
  void everyCitationLandsOnAReference() {
    assertThat(Links.broken(site, "/")).isEmpty();
  }
}
