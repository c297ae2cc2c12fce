package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Links;
import dev.sourced.testing.TestSite;
import dev.sourced.testing.Trees;
import dev.sourced.testing.Xml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * Fixture {@code sites/corrections}: two corrected articles (three corrections) and one that never
 * was. Each correction shows, dated, at the top of its article, on /corrections/ and in
 * corrections.xml, newest first.
 */
class CorrectionsFixtureTest {
  @TempDir Path dir;

  private TestSite built() {
    TestSite site = TestSite.fixture("corrections", dir);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    return site;
  }

  @Test
  void theNoticeIsAtTheTopOfTheArticleBeforeTheBody() {
    Document page = built().html("corrected/");
    Element notice = page.selectFirst("section.corrections-notice");
    assertThat(notice).isNotNull();
    Element body = page.selectFirst(".article-body");
    List<Element> order = page.select("section.corrections-notice, .article-body");
    assertThat(order).containsExactly(notice, body);
    assertThat(notice.select("li").eachText())
        .containsExactly(
            "20 March 2021: The date of the raid was wrong & is now fixed.",
            "12 March 2021: An earlier version gave the wrong scope.");
    assertThat(notice.select("time").eachAttr("datetime"))
        .containsExactly("2021-03-20", "2021-03-12");
  }

  @Test
  void anArticleWithoutCorrectionsHasNoNotice() {
    assertThat(built().html("clean/").select(".corrections-notice")).isEmpty();
  }

  @Test
  void theCorrectionsPageListsEveryCorrectionNewestFirst() {
    TestSite site = built();
    Document page = site.html("corrections/");
    var items = page.select(".corrections-list li");
    assertThat(items.eachText())
        .containsExactly(
            "5 April 2021, Another corrected article: A name was misspelled.",
            "20 March 2021, An article that was corrected: "
                + "The date of the raid was wrong & is now fixed.",
            "12 March 2021, An article that was corrected: An earlier version gave the wrong scope.");
    assertThat(items.select("a").eachAttr("href"))
        .containsExactly("/also-corrected/", "/corrected/", "/corrected/");
    assertThat(page.select("a[href=/corrections.xml]")).hasSize(1);
    assertThat(Links.broken(site, "/")).isEmpty();
  }

  @Test
  void correctionsXmlIsAnAtomFeedOfTheSameCorrections() {
    TestSite site = built();
    var feed = site.xml("corrections.xml").getDocumentElement();
    assertThat(feed.getNamespaceURI()).isEqualTo(Xml.ATOM);
    var entries = Xml.children(feed, "entry");
    assertThat(entries)
        .extracting(e -> Xml.text(e, "summary"))
        .containsExactly(
            "A name was misspelled.",
            "The date of the raid was wrong & is now fixed.",
            "An earlier version gave the wrong scope.");
    assertThat(entries)
        .extracting(e -> Xml.text(e, "updated"))
        .containsExactly("2021-04-05T00:00:00Z", "2021-03-20T00:00:00Z", "2021-03-12T00:00:00Z");
    assertThat(entries)
        .extracting(e -> Xml.children(e, "link").get(0).getAttribute("href"))
        .containsExactly(
            "https://example.org/also-corrected/",
            "https://example.org/corrected/",
            "https://example.org/corrected/");
    assertThat(Xml.text(feed, "updated")).isEqualTo("2021-04-05T00:00:00Z");
    assertThat(entries).extracting(e -> Xml.text(e, "id")).doesNotHaveDuplicates();
  }

  @Test
  void aCorrectionKeepsItsFeedIdWhenAnotherCorrectionIsAdded() throws Exception {
    // Atom ids are permanent: a feed reader shows an entry again when its id changes. Adding a
    // newer correction to another article must not renumber the existing entries.
    Path copy = dir.resolve("copy");
    Trees.copy(Trees.fixture("corrections"), copy);
    TestSite site = TestSite.at(copy, dir.resolve("out"));
    site.build();
    List<String> before = ids(site);
    Path clean = copy.resolve("content/clean.md");
    Files.writeString(
        clean,
        Files.readString(clean)
            .replace(
                "date: 2021-05-01\n",
                "date: 2021-05-01\ncorrections:\n  - {date: 2021-05-02, text: A typo that mattered.}\n"));
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    List<String> after = ids(site);
    assertThat(after).hasSize(before.size() + 1).containsAll(before);
  }

  private static List<String> ids(TestSite site) {
    List<String> ids = new ArrayList<>();
    NodeList nodes = site.xml("corrections.xml").getElementsByTagNameNS(Xml.ATOM, "entry");
    for (int i = 0; i < nodes.getLength(); i++) {
      ids.add(Xml.text((org.w3c.dom.Element) nodes.item(i), "id"));
    }
    return ids;
  }
}
