package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site in Dutch (the default, at the root) and English (under /en/): translations by file name
 * know each other, every page says its language and links to its versions both ways, each language
 * has its own home, tags, facts index, sources, corrections, feeds and search, and a fact declared
 * once shows the same figure in each language's format.
 */
class MultilingualFixtureTest {
  @TempDir static Path dir;
  static TestSite site;

  @BeforeAll
  static void build() {
    site =
        TestSite.of(
            dir,
            """
            -- sourced.yaml --
            title: {nl: Sky ECC ontleed, en: Sky ECC decoded}
            base_url: https://example.org/
            languages: [nl, en]
            locale: {en: en-GB}
            -- content/users.nl.md --
            ---
            title: Gebruikers
            date: 2021-03-09
            tags: [politie]
            corrections:
              - date: 2021-03-12
                text: Het aantal was eerst fout.
            sources:
              s1: {title: Persbericht, publisher: Politie, date: 2021-03-09, url: "https://example.org/p", language: nl}
            facts:
              users:
                label: Gebruikers
                value: 70000
                approx: true
                as_of: 2021-03-09
                sources: [s1]
            ---
            De politie las {{fact:users}} gebruikers [@s1].
            -- content/users.en.md --
            ---
            title: Users
            date: 2021-03-09
            tags: [police]
            ---
            Police read {{fact:users}} users [@s1].
            -- content/alleen.md --
            ---
            title: Alleen in het Nederlands
            date: 2021-03-10
            ---
            Zie {{fact:users}} [@s1].
            -- content/report.v2.md --
            ---
            title: Versie 2
            date: 2021-03-11
            ---
            Zie [@s1].
            """);
    site.build();
  }

  @Test
  void buildsCleanly() {
    assertThat(site.diagnostics()).isEmpty();
  }

  @Test
  void theDefaultLanguageIsAtTheRootAndTheOthersUnderTheirFolder() {
    assertThat(site.exists("users/index.html")).isTrue();
    assertThat(site.exists("en/users/index.html")).isTrue();
    assertThat(site.exists("alleen/index.html")).isTrue();
    assertThat(site.exists("en/alleen/index.html")).isFalse();
    // A suffix that is not a language is part of the name.
    assertThat(site.exists("report.v2/index.html")).isTrue();
    for (String p :
        List.of(
            "index.html",
            "tags/index.html",
            "facts/index.html",
            "sources/index.html",
            "sources/s1/index.html",
            "methodology/index.html",
            "corrections/index.html",
            "search/index.html",
            "search.json",
            "feed.xml",
            "corrections.xml")) {
      assertThat(site.exists(p)).as(p).isTrue();
      assertThat(site.exists("en/" + p)).as("en/" + p).isTrue();
    }
    assertThat(site.exists("404.html")).isTrue();
    assertThat(site.exists("en/404.html")).isTrue();
    assertThat(site.exists("tags/politie/index.html")).isTrue();
    assertThat(site.exists("en/tags/police/index.html")).isTrue();
    assertThat(site.exists("en/tags/politie/index.html")).isFalse();
  }

  @Test
  void theRoot404SpeaksEveryLanguageAndEachLanguageHasItsOwn() {
    // The root 404 is the one every host serves, for a missing /en/ address too: the default
    // language's, then each other language in its own words, with links to its own pages.
    Document root = site.html("404.html");
    assertThat(root.selectFirst("html").attr("lang")).isEqualTo("nl");
    assertThat(root.selectFirst("main h1").text()).isEqualTo("Pagina niet gevonden");
    assertThat(root.select("main > p a").eachAttr("href")).containsExactly("/", "/facts/");
    Element en = root.selectFirst("main section[lang=en]");
    assertThat(en).as("the English part of the Dutch 404").isNotNull();
    assertThat(en.selectFirst("h2").text()).isEqualTo("Page not found");
    assertThat(en.selectFirst("p").text())
        .isEqualTo(
            "There is no page at this address. Try the list of articles or the index of facts.");
    assertThat(en.select("a").eachAttr("href")).containsExactly("/en/", "/en/facts/");
    assertThat(en.select("a").eachAttr("hreflang")).containsOnly("en");
    assertThat(root.select("main [lang=nl]")).isEmpty();
    // The English one, for hosts that serve a folder's own 404.html.
    Document own = site.html("en/404.html");
    assertThat(own.selectFirst("html").attr("lang")).isEqualTo("en");
    assertThat(own.selectFirst("main h1").text()).isEqualTo("Page not found");
    assertThat(own.select("main > p a").eachAttr("href")).containsExactly("/en/", "/en/facts/");
    assertThat(own.selectFirst("main section[lang=nl] h2").text())
        .isEqualTo("Pagina niet gevonden");
    assertThat(own.select("main section[lang=nl] a").eachAttr("href"))
        .containsExactly("/", "/facts/");
    assertThat(own.selectFirst(".site-search").attr("action")).isEqualTo("/en/search/");
    for (Document d : List.of(root, own)) {
      assertThat(d.select("meta[name=robots]")).isEmpty();
      assertThat(d.select("link[rel=alternate][hreflang]")).isEmpty();
    }
    // The switcher: the page's own language is the current one (the page is in it), and every
    // other language leads to that language's home, with no "not translated" warning: the
    // not-found page exists in every language, only the missing page does not.
    assertThat(root.select(".language-switcher [aria-current=page]").text())
        .isEqualTo("Nederlands");
    assertThat(own.select(".language-switcher [aria-current=page]").text()).isEqualTo("English");
    assertThat(root.select(".language-switcher a").eachAttr("href")).containsExactly("/en/");
    assertThat(own.select(".language-switcher a").eachAttr("href")).containsExactly("/");
    assertThat(root.selectFirst(".language-switcher a").attr("hreflang")).isEqualTo("en");
    assertThat(own.selectFirst(".language-switcher a").attr("hreflang")).isEqualTo("nl");
    assertThat(root.select(".language-switcher a[title]")).isEmpty();
    assertThat(own.select(".language-switcher a[title]")).isEmpty();
  }

  @Test
  void everyPageSaysItsLanguageAndItsVersionsBothWays() {
    Document nl = site.html("users/");
    Document en = site.html("en/users/");
    assertThat(nl.selectFirst("html").attr("lang")).isEqualTo("nl");
    assertThat(en.selectFirst("html").attr("lang")).isEqualTo("en");
    for (Document d : List.of(nl, en)) {
      assertThat(d.select("link[rel=alternate][hreflang]").eachAttr("abs:href"))
          .containsExactly("https://example.org/users/", "https://example.org/en/users/");
      assertThat(d.select("link[rel=alternate][hreflang]").eachAttr("hreflang"))
          .containsExactly("nl", "en");
    }
    assertThat(nl.select(".language-switcher a").eachAttr("href")).containsExactly("/en/users/");
    assertThat(en.select(".language-switcher a").eachAttr("href")).containsExactly("/users/");
    assertThat(nl.select(".language-switcher [aria-current=page]").text()).isEqualTo("Nederlands");
    assertThat(en.select(".language-switcher [aria-current=page]").text()).isEqualTo("English");
  }

  @Test
  void aPageWithoutTranslationHasNoAlternatesAndItsSwitcherLeadsHome() {
    Document d = site.html("alleen/");
    assertThat(d.select("link[rel=alternate][hreflang]")).isEmpty();
    Element en = d.selectFirst(".language-switcher a");
    assertThat(en.attr("href")).isEqualTo("/en/");
    assertThat(en.hasAttr("hreflang")).isFalse();
    assertThat(en.attr("title")).contains("niet vertaald in het Engels");
  }

  @Test
  void theSitesOwnPagesHaveTheirVersionsInEveryLanguage() {
    Document facts = site.html("en/facts/");
    assertThat(facts.select("link[rel=alternate][hreflang]").eachAttr("href"))
        .containsExactly("https://example.org/facts/", "https://example.org/en/facts/");
    assertThat(facts.select("h1").text()).isEqualTo("Facts and claims");
    assertThat(site.html("facts/").select("h1").text()).isEqualTo("Feiten en beweringen");
    assertThat(site.html("en/").select("nav[aria-label=Site] a").eachAttr("href"))
        .startsWith("/en/", "/en/facts/", "/en/sources/");
    assertThat(site.html("en/").select("title").text()).isEqualTo("Sky ECC decoded");
    assertThat(site.html("").select("title").text()).isEqualTo("Sky ECC ontleed");
  }

  @Test
  void eachLanguageListsItsOwnArticles() {
    assertThat(site.html("").select(".article-list h2").eachText())
        .containsExactly("Versie 2", "Alleen in het Nederlands", "Gebruikers");
    assertThat(site.html("en/").select(".article-list h2").eachText()).containsExactly("Users");
    assertThat(site.html("en/tags/").select(".tag-index a").eachText()).containsExactly("police");
    assertThat(site.html("en/facts/").select(".index-table td:eq(3) a").eachAttr("href"))
        .containsExactly("/en/users/");
    assertThat(site.file("en/feed.xml")).contains("https://example.org/en/users/");
    assertThat(site.file("en/feed.xml")).doesNotContain("https://example.org/users/");
    assertThat(site.file("en/feed.xml")).contains("xml:lang=\"en\"");
  }

  @Test
  void aFactDeclaredOnceShowsInEveryLanguageInItsFormatAndIsBoxedInTheTranslation() {
    Document nl = site.html("users/");
    Document en = site.html("en/users/");
    assertThat(nl.select("a.fact").text()).isEqualTo("ongeveer 70.000");
    assertThat(en.select("a.fact").text()).isEqualTo("about 70,000");
    assertThat(en.select("#fact-users .factbox-kind").text()).isEqualTo("Fact");
    assertThat(en.select("#fact-users time").text()).isEqualTo("9 March 2021");
    assertThat(nl.select("#fact-users time").text()).isEqualTo("9 maart 2021");
    // The untranslated Dutch page links to the Dutch box; the English index to the English one.
    assertThat(site.html("alleen/").select("a.fact").attr("href")).isEqualTo("/users/#fact-users");
    assertThat(site.html("en/facts/").select(".index-table td:eq(0) a").attr("href"))
        .isEqualTo("/en/users/#fact-users");
    assertThat(en.select("#ref-s1").text()).contains("(in Dutch)");
    assertThat(nl.select("#ref-s1").text()).contains("(in het Nederlands)");
  }

  @Test
  void oneSitemapListsEveryPageWithItsVersions() {
    var xml = site.xml("sitemap.xml");
    var urls = xml.getElementsByTagName("url");
    List<String> locs = new java.util.ArrayList<>();
    for (int i = 0; i < urls.getLength(); i++) {
      locs.add(
          ((org.w3c.dom.Element) urls.item(i))
              .getElementsByTagName("loc")
              .item(0)
              .getTextContent());
    }
    assertThat(locs)
        .contains(
            "https://example.org/",
            "https://example.org/en/",
            "https://example.org/users/",
            "https://example.org/en/users/",
            "https://example.org/alleen/");
    String text = site.file("sitemap.xml");
    assertThat(text)
        .contains(
            "<url><loc>https://example.org/en/users/</loc><lastmod>2021-03-09</lastmod>"
                + "<xhtml:link rel=\"alternate\" hreflang=\"nl\" href=\"https://example.org/users/\"/>"
                + "<xhtml:link rel=\"alternate\" hreflang=\"en\""
                + " href=\"https://example.org/en/users/\"/></url>");
    assertThat(text)
        .contains("<url><loc>https://example.org/alleen/</loc><lastmod>2021-03-10</lastmod></url>");
  }

  @Test
  void correctionsShowInTheLanguageOfTheirArticle() {
    assertThat(site.html("corrections/").select(".corrections-list li").eachText())
        .containsExactly("12 maart 2021, Gebruikers: Het aantal was eerst fout.");
    assertThat(site.html("en/corrections/").select(".corrections-list li")).isEmpty();
  }

  @Test
  void aDefaultLanguageArticleCannotTakeAnotherLanguagesFolder(@TempDir Path other) {
    TestSite s =
        TestSite.of(
            other,
            """
            -- sourced.yaml --
            title: T
            languages: [nl, en]
            language: nl
            -- content/en/x.md --
            ---
            title: X
            date: 2021-03-09
            sources:
              s1: {title: P, url: "https://example.org/p"}
            ---
            Tekst [@s1].
            """);
    s.build();
    assertThat(s.diagnostics())
        .containsExactly(
            "content/en/x.md:1:1: error[reserved-slug] the address /en/x/ is taken by a page the"
                + " build writes itself",
            "sourced.yaml:2:1: error[bad-config] sourced.yaml sets both `language` and"
                + " `languages`");
  }
}
