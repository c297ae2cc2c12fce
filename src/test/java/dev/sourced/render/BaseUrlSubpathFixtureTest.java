package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.JsonReader;
import dev.sourced.testing.Links;
import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * Fixture {@code sites/base-url-subpath}: base_url https://example.org/explainers/, with facts, a
 * shared fact, a claim, tags, corrections, citations and a bundle image. Every address the build
 * writes starts with /explainers/ (pages) or https://example.org/explainers/ (feeds, data).
 */
class BaseUrlSubpathFixtureTest {
  static final String BASE = "/explainers/";
  static final String FULL = "https://example.org/explainers/";

  /** Addresses the author wrote in Markdown, relative on purpose. */
  static final List<String> AUTHORED = List.of("../bundle/", "chart.png");

  @TempDir static Path dir;
  static TestSite site;

  @BeforeAll
  static void build() {
    site = TestSite.fixture("base-url-subpath", dir);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
  }

  @Test
  void everyInternalAddressOnEveryPageStartsWithTheSubPath() {
    Map<String, Document> pages = site.allHtml();
    assertThat(pages)
        .containsKeys(
            "index.html",
            "home-of-fact/index.html",
            "bundle/index.html",
            "facts/index.html",
            "tags/policing/index.html",
            "404.html");
    for (var e : pages.entrySet()) {
      for (String ref : Links.internal(e.getValue())) {
        if (ref.startsWith("#") || AUTHORED.contains(ref)) continue;
        assertThat(ref).as(e.getKey()).startsWith(BASE);
      }
    }
  }

  @Test
  void factAndCitationLinksCarryTheSubPath() {
    Document bundle = site.html("bundle/");
    assertThat(bundle.select("a.fact[data-fact=users]").attr("href"))
        .isEqualTo("/explainers/home-of-fact/#fact-users");
    Document home = site.html("home-of-fact/");
    assertThat(home.select("a.fact[data-fact=population]").attr("href"))
        .isEqualTo("/explainers/facts/#fact-population");
    assertThat(home.select(".verdict-scale").attr("href"))
        .isEqualTo("/explainers/methodology/#verdict-mostly-false");
    assertThat(home.select("#fact-users .also-cited a").eachAttr("href"))
        .containsExactly("/explainers/bundle/");
  }

  @Test
  void everyInternalLinkResolvesUnderTheSubPath() {
    assertThat(Links.broken(site, BASE)).isEmpty();
  }

  @Test
  void fullAddressesInPagesFeedsAndDataUseTheBaseUrl() {
    for (var e : site.allHtml().entrySet()) {
      assertThat(e.getValue().select("link[rel=canonical]").attr("href"))
          .as(e.getKey())
          .startsWith(FULL);
      assertThat(e.getValue().select("meta[property=og:url]").attr("content"))
          .as(e.getKey())
          .startsWith(FULL);
    }
    NodeList locs = site.xml("sitemap.xml").getElementsByTagNameNS("*", "loc");
    assertThat(locs.getLength()).isGreaterThan(5);
    for (int i = 0; i < locs.getLength(); i++) {
      assertThat(locs.item(i).getTextContent()).startsWith(FULL);
    }
    NodeList links = site.xml("feed.xml").getElementsByTagNameNS("*", "link");
    for (int i = 0; i < links.getLength(); i++) {
      var href = ((org.w3c.dom.Element) links.item(i)).getAttribute("href");
      assertThat(href).startsWith(FULL);
    }
    assertThat(JsonReader.pluck(site.json("facts.json"), "url", "facts"))
        .containsExactly(FULL + "facts/#fact-population", FULL + "home-of-fact/#fact-users");
    assertThat(JsonReader.pluck(site.json("sources.json"), "page", "sources"))
        .containsExactly(FULL + "sources/census/", FULL + "sources/s1/");
  }

  @Test
  void claimReviewAddressesUseTheBaseUrl() {
    Map<String, Object> review =
        ClaimReviewFixtureTest.review(site.html("home-of-fact/"), "local-claim");
    assertThat(review.get("url")).isEqualTo(FULL + "home-of-fact/#claim-local-claim");
  }
}
