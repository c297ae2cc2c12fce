package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Links;
import dev.sourced.testing.TestSite;
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
import org.w3c.dom.NodeList;

/**
 * Fixture {@code sites/feeds-and-sitemap}: two published articles (one with authors, summary, tag,
 * updated date and XML-special characters in its title) and a draft. feed.xml and sitemap.xml are
 * parsed as XML; 404.html must work from any depth.
 */
class FeedsAndSitemapFixtureTest {
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
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
    assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
    assertThat(root.getLocalName()).isEqualTo("feed");
    assertThat(text(root, "title")).isEqualTo("Feeds & sitemap");
    assertThat(text(root, "id")).isEqualTo("https://example.org/feed.xml");
    assertThat(text(root, "updated")).isEqualTo("2021-04-02T00:00:00Z");
    assertThat(children(root, "link"))
        .extracting(l -> l.getAttribute("rel") + " " + l.getAttribute("href"))
        .containsExactly(" https://example.org/", "self https://example.org/feed.xml");
    List<Element> entries = children(root, "entry");
    assertThat(entries).extracting(e -> text(e, "title"))
        .containsExactly("Newer article", "Tom & Jerry <script> in a title");
    assertThat(entries).extracting(e -> children(e, "link").get(0).getAttribute("href"))
        .containsExactly("https://example.org/newer/", "https://example.org/older/");
  }

  @Test
  void aFeedEntryCarriesDatesAuthorsSummaryAndCategories() {
    Element older = children(site.xml("feed.xml").getDocumentElement(), "entry").get(1);
    assertThat(text(older, "id")).isEqualTo("https://example.org/older/");
    assertThat(text(older, "published")).isEqualTo("2021-03-01T00:00:00Z");
    assertThat(text(older, "updated")).isEqualTo("2021-04-02T00:00:00Z");
    assertThat(children(older, "author")).extracting(a -> text(a, "name"))
        .containsExactly("Ann Author", "Bob Writer");
    assertThat(text(older, "summary")).isEqualTo("A summary with \"quotes\" & ampersands.");
    assertThat(children(older, "category")).extracting(c -> c.getAttribute("term"))
        .containsExactly("Policing");
    Element newer = children(site.xml("feed.xml").getDocumentElement(), "entry").get(0);
    assertThat(text(newer, "updated")).isEqualTo(text(newer, "published"));
  }

  @Test
  void theSitemapListsEveryPageExceptTheNotFoundPage() {
    Document map = site.xml("sitemap.xml");
    Element root = map.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(SITEMAP);
    Set<String> locs = new TreeSet<>();
    for (Element url : children(root, "url")) locs.add(text(url, "loc"));
    Set<String> pages = new TreeSet<>();
    for (String f : site.allHtml().keySet()) {
      if (f.equals("404.html")) continue;
      pages.add("https://example.org/" + f.replaceFirst("index\\.html$", ""));
    }
    assertThat(locs).isEqualTo(pages);
    assertThat(locs).noneMatch(l -> l.contains("hidden"));
  }

  @Test
  void articlesInTheSitemapHaveTheirLastChangeDate() {
    List<String> lastmods = new ArrayList<>();
    for (Element url : children(site.xml("sitemap.xml").getDocumentElement(), "url")) {
      if (!children(url, "lastmod").isEmpty()) {
        lastmods.add(text(url, "loc") + " " + text(url, "lastmod"));
      }
    }
    assertThat(lastmods).containsExactlyInAnyOrder("https://example.org/newer/ 2021-03-20",
        "https://example.org/older/ 2021-04-02");
  }

  @Test
  void theNotFoundPageUsesOnlySiteAbsoluteAddresses() {
    var notFound = site.html("404.html");
    assertThat(notFound.selectFirst("h1").text()).isEqualTo("Page not found");
    assertThat(Links.internal(notFound)).isNotEmpty()
        .allSatisfy(href -> assertThat(href).matches("^(/|#).*"));
    assertThat(Links.broken(site, "/")).isEmpty();
  }

  @Test
  void pagesAdvertiseTheFeed() {
    var home = site.html("");
    assertThat(home.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
        .isEqualTo("/feed.xml");
  }

  static String text(Element parent, String name) {
    List<Element> c = children(parent, name);
    assertThat(c).as("<" + name + "> in <" + parent.getLocalName() + ">").hasSize(1);
    return c.get(0).getTextContent();
  }

  static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && name.equals(e.getLocalName())
          && parent.getNamespaceURI().equals(e.getNamespaceURI())) {
        out.add(e);
      }
    }
    return out;
  }
}
