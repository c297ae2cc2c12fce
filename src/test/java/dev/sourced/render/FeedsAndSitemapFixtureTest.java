package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Links;
import dev.sourced.testing.TestSite;
import dev.sourced.testing.Xml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Fixture {@code sites/feeds-and-sitemap}: two published articles (one with authors, summary, tag,
 * updated date and XML-special characters in its title) and a draft. feed.xml and sitemap.xml are
 * parsed as XML; 404.html must work from any depth.
 */
class FeedsAndSitemapFixtureTest {
  /** Pages without content of their own, which search engines should not list. */
  static final Set<String> NOT_IN_SITEMAP = Set.of("404.html", "search/index.html");

  @TempDir static Path dir;
  static TestSite site;

  @BeforeAll
  static void build() {
    site = TestSite.fixture("feeds-and-sitemap", dir);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
  }

  @Test
  void theFeedIsAtomWithOneEntryPerPublishedArticleNewestFirst() {
    Document feed = site.xml("feed.xml");
    Element root = feed.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(Xml.ATOM);
    assertThat(root.getLocalName()).isEqualTo("feed");
    assertThat(Xml.text(root, "title")).isEqualTo("Feeds & sitemap");
    assertThat(Xml.text(root, "id")).isEqualTo("https://example.org/feed.xml");
    assertThat(Xml.text(root, "updated")).isEqualTo("2021-04-02T00:00:00Z");
    assertThat(Xml.children(root, "link"))
        .extracting(l -> l.getAttribute("rel") + " " + l.getAttribute("href"))
        .containsExactly(" https://example.org/", "self https://example.org/feed.xml");
    List<Element> entries = Xml.children(root, "entry");
    assertThat(entries)
        .extracting(e -> Xml.text(e, "title"))
        .containsExactly("Newer article", "Tom & Jerry <script> in a title");
    assertThat(entries)
        .extracting(e -> Xml.children(e, "link").get(0).getAttribute("href"))
        .containsExactly("https://example.org/newer/", "https://example.org/older/");
  }

  @Test
  void aFeedEntryCarriesDatesAuthorsSummaryAndCategories() {
    Element older = Xml.children(site.xml("feed.xml").getDocumentElement(), "entry").get(1);
    assertThat(Xml.text(older, "id")).isEqualTo("https://example.org/older/");
    assertThat(Xml.text(older, "published")).isEqualTo("2021-03-01T00:00:00Z");
    assertThat(Xml.text(older, "updated")).isEqualTo("2021-04-02T00:00:00Z");
    assertThat(Xml.children(older, "author"))
        .extracting(a -> Xml.text(a, "name"))
        .containsExactly("Ann Author", "Bob Writer");
    assertThat(Xml.text(older, "summary")).isEqualTo("A summary with \"quotes\" & ampersands.");
    assertThat(Xml.children(older, "category"))
        .extracting(c -> c.getAttribute("term"))
        .containsExactly("Policing");
    Element newer = Xml.children(site.xml("feed.xml").getDocumentElement(), "entry").get(0);
    assertThat(Xml.text(newer, "updated")).isEqualTo(Xml.text(newer, "published"));
  }

  @Test
  void theSitemapListsEveryPageExceptTheNotFoundPage() {
    Document map = site.xml("sitemap.xml");
    Element root = map.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(Xml.SITEMAP);
    Set<String> locs = new TreeSet<>();
    for (Element url : Xml.children(root, "url")) locs.add(Xml.text(url, "loc"));
    Set<String> pages = new TreeSet<>();
    for (String f : site.allHtml().keySet()) {
      if (NOT_IN_SITEMAP.contains(f)) continue;
      pages.add("https://example.org/" + f.replaceFirst("index\\.html$", ""));
    }
    assertThat(locs).isEqualTo(pages);
    assertThat(locs).noneMatch(l -> l.contains("hidden"));
  }

  @Test
  void articlesInTheSitemapHaveTheirLastChangeDate() {
    List<String> lastmods = new ArrayList<>();
    for (Element url : Xml.children(site.xml("sitemap.xml").getDocumentElement(), "url")) {
      if (!Xml.children(url, "lastmod").isEmpty()) {
        lastmods.add(Xml.text(url, "loc") + " " + Xml.text(url, "lastmod"));
      }
    }
    assertThat(lastmods)
        .containsExactlyInAnyOrder(
            "https://example.org/newer/ 2021-03-20", "https://example.org/older/ 2021-04-02");
  }

  @Test
  void theNotFoundPageUsesOnlySiteAbsoluteAddresses() {
    var notFound = site.html("404.html");
    assertThat(notFound.selectFirst("h1").text()).isEqualTo("Page not found");
    assertThat(Links.internal(notFound))
        .isNotEmpty()
        .allSatisfy(href -> assertThat(href).matches("^(/|#).*"));
    assertThat(Links.broken(site, "/")).isEmpty();
  }

  @Test
  void pagesAdvertiseTheFeed() {
    var home = site.html("");
    assertThat(home.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
        .isEqualTo("/feed.xml");
  }
}
