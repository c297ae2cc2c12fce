package dev.sourced.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.testing.Links;
import dev.sourced.testing.TestSite;
import dev.sourced.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where pages land: a page bundle ({@code folder/index.md}) takes the folder's name and carries its
 * other files beside the page; {@code slug:} in the front-matter overrides the file name.
 */
class PageAddressesFixtureTest {
  @TempDir Path dir;

  @Test
  void aPageBundleCopiesItsFilesBesideThePage() throws Exception {
    TestSite site = TestSite.fixture("page-bundle", dir);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(site.exists("operation-argus/index.html")).isTrue();
    Path source = Trees.fixture("page-bundle").resolve("content/operation-argus");
    assertThat(Files.readAllBytes(site.output().resolve("operation-argus/map.png")))
        .isEqualTo(Files.readAllBytes(source.resolve("map.png")));
    assertThat(Files.readAllBytes(site.output().resolve("operation-argus/notes.txt")))
        .isEqualTo(Files.readAllBytes(source.resolve("notes.txt")));
    assertThat(site.exists("operation-argus/index.md")).as("the Markdown is not copied").isFalse();
    var img = site.html("operation-argus/").selectFirst(".article-body img");
    assertThat(img.attr("src")).isEqualTo("map.png");
    assertThat(img.attr("alt")).isEqualTo("Map of the raids");
    assertThat(Links.broken(site, "/")).isEmpty();
  }

  @Test
  void aSlugInTheFrontMatterDecidesTheAddress() {
    TestSite site = TestSite.fixture("front-matter-slug", dir);
    site.build();
    assertThat(site.diagnostics()).isEmpty();
    assertThat(site.exists("short/index.html")).isTrue();
    assertThat(site.exists("a-very-long-file-name")).isFalse();
    assertThat(site.html("short/").selectFirst("h1").text())
        .isEqualTo("The slug comes from the front-matter");
    assertThat(site.html("short/").selectFirst("link[rel=canonical]").attr("href"))
        .isEqualTo("https://example.org/short/");
    assertThat(site.exists("guides/nested/index.html")).isTrue();
    assertThat(site.html("").select(".article-list a").eachAttr("href"))
        .containsExactly("/moved/", "/short/", "/guides/nested/");
  }

  @Test
  void aBundleWithASlugTakesItsFilesToTheNewAddress() {
    TestSite site = TestSite.fixture("front-matter-slug", dir);
    site.build();
    assertThat(site.exists("moved/index.html")).isTrue();
    assertThat(site.exists("moved/photo.png")).isTrue();
    assertThat(site.exists("bundle-dir")).isFalse();
    assertThat(site.html("short/").selectFirst(".article-body a[href=/moved/]")).isNotNull();
    assertThat(Links.broken(site, "/")).isEmpty();
  }
}
