package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which pages ask search engines not to index them: only redirects, whose canonical link names the
 * page they lead to. The not-found page is served with status 404 for missing addresses, which
 * search engines do not index, and is linked from nowhere: like Hugo's, Zola's and Jekyll's, it has
 * no robots meta (Lighthouse's SEO audit fails a page that has one). The search page is one static
 * page, the same HTML for every query, with its canonical address: it may be found like any other.
 */
class RobotsMetaFixtureTest {
  @TempDir static Path dir;
  static TestSite site;

  @BeforeAll
  static void build() {
    site =
        TestSite.of(
            dir,
            """
            -- sourced.yaml --
            title: Test
            base_url: https://example.org/
            -- content/a.md --
            ---
            title: A
            date: 2024-01-02
            aliases: [/old-a/]
            ---
            Text.
            """);
    site.build();
  }

  @Test
  void theSearchPageIsIndexableAtItsCanonicalAddress() {
    Document d = site.html("search/");
    assertThat(d.select("meta[name=robots]")).isEmpty();
    assertThat(d.select("link[rel=canonical]").attr("href"))
        .isEqualTo("https://example.org/search/");
  }

  @Test
  void onlyRedirectsAreNotIndexed() {
    assertThat(site.html("old-a/").select("meta[name=robots]").attr("content"))
        .isEqualTo("noindex");
    for (String page : new String[] {"", "a/", "facts/", "sources/", "tags/", "404.html"}) {
      assertThat(site.html(page).select("meta[name=robots]")).as(page).isEmpty();
    }
  }

  @Test
  void aSiteWhoseHostAnswersMissingAddressesWithStatus200CanMarkItsOwnNotFoundPage(
      @TempDir Path own) {
    TestSite s =
        TestSite.of(
            own,
            """
            -- sourced.yaml --
            title: Test
            base_url: https://example.org/
            -- templates/404.ftlh --
            <#import "base.ftlh" as base>
            <#assign robots><meta name="robots" content="noindex"></#assign>
            <@base.layout head=robots>
            <h1>Not here</h1>
            </@base.layout>
            """);
    s.build();
    Document d = s.html("404.html");
    assertThat(d.select("head meta[name=robots]").attr("content")).isEqualTo("noindex");
    assertThat(d.select("main h1").text()).isEqualTo("Not here");
  }
}
