package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import dev.sourced.testing.Xml;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * Lists that grow with the site are cut into pages: a site of 45 articles (generated here), with
 * small limits set in sourced.yaml ({@code paginate}, {@code feed}, {@code sitemap}), so every list
 * has several pages, the feeds a few entries and the sitemap several files.
 */
class PaginationTest {
  @TempDir static Path dir;
  static TestSite site;

  static final int ARTICLES = 45;

  /** The site: article i has one source, two facts and the tags "all" (and "odd" when odd). */
  static String spec() {
    StringBuilder b = new StringBuilder();
    b.append(
        """
        -- sourced.yaml --
        title: Paged
        base_url: https://example.org/
        paginate: {articles: 10, entries: 20}
        feed: {entries: 5}
        sitemap: {max_urls: 30}
        -- content/_data/shared.yaml --
        sources:
          s0: {title: Shared report, publisher: Agency, date: 2021-01-01, url: "https://example.org/s0"}
        facts:
          shared:
            label: Shared figure
            value: 1200
            unit: people
            as_of: 2021-01-01
            sources: [s0]
        """);
    for (int i = 1; i <= ARTICLES; i++) {
      String n = String.format("%02d", i);
      b.append("-- content/a")
          .append(n)
          .append(".md --\n---\ntitle: Article ")
          .append(n)
          .append("\ndate: ")
          .append(LocalDate.of(2020, 1, 1).plusDays(i))
          .append("\ntags: [all")
          .append(i % 2 == 1 ? ", odd" : "")
          .append("]\nsummary: The summary of article ")
          .append(n)
          .append(".\nsources:\n  s")
          .append(n)
          .append(": {title: Report ")
          .append(n)
          .append(", publisher: Office, date: 2020-01-01, url: \"https://example.org/r")
          .append(n)
          .append("\"}\nfacts:\n");
      for (int f = 1; f <= 2; f++) {
        b.append("  f")
            .append(n)
            .append('-')
            .append(f)
            .append(": {label: Figure ")
            .append(f)
            .append(" of article ")
            .append(n)
            .append(", value: ")
            .append(i * 10 + f)
            .append(", unit: people, as_of: 2020-01-01, sources: [s")
            .append(n)
            .append("]}\n");
      }
      b.append("---\nThere were {{fact:f")
          .append(n)
          .append("-1}} and {{fact:f")
          .append(n)
          .append("-2}} people [@s")
          .append(n)
          .append("]")
          .append(i == 1 ? ", and {{fact:shared}} in all [@s0]" : "")
          .append(".\n");
    }
    return b.toString();
  }

  @BeforeAll
  static void build() {
    site = TestSite.of(dir, spec());
    site.buildStrict();
    assertThat(site.diagnostics()).isEmpty();
  }

  /** The addresses a page's navigation links to, in order, with the current page marked. */
  static List<String> nav(Document d) {
    List<String> out = new ArrayList<>();
    Element nav = d.selectFirst("nav.pagination");
    if (nav == null) return out;
    for (Element li : nav.select("li")) {
      Element a = li.selectFirst("a");
      if (a == null) out.add("…");
      else out.add(a.attr("href") + (a.hasAttr("aria-current") ? " (current)" : ""));
    }
    return out;
  }

  @Test
  void theHomeListIsCutIntoPagesAtHugosAddressesWithPageOneAtTheOldOne() {
    assertThat(site.exists("index.html")).isTrue();
    assertThat(site.exists("page/1/index.html")).isFalse();
    assertThat(site.exists("page/5/index.html")).isTrue();
    assertThat(site.exists("page/6/index.html")).isFalse();
    List<String> titles = new ArrayList<>();
    for (int p = 1; p <= 5; p++) {
      Document d = site.html(p == 1 ? "" : "page/" + p + "/");
      List<String> here = d.select(".article-list h2 a").eachText();
      assertThat(here).hasSize(p < 5 ? 10 : 5);
      titles.addAll(here);
    }
    // Newest first, each article once.
    List<String> expected = new ArrayList<>();
    for (int i = ARTICLES; i >= 1; i--) expected.add(String.format("Article %02d", i));
    assertThat(titles).isEqualTo(expected);
  }

  @Test
  void eachPageLinksToItsNeighboursAndNamesItselfAsCanonical() {
    Document first = site.html("");
    assertThat(first.select("link[rel=prev]")).isEmpty();
    assertThat(first.selectFirst("link[rel=next]").attr("href")).isEqualTo("/page/2/");
    assertThat(first.selectFirst("link[rel=canonical]").attr("href"))
        .isEqualTo("https://example.org/");
    assertThat(first.title()).isEqualTo("Paged");
    assertThat(nav(first))
        .containsExactly("/ (current)", "/page/2/", "/page/3/", "…", "/page/5/", "/page/2/");

    Document third = site.html("page/3/");
    assertThat(third.selectFirst("link[rel=prev]").attr("href")).isEqualTo("/page/2/");
    assertThat(third.selectFirst("link[rel=next]").attr("href")).isEqualTo("/page/4/");
    assertThat(third.selectFirst("link[rel=canonical]").attr("href"))
        .isEqualTo("https://example.org/page/3/");
    assertThat(third.title()).isEqualTo("Paged, page 3 of 5");
    assertThat(third.select("nav.pagination a[rel=prev]").attr("href")).isEqualTo("/page/2/");
    assertThat(third.select("nav.pagination a[rel=next]").attr("href")).isEqualTo("/page/4/");
    assertThat(nav(third))
        .containsExactly(
            "/page/2/", "/", "/page/2/", "/page/3/ (current)", "/page/4/", "/page/5/", "/page/4/");
    // The reversed list goes on counting down where the page before stopped.
    assertThat(third.selectFirst("ol.article-list").attr("start")).isEqualTo("25");

    Document last = site.html("page/5/");
    assertThat(last.select("link[rel=next]")).isEmpty();
    assertThat(last.select("nav.pagination a[rel=next]")).isEmpty();
  }

  @Test
  void theNavigationIsLabelledAndItsLinksNamedInTheSitesLanguage() {
    Element nav = site.html("page/2/").selectFirst("nav.pagination");
    assertThat(nav.attr("aria-label")).isEqualTo("Pages");
    assertThat(nav.select("a[rel=prev]").text()).isEqualTo("Previous page");
    assertThat(nav.select("a[rel=next]").text()).isEqualTo("Next page");
    Element current = nav.selectFirst("a[aria-current=page]");
    assertThat(current.text()).isEqualTo("2");
    assertThat(current.attr("aria-label")).isEqualTo("Page 2");
    assertThat(nav.select("li.gap")).isEmpty();
    // Page 1 of 5 names pages 1 to 3 and 5: the gap between is hidden from screen readers.
    Element gap = site.html("").selectFirst("nav.pagination li.gap");
    assertThat(gap.attr("aria-hidden")).isEqualTo("true");
  }

  @Test
  void aListOnOnePageHasNoNavigation() {
    Document tags = site.html("tags/");
    assertThat(tags.select("nav.pagination")).isEmpty();
    assertThat(tags.select("link[rel=next]")).isEmpty();
    assertThat(tags.selectFirst("ol.article-list")).isNull();
    // The navigation's stylesheet is loaded by the pages that have one only.
    assertThat(tags.select("link[rel=stylesheet][href*=pagination]")).isEmpty();
    assertThat(site.html("").select("link[rel=stylesheet][href*=pagination]")).hasSize(1);
  }

  @Test
  void tagPagesAreCutIntoPagesUnderTheTagsAddress() {
    assertThat(site.exists("tags/all/page/5/index.html")).isTrue();
    assertThat(site.exists("tags/all/page/6/index.html")).isFalse();
    assertThat(site.exists("tags/odd/page/3/index.html")).isTrue();
    assertThat(site.exists("tags/odd/page/4/index.html")).isFalse();
    Document d = site.html("tags/odd/page/3/");
    assertThat(d.select(".article-list h2 a").eachText())
        .containsExactly("Article 05", "Article 03", "Article 01");
    assertThat(d.selectFirst("link[rel=prev]").attr("href")).isEqualTo("/tags/odd/page/2/");
    assertThat(d.selectFirst("link[rel=canonical]").attr("href"))
        .isEqualTo("https://example.org/tags/odd/page/3/");
  }

  @Test
  void theFactsIndexListsEveryFactOnceAcrossItsPages() {
    // 91 facts (one shared, two per article), 20 to a page.
    assertThat(site.exists("facts/page/5/index.html")).isTrue();
    assertThat(site.exists("facts/page/6/index.html")).isFalse();
    List<String> rows = new ArrayList<>();
    for (int p = 1; p <= 5; p++) {
      Document d = site.html(p == 1 ? "facts/" : "facts/page/" + p + "/");
      rows.addAll(d.select("table.index-table tbody tr td:first-child a").eachText());
      assertThat(nav(d)).contains((p == 1 ? "/facts/" : "/facts/page/" + p + "/") + " (current)");
    }
    assertThat(rows).hasSize(91).doesNotHaveDuplicates();
    assertThat(rows).contains("Shared figure", "Figure 2 of article 45", "Figure 1 of article 01");
  }

  @Test
  void aLinkToASharedFactLandsOnThePageThatBoxesIt() {
    Element link = site.html("a01/").selectFirst("a[href*=#fact-shared]");
    assertThat(link).isNotNull();
    String href = link.attr("href");
    assertThat(href).isEqualTo("/facts/#fact-shared");
    assertThat(site.html("facts/").getElementById("fact-shared")).isNotNull();
    for (int p = 2; p <= 5; p++) {
      Document d = site.html("facts/page/" + p + "/");
      assertThat(d.getElementById("fact-shared")).isNull();
      assertThat(d.select("#shared-facts")).isEmpty();
    }
  }

  @Test
  void theSourcesIndexIsCutIntoPages() {
    List<String> all = new ArrayList<>();
    for (int p = 1; p <= 3; p++) {
      Document d = site.html(p == 1 ? "sources/" : "sources/page/" + p + "/");
      all.addAll(d.select("ul.source-index > li > a").eachAttr("href"));
    }
    assertThat(site.exists("sources/page/4/index.html")).isFalse();
    assertThat(all).hasSize(46).doesNotHaveDuplicates();
  }

  @Test
  void theFeedCarriesTheNewestEntriesOnly() {
    NodeList entries = site.xml("feed.xml").getElementsByTagNameNS(Xml.ATOM, "entry");
    assertThat(entries.getLength()).isEqualTo(5);
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < entries.getLength(); i++)
      titles.add(Xml.text((org.w3c.dom.Element) entries.item(i), "title"));
    assertThat(titles)
        .containsExactly("Article 45", "Article 44", "Article 43", "Article 42", "Article 41");
  }

  @Test
  void pastItsLimitTheSitemapIsAnIndexOfFilesThatListEveryPageOnce() {
    org.w3c.dom.Document index = site.xml("sitemap.xml");
    assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
    assertThat(index.getDocumentElement().getNamespaceURI())
        .isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
    NodeList locs = index.getElementsByTagNameNS("*", "loc");
    List<String> listed = new ArrayList<>();
    for (int i = 0; i < locs.getLength(); i++) {
      String loc = locs.item(i).getTextContent();
      assertThat(loc).isEqualTo("https://example.org/sitemap-" + (i + 1) + ".xml");
      org.w3c.dom.Document part = site.xml(loc.substring("https://example.org/".length()));
      assertThat(part.getDocumentElement().getLocalName()).isEqualTo("urlset");
      NodeList urls = part.getElementsByTagNameNS("*", "loc");
      assertThat(urls.getLength()).isBetween(1, 30);
      for (int j = 0; j < urls.getLength(); j++) listed.add(urls.item(j).getTextContent());
    }
    assertThat(locs.getLength()).isEqualTo(4);
    assertThat(listed).doesNotHaveDuplicates();
    // Every page a reader opens, and nothing else: the HTML pages but the search page, 404.html.
    Set<String> pages = new TreeSet<>();
    for (String f : site.allHtml().keySet()) {
      if (f.equals("404.html") || f.equals("search/index.html")) continue;
      pages.add("https://example.org/" + f.replaceAll("index\\.html$", ""));
    }
    assertThat(new TreeSet<>(listed)).isEqualTo(pages);
  }

  @Test
  void everyPageTheBuildWritesIsKnownToTheLinkChecker() {
    // Links to later pages are checked like any other: the strict build above had none broken.
    Set<String> hrefs = new HashSet<>();
    for (Map.Entry<String, Document> e : site.allHtml().entrySet())
      hrefs.addAll(e.getValue().select("nav.pagination a").eachAttr("href"));
    for (String h : hrefs) assertThat(site.exists(h.substring(1) + "index.html")).as(h).isTrue();
  }
}
