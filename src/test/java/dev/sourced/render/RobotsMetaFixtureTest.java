package dev.sourced.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.TestSite;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which pages ask search engines not to index them: only the not-found page (a host that serves it
 * with status 200 must not have it indexed) and redirects. The search page is one static page, the
 * same HTML for every query, with its canonical address: it may be found like any other.
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
  void onlyTheNotFoundPageAndRedirectsAreNotIndexed() {
    assertThat(site.html("404.html").select("meta[name=robots]").attr("content"))
        .isEqualTo("noindex");
    assertThat(site.html("old-a/").select("meta[name=robots]").attr("content"))
        .isEqualTo("noindex");
    for (String page : new String[] {"", "a/", "facts/", "sources/", "tags/"}) {
      assertThat(site.html(page).select("meta[name=robots]")).as(page).isEmpty();
    }
  }
}
