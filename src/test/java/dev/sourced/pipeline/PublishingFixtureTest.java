package dev.sourced.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.JsonReader;
import dev.sourced.testing.Links;
import dev.sourced.testing.TestSite;
import dev.sourced.testing.Trees;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What gets listed where: drafts nowhere, tags on their pages, the home page newest first. */
class PublishingFixtureTest {
  @TempDir Path dir;

  @Test
  void aDraftIsPublishedNowhere() {
    TestSite site = TestSite.fixture("drafts-unpublished", dir);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(site.exists("work-in-progress")).isFalse();
    assertThat(site.exists("tags/secret")).isFalse();
    for (String f : Trees.files(site.output())) {
      if (f.endsWith(".png") || f.endsWith(".ico") || f.endsWith(".css")) continue;
      assertThat(site.file(f))
          .as(f)
          .doesNotContain("work-in-progress", "Draft article", "A draft correction");
    }
    assertThat(site.html("").select(".article-list a").eachText())
        .containsExactly("Published article");
    assertThat(site.html("corrections/").select(".corrections-list li")).isEmpty();
    assertThat(site.html("tags/").select(".tag-index a").eachText()).containsExactly("public");
  }

  @Test
  void tagsHaveAnIndexAndAPageEachCaseInsensitively() {
    TestSite site = TestSite.fixture("tag-pages", dir);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    Document tags = site.html("tags/");
    assertThat(tags.select(".tag-index a").eachAttr("href"))
        .containsExactly("/tags/belgium/", "/tags/encryption/", "/tags/policing/");
    assertThat(tags.select(".tag-index li").eachText())
        .containsExactly("Belgium (1)", "encryption (1)", "Policing (2)");
    Document policing = site.html("tags/policing/");
    assertThat(policing.select(".article-list a").eachText())
        .containsExactly("Second tagged", "First tagged");
    assertThat(site.html("tags/belgium/").select(".article-list a").eachAttr("href"))
        .containsExactly("/second/");
    assertThat(site.html("first/").select("ul.tags a").eachAttr("href"))
        .containsExactly("/tags/policing/", "/tags/encryption/");
    assertThat(site.html("untagged/").select("ul.tags")).isEmpty();
    assertThat(Links.broken(site, "/")).isEmpty();
  }

  @Test
  void theHomePageListsArticlesNewestFirstTiesByAddress() {
    TestSite site = TestSite.fixture("home-newest-first", dir);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    Document home = site.html("");
    List<String> order = List.of("/b-newest/", "/c-middle/", "/d-same-day-b/", "/a-oldest/");
    assertThat(home.select(".article-list h2 a").eachAttr("href")).containsExactlyElementsOf(order);
    assertThat(home.select(".article-list time").eachAttr("datetime"))
        .containsExactly("2022-06-30", "2021-05-01", "2023-01-01", "2021-05-01", "2020-01-15");
    Object feedOrder = JsonReader.at(site.json("sources.json"), "sources", 0, "cited_in");
    assertThat(feedOrder).isEqualTo(order.stream().map(u -> "https://example.org" + u).toList());
  }
}
